#include "tartan/ops/shape.h"

#include <algorithm>
#include <string>

#include "ops/op_util.h"
#include "tartan/support/error.h"

namespace tartan::ops {

namespace {

// Copies x into a zero tensor of `shape`, element idx landing at idx + offset.
Tensor place(const Tensor& x, const Shape& shape, const std::vector<std::int64_t>& offset,
             const std::optional<Tensor>& onto = {}) {
  const std::vector<IndexExpr> in = detail::index_vars("d", x.rank());
  std::vector<IndexExpr> out;
  for (std::size_t d = 0; d < in.size(); ++d) out.push_back(in[d] + offset[d]);
  TensorDecl y = x.builder().declare("", shape);
  const ContractionExpr rhs = assign(x(in));
  y(out) = onto ? rhs.with_default(*onto) : rhs;
  return y;
}

// Reads x[idx + offset] for every idx of `shape`.
Tensor window(const Tensor& x, const Shape& shape, const std::vector<std::int64_t>& offset) {
  const std::vector<IndexExpr> out = detail::index_vars("d", x.rank());
  std::vector<IndexExpr> in;
  for (std::size_t d = 0; d < out.size(); ++d) in.push_back(out[d] + offset[d]);
  TensorDecl y = x.builder().declare("", shape);
  y(out) = assign(x(in));
  return y;
}

}  // namespace

Tensor concatenate(const std::vector<Tensor>& xs, int axis) {
  constexpr const char* kOp = "concatenate";
  if (xs.empty()) throw Error("concatenate: no tensors given", "pass at least one tensor");
  const Tensor& first = xs.front();
  detail::require_min_rank(kOp, "every input", first, 1);
  const int a = detail::normalize_axis(kOp, axis, first.rank());
  Shape shape = first.shape();
  shape[static_cast<std::size_t>(a)] = 0;
  for (const Tensor& x : xs) {
    detail::require_same_builder(kOp, first, x);
    Shape expect = first.shape();
    expect[static_cast<std::size_t>(a)] = x.rank() == first.rank() ? x.shape()[a] : 0;
    if (x.shape() != expect) {
      throw Error(std::string(kOp) + ": " + x.name() + " " + shape_str(x.shape()) +
                      " does not match " + first.name() + " " + shape_str(first.shape()) +
                      " outside axis " + std::to_string(a),
                  "all inputs need the same rank and sizes except along the axis");
    }
    if (x.dtype() != first.dtype()) {
      throw Error(std::string(kOp) + ": " + x.name() + " is " + std::string(dtype_name(x.dtype())) +
                      " but " + first.name() + " is " + std::string(dtype_name(first.dtype())),
                  "cast the inputs to one type first");
    }
    shape[static_cast<std::size_t>(a)] += x.shape()[static_cast<std::size_t>(a)];
  }
  if (xs.size() == 1) return first;
  // Each input is assigned into its slot on top of the previous result.
  std::vector<std::int64_t> offset(shape.size(), 0);
  std::optional<Tensor> result;
  for (const Tensor& x : xs) {
    result = place(x, shape, offset, result);
    offset[static_cast<std::size_t>(a)] += x.shape()[static_cast<std::size_t>(a)];
  }
  return *result;
}

Tensor zero_padding2d(const Tensor& x, std::int64_t top, std::int64_t bottom, std::int64_t left,
                      std::int64_t right) {
  constexpr const char* kOp = "zero_padding2d";
  detail::require_rank(kOp, "the input [N, H, W, C]", x, 4);
  for (const std::int64_t p : {top, bottom, left, right}) {
    detail::require_non_negative(kOp, "the padding", p);
  }
  const Shape& s = x.shape();
  return place(x, {s[0], top + s[1] + bottom, left + s[2] + right, s[3]}, {0, top, left, 0});
}

Tensor cropping2d(const Tensor& x, std::int64_t top, std::int64_t bottom, std::int64_t left,
                  std::int64_t right) {
  constexpr const char* kOp = "cropping2d";
  detail::require_rank(kOp, "the input [N, H, W, C]", x, 4);
  for (const std::int64_t p : {top, bottom, left, right}) {
    detail::require_non_negative(kOp, "the cropping", p);
  }
  const Shape& s = x.shape();
  const std::int64_t h = s[1] - top - bottom, w = s[2] - left - right;
  if (h < 1 || w < 1) {
    throw Error(std::string(kOp) + ": cropping " + shape_str(s) + " by (" + std::to_string(top) +
                    ", " + std::to_string(bottom) + ", " + std::to_string(left) + ", " +
                    std::to_string(right) + ") leaves nothing",
                "crop less than the input's height and width");
  }
  return window(x, {s[0], h, w, s[3]}, {0, top, left, 0});
}

Tensor slice(const Tensor& x, int axis, std::int64_t start, std::int64_t size) {
  constexpr const char* kOp = "slice";
  const int a = detail::normalize_axis(kOp, axis, x.rank());
  const std::int64_t dim = x.shape()[static_cast<std::size_t>(a)];
  if (start < 0 || size < 1 || start + size > dim) {
    throw Error(std::string(kOp) + ": [" + std::to_string(start) + ", " +
                    std::to_string(start + size) + ") is not inside axis " + std::to_string(a) +
                    " of size " + std::to_string(dim),
                "choose 0 <= start and start + size <= the axis size, with size >= 1");
  }
  Shape shape = x.shape();
  shape[static_cast<std::size_t>(a)] = size;
  std::vector<std::int64_t> offset(shape.size(), 0);
  offset[static_cast<std::size_t>(a)] = start;
  return window(x, shape, offset);
}

Tensor reshape(const Tensor& x, std::vector<std::int64_t> shape) {
  constexpr const char* kOp = "reshape";
  const auto inferred = std::count(shape.begin(), shape.end(), -1);
  if (inferred > 1) {
    throw Error(std::string(kOp) + ": more than one dimension of " + shape_str(shape) + " is -1",
                "at most one dimension can be inferred");
  }
  if (inferred == 1) {
    std::int64_t known = 1;
    for (const std::int64_t d : shape) known *= d == -1 ? 1 : d;
    const std::int64_t total = num_elements(x.shape());
    if (known <= 0 || total % known != 0) {
      throw Error(std::string(kOp) + ": " + shape_str(x.shape()) + " cannot be reshaped to " +
                      shape_str(shape),
                  "the known dimensions must divide the element count " + std::to_string(total));
    }
    *std::find(shape.begin(), shape.end(), -1) = total / known;
  }
  return x.builder().reshape(x, std::move(shape));
}

Tensor flatten(const Tensor& x) {
  detail::require_min_rank("flatten", "the input [N, ...]", x, 1);
  return x.builder().reshape(x, {x.shape()[0], num_elements(x.shape()) / x.shape()[0]});
}

Tensor transpose(const Tensor& x, const std::vector<int>& perm) {
  std::vector<int> sorted = perm;
  std::sort(sorted.begin(), sorted.end());
  bool is_perm = static_cast<int>(perm.size()) == x.rank();
  for (std::size_t d = 0; is_perm && d < sorted.size(); ++d) {
    is_perm = sorted[d] == static_cast<int>(d);
  }
  if (!is_perm) {
    std::string p;
    for (const int d : perm) p += (p.empty() ? "" : ", ") + std::to_string(d);
    throw Error(
        "transpose: (" + p + ") is not a permutation of the axes of " + shape_str(x.shape()),
        "list every axis 0.." + std::to_string(x.rank() - 1) + " exactly once");
  }
  const std::vector<IndexExpr> in = detail::index_vars("d", x.rank());
  std::vector<IndexExpr> out;
  Shape shape;
  for (const int d : perm) {
    out.push_back(in[static_cast<std::size_t>(d)]);
    shape.push_back(x.shape()[static_cast<std::size_t>(d)]);
  }
  TensorDecl y = x.builder().declare("", shape);
  y(out) = assign(x(in));
  return y;
}

}  // namespace tartan::ops
