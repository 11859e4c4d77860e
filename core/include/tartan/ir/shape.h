// Tensor shapes: concrete sizes, row-major (the last dimension is contiguous).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tartan {

using Shape = std::vector<std::int64_t>;

std::int64_t num_elements(const Shape& shape);  // 1 for a scalar (rank 0)
std::vector<std::int64_t> row_major_strides(const Shape& shape);
std::string shape_str(const Shape& shape);  // "[1, 224, 224, 3]"

// NumPy broadcasting of two shapes; returns nullopt-like empty optional when incompatible.
bool broadcast_shapes(const Shape& a, const Shape& b, Shape* out);

}  // namespace tartan
