#include "tartan/ops/lstm.h"

#include "ops/op_util.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/dense.h"
#include "tartan/ops/shape.h"

namespace tartan::ops {

LstmState lstm_step(const Tensor& x, const LstmState& state, const Tensor& kernel,
                    const Tensor& recurrent_kernel, const std::optional<Tensor>& bias) {
  constexpr const char* kOp = "lstm_step";
  detail::require_rank(kOp, "the input [B, input_dim]", x, 2);
  detail::require_rank(kOp, "the hidden state [B, units]", state.h, 2);
  const std::int64_t batch = x.shape()[0], units = state.h.shape()[1];
  detail::require_shape(kOp, "the cell state [B, units]", state.c, {batch, units});
  detail::require_shape(kOp, "the hidden state [B, units]", state.h, {batch, units});
  detail::require_shape(kOp, "the kernel [input_dim, 4 * units]", kernel,
                        {x.shape()[1], 4 * units});
  detail::require_shape(kOp, "the recurrent kernel [units, 4 * units]", recurrent_kernel,
                        {units, 4 * units});
  // One op-building call per statement keeps the op order independent of the compiler.
  const Tensor zx = dense(x, kernel, bias);
  const Tensor z = zx + dense(state.h, recurrent_kernel);
  const auto gate = [&](int k) { return slice(z, 1, k * units, units); };
  const Tensor i = sigmoid(gate(0));
  const Tensor f = sigmoid(gate(1));
  const Tensor g = tanh(gate(2));
  const Tensor o = sigmoid(gate(3));
  const Tensor fc = f * state.c;
  const Tensor c = fc + i * g;
  return {o * tanh(c), c};
}

}  // namespace tartan::ops
