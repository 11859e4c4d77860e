// The inspection side of the API: operator lists and TensorProto files.
#include <onnx/onnx_pb.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "src/model_file.h"
#include "src/registry.h"
#include "tartan/onnx/model.h"
#include "tartan/support/error.h"
#include "tartan/support/file_io.h"

namespace tartan::onnx {

namespace {

void collect(const ::onnx::GraphProto& g, const std::map<std::string, std::int64_t>& opsets,
             std::vector<OperatorUse>& uses) {
  for (const auto& node : g.node()) {
    const std::string domain = node.domain() == "ai.onnx" ? "" : node.domain();
    auto it = std::find_if(uses.begin(), uses.end(), [&](const OperatorUse& u) {
      return u.domain == domain && u.op_type == node.op_type();
    });
    if (it == uses.end()) {
      OperatorUse u;
      u.domain = domain;
      u.op_type = node.op_type();
      const auto o = opsets.find(domain);
      u.opset = o == opsets.end() ? 0 : o->second;
      const ConverterEntry* e =
          domain.empty() ? Registry::instance().find(node.op_type()) : nullptr;
      u.supported = e && u.opset >= e->min_opset && u.opset <= e->max_opset;
      if (!domain.empty()) {
        u.note = "domain '" + domain + "' is not imported";
      } else if (!e) {
        u.note = "no converter";
      } else if (!u.supported) {
        u.note = "mapped for opsets " + std::to_string(e->min_opset) + " to " +
                 std::to_string(e->max_opset);
      }
      uses.push_back(u);
      it = uses.end() - 1;
    }
    ++it->nodes;
    for (const auto& attr : node.attribute()) {
      if (attr.has_g()) collect(attr.g(), opsets, uses);
      for (const auto& sub : attr.graphs()) collect(sub, opsets, uses);
    }
  }
}

}  // namespace

std::vector<OperatorUse> list_operators(const std::string& path) {
  const std::optional<std::string> bytes = read_file(path);
  if (!bytes)
    throw Error("cannot read ONNX model " + path, "check that the file exists and is readable");
  ::onnx::ModelProto proto;
  if (bytes->empty() || !proto.ParseFromString(*bytes) || !proto.has_graph()) {
    throw Error("ONNX model " + path +
                    " does not parse as an ONNX protobuf: the file is truncated or corrupt, or is "
                    "not an ONNX model",
                "re-export or re-download the model");
  }
  std::map<std::string, std::int64_t> opsets;
  for (const auto& imp : proto.opset_import()) {
    opsets[imp.domain() == "ai.onnx" ? "" : imp.domain()] = imp.version();
  }
  std::vector<OperatorUse> uses;
  collect(proto.graph(), opsets, uses);
  return uses;
}

std::vector<SupportedOperator> supported_operators() {
  std::vector<SupportedOperator> out;
  for (const auto& [name, e] : Registry::instance().entries()) {
    out.push_back({name, std::max(e.min_opset, kMinOpset), e.max_opset});
  }
  return out;
}

TensorFile read_tensor_file(const std::string& path) {
  const std::optional<std::string> bytes = read_file(path);
  if (!bytes)
    throw Error("cannot read tensor file " + path, "check that the file exists and is readable");
  ::onnx::TensorProto t;
  if (!t.ParseFromString(*bytes)) {
    throw Error("tensor file " + path + " does not parse as an ONNX TensorProto",
                "the file is truncated or is not a serialised TensorProto");
  }
  const std::string dir = std::filesystem::path(path).parent_path().string();
  HostConstant c = read_tensor_proto(t, dir, "tensor file " + path);
  const std::optional<DType> dtype = program_dtype(c.elem_type);
  if (!dtype) {
    throw Error(
        "unsupported: tensor file " + path + " holds " + elem_type_name(c.elem_type) + " values",
        "tartan holds float, float16, bool and integer tensors");
  }
  return {t.name(), elem_type_name(c.elem_type), HostTensor(*dtype, c.dims, std::move(c.values))};
}

}  // namespace tartan::onnx
