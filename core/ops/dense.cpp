#include "tartan/ops/dense.h"

#include <string>

#include "ops/op_util.h"
#include "tartan/support/error.h"

namespace tartan::ops {

namespace {

void require_inner(const char* op, const Tensor& a, std::int64_t a_k, const Tensor& b,
                   std::int64_t b_k) {
  if (a_k != b_k) {
    throw Error(std::string(op) + ": " + a.name() + " " + shape_str(a.shape()) + " has " +
                    std::to_string(a_k) + " features but " + b.name() + " " + shape_str(b.shape()) +
                    " expects " + std::to_string(b_k),
                "the inner dimensions must match");
  }
}

}  // namespace

Tensor dense(const Tensor& x, const Tensor& kernel, const std::optional<Tensor>& bias) {
  constexpr const char* kOp = "dense";
  detail::require_min_rank(kOp, "the input [..., K]", x, 1);
  detail::require_rank(kOp, "the kernel [K, N]", kernel, 2);
  detail::require_same_builder(kOp, x, kernel);
  require_inner(kOp, x, x.shape().back(), kernel, kernel.shape()[0]);
  std::vector<IndexExpr> batch = detail::index_vars("d", x.rank() - 1);
  Index k("k"), n("n");
  std::vector<IndexExpr> in = batch, out = batch;
  in.emplace_back(k);
  out.emplace_back(n);
  Shape shape = x.shape();
  shape.back() = kernel.shape()[1];
  TensorDecl y = x.builder().declare("", shape);
  y(out) = sum(x(in) * kernel(k, n));
  if (!bias) return y;
  detail::require_same_builder(kOp, x, *bias);
  detail::require_shape(kOp, "the bias [N]", *bias, {kernel.shape()[1]});
  return Tensor(y) + *bias;
}

Tensor matmul(const Tensor& a, const Tensor& b) {
  constexpr const char* kOp = "matmul";
  detail::require_min_rank(kOp, "the left operand [..., M, K]", a, 1);
  detail::require_min_rank(kOp, "the right operand [..., K, N]", b, 1);
  detail::require_same_builder(kOp, a, b);
  const bool a_vector = a.rank() == 1, b_vector = b.rank() == 1;
  const Shape a_batch(a.shape().begin(), a.shape().end() - (a_vector ? 1 : 2));
  const Shape b_batch(b.shape().begin(), b.shape().end() - (b_vector ? 1 : 2));
  Shape shape;
  if (!broadcast_shapes(a_batch, b_batch, &shape)) {
    throw Error(std::string(kOp) + ": the batch dimensions of " + shape_str(a.shape()) + " and " +
                    shape_str(b.shape()) + " do not broadcast",
                "give both operands the same batch dimensions, or 1 where one repeats");
  }
  require_inner(kOp, a, a.shape().back(), b, b.shape()[b_vector ? 0 : b.rank() - 2]);
  const std::vector<IndexExpr> batch = detail::index_vars("d", static_cast<int>(shape.size()));
  // An operand's batch access: right-aligned, index 0 where its size 1 repeats.
  const auto batch_access = [&](const Shape& own) {
    std::vector<IndexExpr> r;
    const std::size_t skip = shape.size() - own.size();
    for (std::size_t d = 0; d < own.size(); ++d) {
      r.push_back(own[d] == 1 && shape[skip + d] != 1 ? IndexExpr(0) : batch[skip + d]);
    }
    return r;
  };
  Index i("i"), j("j"), k("k");
  std::vector<IndexExpr> ai = batch_access(a_batch), bi = batch_access(b_batch), oi = batch;
  if (!a_vector) ai.emplace_back(i);
  ai.emplace_back(k);
  bi.emplace_back(k);
  if (!b_vector) bi.emplace_back(j);
  if (!a_vector) {
    oi.emplace_back(i);
    shape.push_back(a.shape()[a.rank() - 2]);
  }
  if (!b_vector) {
    oi.emplace_back(j);
    shape.push_back(b.shape().back());
  }
  TensorDecl out = a.builder().declare("", shape);
  out(oi) = sum(a(ai) * b(bi));
  return out;
}

}  // namespace tartan::ops
