#include "tartan/ops/array.h"

#include <cmath>
#include <string>

#include "ops/op_util.h"
#include "tartan/ir/type_rules.h"
#include "tartan/ops/shape.h"
#include "tartan/support/error.h"

namespace tartan::ops {

Tensor expand(const Tensor& x, const Shape& shape) {
  Shape out;
  if (!broadcast_shapes(x.shape(), shape, &out)) {
    throw Error("expand: " + x.name() + " " + shape_str(x.shape()) + " does not broadcast to " +
                    shape_str(shape),
                "each dimension must match or be 1 (aligned from the last)");
  }
  if (out == x.shape()) return x;
  const std::vector<IndexExpr> o = detail::index_vars("d", static_cast<int>(out.size()));
  std::vector<IndexExpr> in;
  const std::size_t skip = out.size() - x.shape().size();
  for (std::size_t d = 0; d < x.shape().size(); ++d) {
    in.push_back(x.shape()[d] == 1 && out[skip + d] != 1 ? IndexExpr(0) : o[skip + d]);
  }
  TensorDecl y = x.builder().declare("", out);
  y(o) = assign(x(in));
  return y;
}

// [n0, n1, ...] -> [1, n0, 1, n1, ...] -> broadcast [r0, n0, r1, n1, ...] -> [r0 n0, r1 n1, ...].
Tensor tile(const Tensor& x, const std::vector<std::int64_t>& repeats) {
  if (static_cast<int>(repeats.size()) != x.rank()) {
    throw Error("tile: " + std::to_string(repeats.size()) + " repeat counts for " + x.name() + " " +
                    shape_str(x.shape()) + " of rank " + std::to_string(x.rank()),
                "give one repeat count per axis");
  }
  Shape spread, repeated, result;
  for (std::size_t d = 0; d < repeats.size(); ++d) {
    detail::require_positive("tile", "a repeat count", repeats[d]);
    spread.insert(spread.end(), {1, x.shape()[d]});
    repeated.insert(repeated.end(), {repeats[d], x.shape()[d]});
    result.push_back(repeats[d] * x.shape()[d]);
  }
  if (result == x.shape()) return x;
  return tartan::reshape(expand(tartan::reshape(x, spread), repeated), result);
}

Tensor range(Builder& b, double start, double limit, double delta, DType dtype) {
  if (delta == 0.0 || !std::isfinite(start) || !std::isfinite(limit) || !std::isfinite(delta)) {
    throw Error("range: start " + std::to_string(start) + ", limit " + std::to_string(limit) +
                    ", delta " + std::to_string(delta),
                "pass finite values and a non-zero delta");
  }
  const bool integer = dtype == DType::kInt32;
  if (integer && (start != std::trunc(start) || delta != std::trunc(delta))) {
    throw Error("range: an int32 range needs integer start and delta",
                "pass integers, or ask for float32");
  }
  const double count = std::max(std::ceil((limit - start) / delta), 0.0);
  if (count < 1 || count > 1e9) {
    throw Error("range: " + std::to_string(start) + " to " + std::to_string(limit) + " by " +
                    std::to_string(delta) + " has " +
                    std::to_string(static_cast<long long>(count)) + " elements",
                "tartan tensors have between 1 and 10^9 elements");
  }
  std::vector<double> values(static_cast<std::size_t>(count));
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = start + static_cast<double>(i) * delta;
  }
  return b.constant("", {static_cast<std::int64_t>(values.size())},
                    ConstantData::from_doubles(dtype, values));
}

Tensor constant_of_shape(Builder& b, const Shape& shape, double value, DType dtype) {
  check_dims("constant_of_shape", shape);
  return b.constant(
      "", shape,
      ConstantData::from_doubles(
          dtype, std::vector<double>(static_cast<std::size_t>(num_elements(shape)), value)));
}

namespace {

// x [N, C, H, W] with H and W divisible by bs (space_to_depth) or C by bs^2 (depth_to_space).
void require_blocks(const char* op, const Tensor& x, std::int64_t bs, bool channels) {
  detail::require_rank(op, "the input [N, C, H, W]", x, 4);
  detail::require_positive(op, "the block size", bs);
  const Shape& s = x.shape();
  const bool fits = channels ? s[1] % (bs * bs) == 0 : s[2] % bs == 0 && s[3] % bs == 0;
  if (!fits) {
    throw Error(
        std::string(op) + ": " + x.name() + " " + shape_str(s) + " is not divisible into " +
            std::string(channels ? "channel groups of " + std::to_string(bs * bs)
                                 : std::to_string(bs) + " x " + std::to_string(bs) + " blocks"),
        "pick a block size that divides the " +
            std::string(channels ? "channels by its square" : "height and width"));
  }
}

}  // namespace

// As ONNX defines them: a reshape to 6-D, a transposition and a reshape back.
Tensor depth_to_space(const Tensor& x, std::int64_t block_size, bool column_row_depth) {
  require_blocks("depth_to_space", x, block_size, true);
  const std::int64_t n = x.shape()[0], c = x.shape()[1], h = x.shape()[2], w = x.shape()[3];
  const std::int64_t bs = block_size, cb = c / (bs * bs);
  const Tensor blocks =
      column_row_depth ? transpose(tartan::reshape(x, {n, cb, bs, bs, h, w}), {0, 1, 4, 2, 5, 3})
                       : transpose(tartan::reshape(x, {n, bs, bs, cb, h, w}), {0, 3, 4, 1, 5, 2});
  return tartan::reshape(blocks, {n, cb, h * bs, w * bs});
}

Tensor space_to_depth(const Tensor& x, std::int64_t block_size) {
  require_blocks("space_to_depth", x, block_size, false);
  const std::int64_t n = x.shape()[0], c = x.shape()[1], h = x.shape()[2], w = x.shape()[3];
  const std::int64_t bs = block_size;
  const Tensor blocks =
      transpose(tartan::reshape(x, {n, c, h / bs, bs, w / bs, bs}), {0, 3, 5, 1, 2, 4});
  return tartan::reshape(blocks, {n, c * bs * bs, h / bs, w / bs});
}

}  // namespace tartan::ops
