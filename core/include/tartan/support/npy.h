// NumPy .npy files of float32: the fixtures Keras wrote for the network tests, and
// tartan-bench's --input / --save-output.
//
// Reads format versions 1, 2 and 3 (the header length field is 2 bytes in v1, 4 in v2/v3) with
// dtype '<f4' in C order; anything else (another dtype, Fortran order, a truncated or damaged
// file) is an Error naming the file and what it holds, never a crash.
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

// Writes a version 1 file (version 2 when the header needs more than 64 KiB), atomically.
void write_npy(const std::filesystem::path& path, const Shape& shape,
               const std::vector<float>& values);

}  // namespace tartan
