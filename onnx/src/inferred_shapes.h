// ONNX's own shape inference, run once the model's inputs are bound: the shape it derives for
// each value cross-checks the converter that built it (a mismatch is a bug in tartan).
#pragma once

#include <onnx/onnx_pb.h>

#include <map>
#include <optional>
#include <string>

#include "tartan/ir/shape.h"

namespace tartan::onnx {

class InferredShapes {
 public:
  // Writes `bound` (graph input -> concrete shape) into the model's inputs and infers. Inference
  // is advisory: values it cannot derive, or a model it rejects, are simply not checked.
  InferredShapes(::onnx::ModelProto& model, const std::map<std::string, Shape>& bound);
  // The fully static shape inferred for `value`, if any.
  std::optional<Shape> find(const std::string& value) const;

 private:
  std::map<std::string, Shape> shapes_;
};

}  // namespace tartan::onnx
