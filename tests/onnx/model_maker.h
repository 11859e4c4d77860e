// Small ONNX models written with libonnx's protobuf classes, for tests that need a model file
// with one specific property (an opset, a symbolic dimension, external data, a defect).
#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace tartan::testing {

// A model of one graph at `opset` (ai.onnx), IR version 8.
::onnx::ModelProto onnx_model(std::int64_t opset);
// A graph input or output; a dimension < 0 is symbolic, named by `dim_names` (in order).
void add_value_info(::onnx::ValueInfoProto* vi, const std::string& name, int elem_type,
                    const std::vector<std::int64_t>& dims,
                    const std::vector<std::string>& dim_names = {});
::onnx::NodeProto* add_node(::onnx::GraphProto* g, const std::string& op,
                            const std::vector<std::string>& inputs,
                            const std::vector<std::string>& outputs);
void add_int_attr(::onnx::NodeProto* n, const std::string& name, std::int64_t value);
void add_string_attr(::onnx::NodeProto* n, const std::string& name, const std::string& value);
void add_ints_attr(::onnx::NodeProto* n, const std::string& name,
                   const std::vector<std::int64_t>& values);
::onnx::TensorProto* add_float_initializer(::onnx::GraphProto* g, const std::string& name,
                                           const std::vector<std::int64_t>& dims,
                                           const std::vector<float>& values);
::onnx::TensorProto* add_int64_initializer(::onnx::GraphProto* g, const std::string& name,
                                           const std::vector<std::int64_t>& dims,
                                           const std::vector<std::int64_t>& values);
void write_model(const ::onnx::ModelProto& m, const std::filesystem::path& path);

}  // namespace tartan::testing
