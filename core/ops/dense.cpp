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
  detail::require_min_rank(kOp, "the left operand [..., M, K]", a, 2);
  detail::require_min_rank(kOp, "the right operand [..., K, N]", b, 2);
  detail::require_same_builder(kOp, a, b);
  const int r = a.rank();
  const bool shared = b.rank() == 2;
  if (!shared &&
      (b.rank() != r || !std::equal(a.shape().begin(), a.shape().end() - 2, b.shape().begin()))) {
    throw Error(std::string(kOp) + ": the batch dimensions of " + shape_str(a.shape()) + " and " +
                    shape_str(b.shape()) + " differ",
                "give both operands the same batch dimensions, or pass a rank-2 right operand");
  }
  require_inner(kOp, a, a.shape()[r - 1], b, b.shape()[b.rank() - 2]);
  const std::vector<IndexExpr> batch = detail::index_vars("d", r - 2);
  Index i("i"), j("j"), k("k");
  std::vector<IndexExpr> ai = batch, bi = shared ? std::vector<IndexExpr>{} : batch, oi = batch;
  ai.insert(ai.end(), {i, k});
  bi.insert(bi.end(), {k, j});
  oi.insert(oi.end(), {i, j});
  Shape shape = a.shape();
  shape.back() = b.shape().back();
  TensorDecl out = a.builder().declare("", shape);
  out(oi) = sum(a(ai) * b(bi));
  return out;
}

}  // namespace tartan::ops
