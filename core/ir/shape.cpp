#include "tartan/ir/shape.h"

#include <algorithm>

#include "tartan/support/error.h"

namespace tartan {

std::int64_t num_elements(const Shape& shape) {
  std::int64_t n = 1;
  for (std::int64_t d : shape) {
    // Checked: a product past int64 would wrap to a small or negative count, and the
    // allocation after it would be the wrong size.
    if (__builtin_mul_overflow(n, d, &n)) {
      throw Error("the shape " + shape_str(shape) + " has more than 2^63 elements",
                  "use smaller sizes (--input-size, --batch-size, --shape)");
    }
  }
  return n;
}

std::vector<std::int64_t> row_major_strides(const Shape& shape) {
  std::vector<std::int64_t> strides(shape.size(), 1);
  for (std::size_t i = shape.size(); i-- > 1;) strides[i - 1] = strides[i] * shape[i];
  return strides;
}

std::string shape_str(const Shape& shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(shape[i]);
  }
  return s + "]";
}

bool broadcast_shapes(const Shape& a, const Shape& b, Shape* out) {
  const std::size_t rank = std::max(a.size(), b.size());
  Shape result(rank);
  for (std::size_t i = 0; i < rank; ++i) {
    // Align from the right, as NumPy does; missing leading dimensions act as 1.
    const std::int64_t da = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    const std::int64_t db = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (da != db && da != 1 && db != 1) return false;
    result[i] = da == 1 ? db : da;
  }
  *out = std::move(result);
  return true;
}

}  // namespace tartan
