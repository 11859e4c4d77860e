#include "src/inferred_shapes.h"

#include <onnx/shape_inference/implementation.h>

namespace tartan::onnx {

InferredShapes::InferredShapes(::onnx::ModelProto& model,
                               const std::map<std::string, Shape>& bound) {
  auto* g = model.mutable_graph();
  for (auto& vi : *g->mutable_input()) {
    const auto it = bound.find(vi.name());
    if (it == bound.end() || !vi.type().has_tensor_type()) continue;
    auto* shape = vi.mutable_type()->mutable_tensor_type()->mutable_shape();
    shape->clear_dim();
    for (const auto d : it->second) shape->add_dim()->set_dim_value(d);
  }
  try {
    ::onnx::shape_inference::InferShapes(model);
  } catch (const std::exception&) {
    return;  // advisory: the importer's own checks still apply
  }
  const auto record = [&](const ::onnx::ValueInfoProto& vi) {
    if (!vi.type().has_tensor_type() || !vi.type().tensor_type().has_shape()) return;
    Shape s;
    for (const auto& d : vi.type().tensor_type().shape().dim()) {
      if (!d.has_dim_value()) return;
      s.push_back(d.dim_value());
    }
    shapes_[vi.name()] = s;
  };
  for (const auto& vi : g->value_info()) record(vi);
  for (const auto& vi : g->output()) record(vi);
}

std::optional<Shape> InferredShapes::find(const std::string& value) const {
  const auto it = shapes_.find(value);
  if (it == shapes_.end()) return std::nullopt;
  return it->second;
}

}  // namespace tartan::onnx
