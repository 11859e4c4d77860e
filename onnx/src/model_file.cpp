#include "src/model_file.h"

#include <onnx/checker.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "src/registry.h"
#include "tartan/support/error.h"
#include "tartan/support/file_io.h"

namespace tartan::onnx {

namespace {

// ONNX's checker looks for external data relative to the working directory; tartan reads and
// bounds-checks it itself (constant.cpp). The checker sees a copy in which each external
// initializer is a graph input of the same type (the copy holds no weights: they are outside).
void check(const ::onnx::ModelProto& proto) {
  const auto& inits = proto.graph().initializer();
  const bool external = std::any_of(inits.begin(), inits.end(), [](const auto& t) {
    return t.data_location() == ::onnx::TensorProto::EXTERNAL;
  });
  if (!external) {
    ::onnx::checker::check_model(proto);
    return;
  }
  ::onnx::ModelProto copy = proto;
  auto* g = copy.mutable_graph();
  g->clear_initializer();
  std::set<std::string> inputs;
  for (const auto& vi : g->input()) inputs.insert(vi.name());
  for (const auto& t : inits) {
    if (t.data_location() != ::onnx::TensorProto::EXTERNAL) {
      *g->add_initializer() = t;
      continue;
    }
    if (inputs.contains(t.name())) continue;
    auto* vi = g->add_input();
    vi->set_name(t.name());
    auto* tt = vi->mutable_type()->mutable_tensor_type();
    tt->set_elem_type(t.data_type());
    for (const auto d : t.dims()) tt->mutable_shape()->add_dim()->set_dim_value(d);
  }
  ::onnx::checker::check_model(copy);
}

}  // namespace

ModelFile read_model_file(const std::string& path, bool run_checker) {
  const std::optional<std::string> bytes = read_file(path);
  if (!bytes) {
    throw Error("cannot read ONNX model " + path, "check that the file exists and is readable");
  }
  ModelFile m;
  m.dir = std::filesystem::path(path).parent_path().string();
  if (bytes->empty()) throw Error("ONNX model " + path + " is empty", "re-export the model");
  if (!m.proto.ParseFromString(*bytes)) {
    throw Error("ONNX model " + path + " does not parse as an ONNX protobuf (" +
                    std::to_string(bytes->size()) +
                    " bytes): the file is truncated or corrupt, "
                    "or is not an ONNX model",
                "re-export or re-download the model");
  }
  if (m.proto.ir_version() <= 0 || !m.proto.has_graph()) {
    throw Error("ONNX model " + path + " has no " +
                    std::string(m.proto.has_graph() ? "ir_version" : "graph") +
                    ": the file is truncated or is not an ONNX model",
                "re-export or re-download the model");
  }
  bool has_default = false;
  for (const auto& imp : m.proto.opset_import()) {
    if (imp.domain().empty() || imp.domain() == "ai.onnx") {
      has_default = true;
      m.opset = imp.version();
    }
  }
  if (!has_default) {
    throw Error("ONNX model " + path +
                    " imports no opset of the ai.onnx domain (unsupported: tartan imports "
                    "standard ONNX operators)",
                "re-export the model with a standard opset (7 to 17)");
  }
  if (m.opset < kMinOpset || m.opset > kMaxOpset) {
    throw Error("ONNX model " + path + " uses opset " + std::to_string(m.opset) +
                    " of the ai.onnx domain; tartan supports opsets " + std::to_string(kMinOpset) +
                    " to " + std::to_string(kMaxOpset),
                m.opset > kMaxOpset
                    ? "re-export with opset_version=" + std::to_string(kMaxOpset) +
                          " (torch.onnx.export(..., opset_version=17)), or convert it with "
                          "onnx.version_converter"
                    : "convert it to a newer opset with onnx.version_converter");
  }
  if (run_checker) {
    try {
      check(m.proto);
    } catch (const std::exception& e) {
      throw Error("ONNX model " + path + " fails ONNX's checker: " + e.what(),
                  "the file is corrupt or was written by a faulty exporter; re-export it");
    }
  }
  return m;
}

}  // namespace tartan::onnx
