// Gemm and MatMul through tartan/ops/dense.h.
#include "tartan/ops/dense.h"

#include <algorithm>

#include "ops/families.h"
#include "src/registry.h"
#include "tartan/ops/shape.h"

namespace tartan::onnx {

namespace {

// Input i as a matrix, transposed if asked (constants on the host).
Tensor matrix(NodeContext& ctx, int i, bool transposed) {
  const Value& v = ctx.value(i);
  if (v.rank() != 2) ctx.invalid("input " + std::to_string(i) + " is not a matrix");
  if (!transposed) return ctx.tensor(i);
  if (v.is_host()) {
    const HostConstant t = transpose_host(v.constant(), {1, 0});
    return ctx.builder().constant("", t.dims, to_constant_data(t, ctx.where() + " input"));
  }
  return ops::transpose(ctx.tensor(i), {1, 0});
}

// Y = alpha * A' B' + beta * C; alpha = beta = 1 with a vector C is a dense layer (bias in the
// epilogue).
std::vector<Value> convert_gemm(NodeContext& ctx) {
  const double alpha = ctx.attr_float("alpha", 1.0f), beta = ctx.attr_float("beta", 1.0f);
  const Tensor a = matrix(ctx, 0, ctx.attr_int("transA", 0) != 0);
  const Tensor b = matrix(ctx, 1, ctx.attr_int("transB", 0) != 0);
  if (a.shape()[1] != b.shape()[0]) {
    ctx.invalid("A' " + shape_str(a.shape()) + " and B' " + shape_str(b.shape()) +
                " do not multiply");
  }
  if (!is_float(a.dtype())) {
    ctx.unsupported(std::string(dtype_name(a.dtype())) + " operands", "float and float16 Gemm");
  }
  const bool has_c = ctx.has_input(2) && beta != 0;
  const bool c_is_bias = has_c && ctx.value(2).shape() == Shape{b.shape()[1]};
  if (alpha == 1 && (!has_c || (beta == 1 && c_is_bias))) {
    return {Value::device(ops::dense(a, b, has_c ? std::optional(ctx.tensor(2)) : std::nullopt))};
  }
  Tensor y = ops::matmul(a, b);
  if (alpha != 1) y = y * alpha;
  if (has_c) y = y + (beta == 1 ? ctx.tensor(2) : ctx.tensor(2) * beta);
  return {Value::device(y)};
}

// Matrix products [..., M, K] x [..., K, N], the batch dimensions broadcast and 1-D operands
// as ONNX (NumPy) defines them: ops::matmul.
std::vector<Value> convert_matmul(NodeContext& ctx) {
  const Value& a = ctx.value(0);
  const Value& b = ctx.value(1);
  if (a.rank() < 1 || b.rank() < 1 ||
      a.shape().back() != b.shape()[static_cast<std::size_t>(std::max(b.rank() - 2, 0))]) {
    ctx.invalid(shape_str(a.shape()) + " and " + shape_str(b.shape()) + " do not multiply");
  }
  return {Value::device(ops::matmul(ctx.tensor(0), ctx.tensor(1)), {}, a.elem_type())};
}

}  // namespace

void register_dense_ops(Registry& r) {
  r.add("Gemm", 7, kMaxOpset, convert_gemm);
  r.add("MatMul", 1, kMaxOpset, convert_matmul);
}

}  // namespace tartan::onnx
