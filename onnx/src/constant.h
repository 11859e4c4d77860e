// Tensors whose values are known at import: initializers, Constant nodes and folded shape
// computations. Values are doubles whatever the ONNX type (exact for every integer a shape or
// an index can hold); the ONNX element type is kept so Cast, Shape and int64 checks see it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tartan/ir/program.h"

namespace onnx {
class TensorProto;
}

namespace tartan::onnx {

struct HostConstant {
  int elem_type = 1;  // ::onnx::TensorProto::DataType (1: FLOAT)
  Shape dims;
  std::vector<double> values;

  std::int64_t size() const { return static_cast<std::int64_t>(values.size()); }
  // Values as integers; int64 sentinels such as INT64_MAX (Slice's "to the end") saturate at
  // +-2^62 instead of overflowing.
  std::vector<std::int64_t> ints() const;
};

// "float", "int64", ... as ONNX names them.
std::string elem_type_name(int elem_type);
// The Program dtype that holds an ONNX element type (every integer type up to 64 bits becomes
// int32, checked per value where values are known), or nullopt for types tartan cannot hold
// (double, string, complex, bfloat16, unsigned 32/64-bit).
std::optional<DType> program_dtype(int elem_type);
bool is_integer_type(int elem_type);
// The ONNX element type a Program dtype stands for when nothing else says (int32 -> int64,
// the type exporters use for integers).
int default_elem_type(DType dtype);

// Decodes a TensorProto (typed fields, raw_data, or external data resolved against
// `external_dir`). `where` names it in errors ("initializer 'conv1.weight'").
HostConstant read_tensor_proto(const ::onnx::TensorProto& t, const std::string& external_dir,
                               const std::string& where);

// The values as a Program constant of program_dtype(elem_type). Throws Error naming `where`
// when an integer does not fit int32 or the type has no Program dtype.
std::shared_ptr<const ConstantData> to_constant_data(const HostConstant& c,
                                                     const std::string& where);

// Output dimension d is input dimension perm[d].
HostConstant transpose_host(const HostConstant& c, const std::vector<int>& perm);

}  // namespace tartan::onnx
