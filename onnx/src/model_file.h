// Reading an ONNX file: protobuf parse, ai.onnx opset range, ONNX's checker.
#pragma once

#include <onnx/onnx_pb.h>

#include <cstdint>
#include <string>

namespace tartan::onnx {

struct ModelFile {
  ::onnx::ModelProto proto;
  std::string dir;         // the model file's folder (external data is relative to it)
  std::int64_t opset = 0;  // of the ai.onnx domain
};

// Throws Error for files that cannot be read or parsed (truncated, not ONNX), an ai.onnx opset
// outside [kMinOpset, kMaxOpset], and, with `run_checker`, models that ONNX's checker rejects.
ModelFile read_model_file(const std::string& path, bool run_checker);

}  // namespace tartan::onnx
