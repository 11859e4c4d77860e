// ONNX import: an ONNX model file as a tartan Program with named inputs and outputs.
//
// The file is parsed with Debian's ONNX library (libonnx: protobuf definitions, checker, shape
// inference), checked, its static shape subgraphs folded, and each node mapped to the op library
// (tartan/ops), so an imported model compiles and runs like any other Program. Anything that
// cannot be imported exactly (an operator, attribute value, opset or dtype) throws Error naming
// the node, its operator and opset, and what is supported; nothing is approximated silently.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tartan/ir/program.h"
#include "tartan/reference/host_tensor.h"

namespace tartan::onnx {

struct ImportOptions {
  // Whole-shape bindings for inputs with symbolic dimensions: input name -> dims. Only the
  // symbolic dimensions may differ from the model's; a fixed one that differs is an error.
  std::map<std::string, std::vector<std::int64_t>> shapes;
  // Binds every symbolic leading dimension (the batch) that `shapes` leaves open.
  std::optional<std::int64_t> batch;
  // Binds any other symbolic dimension by its name in the model ("sequence" -> 128).
  std::map<std::string, std::int64_t> dims;
  // Folder of external-data files; empty: the model file's folder.
  std::string external_data_dir;
  // Inputs whose values are fixed at import (operands that tartan needs as constants, such as
  // a target shape fed as a graph input): they leave the Program's inputs and fold like
  // initializers. Values as HostTensor holds them; the ONNX type is the model's.
  std::map<std::string, HostTensor> constant_inputs;
};

struct ModelInput {
  std::string name;
  std::string onnx_dtype;  // as the model declares it ("int64", "float")
  DType dtype;             // as the Program holds it (int64 -> int32, checked)
  Shape shape;             // with the bindings applied
  // For integer inputs used as indices (token ids into an embedding's Gather): values must be
  // in [0, index_limit). Random inputs are drawn in that range.
  std::optional<std::int64_t> index_limit;
};

struct ModelOutput {
  std::string name;
  std::string onnx_dtype;
  DType dtype;
  Shape shape;
};

struct ImportedModel {
  Program program;  // inputs and outputs in the model's graph order
  std::vector<ModelInput> inputs;
  std::vector<ModelOutput> outputs;
  std::int64_t opset = 0;  // of the default ("" / "ai.onnx") domain
  std::string producer;    // producer_name and version, e.g. "pytorch 2.5.1"
  std::string graph_name;
  std::int64_t parameters = 0;  // elements of the float initializers
};

// Loads, checks and imports `path`. Throws Error for malformed, truncated or invalid files,
// unsupported content and unbound symbolic dimensions (naming the input and dimension, and the
// --shape flag that binds it).
ImportedModel import_model(const std::string& path, const ImportOptions& options = {});

// One operator as used by a model, for `tartan-bench onnx MODEL --list-ops`.
struct OperatorUse {
  std::string domain;  // "" for ai.onnx
  std::string op_type;
  std::int64_t opset = 0;  // the model's opset for the domain
  int nodes = 0;           // how many nodes use it
  bool supported = false;
  std::string note;  // why not, when not supported (an attribute value, a dtype, ...)
};

// The operators of `path`'s main graph (and subgraphs), in first-use order. Throws Error only
// for files that cannot be read or parsed.
std::vector<OperatorUse> list_operators(const std::string& path);

// Every operator the importer maps, as "Conv", "Gemm", ... (the ai.onnx domain), sorted, and the
// range of opsets it accepts.
struct SupportedOperator {
  std::string op_type;
  std::int64_t min_opset = 1;
  std::int64_t max_opset = 17;
};
std::vector<SupportedOperator> supported_operators();

// A serialised ONNX TensorProto (.pb, as ONNX's test data and tools write them).
struct TensorFile {
  std::string name;
  std::string onnx_dtype;
  HostTensor tensor;  // in the Program dtype of onnx_dtype (int64 -> int32 values, unchecked)
};
// Throws Error for unreadable files, bad protobufs and types tartan cannot hold.
TensorFile read_tensor_file(const std::string& path);

}  // namespace tartan::onnx
