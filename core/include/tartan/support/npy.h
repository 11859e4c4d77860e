// NumPy .npy files: the fixtures Keras wrote for the network tests, and tartan-bench's --input /
// --save-output.
//
// Reads format versions 1, 2 and 3 (the header length field is 2 bytes in v1, 4 in v2/v3) in C
// order: read_npy float32 ('<f4') only, read_npy_typed also float64, int32, int64 and bool (ONNX
// models' inputs: token ids are int64). Anything else (another dtype, Fortran order, a truncated
// or damaged file) is an Error naming the file and what it holds, never a crash.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "tartan/ir/shape.h"

namespace tartan {

struct NpyArray {
  Shape shape;                // () for a scalar
  std::vector<float> values;  // row-major
};

NpyArray read_npy(const std::filesystem::path& path);
// `bytes` is a whole .npy file; `name` says where it came from in messages.
NpyArray parse_npy(std::string_view bytes, const std::string& name);

// An array of any dtype read_npy_typed reads, its values widened to double (exact for every
// float32, int32 and bool, and for int64 values up to 2^53 in magnitude; larger ones are an Error).
struct NpyTypedArray {
  Shape shape;
  std::string dtype;  // numpy's name: "float32", "float64", "int32", "int64", "bool"
  std::vector<double> values;
};

NpyTypedArray read_npy_typed(const std::filesystem::path& path);
NpyTypedArray parse_npy_typed(std::string_view bytes, const std::string& name);

// Writes a version 1 file (version 2 when the header needs more than 64 KiB), atomically.
void write_npy(const std::filesystem::path& path, const Shape& shape,
               const std::vector<float>& values);

}  // namespace tartan
