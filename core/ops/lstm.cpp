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

namespace {

constexpr int kGates = 4;  // i, f, g (Keras's "c"), o

// One step, as the scan's body: inputs h, c, the step's projected input of each gate
// [B, units], and the recurrent kernel; outputs h', c'.
Program lstm_body(std::int64_t batch, std::int64_t units, DType dtype) {
  Builder b;
  const Tensor h = b.input("H", dtype, {batch, units});
  const Tensor c = b.input("C", dtype, {batch, units});
  std::vector<Tensor> zx;
  for (const char* name : {"Zi", "Zf", "Zg", "Zo"})
    zx.push_back(b.input(name, dtype, {batch, units}));
  const Tensor r = b.input("R", dtype, {units, kGates * units});
  Index n("n"), j("j"), k("k");
  // Each gate reads its columns of R in place: no slices, one kernel per gate with its
  // activation as the epilogue.
  const auto gate = [&](int g) {
    TensorDecl a = b.declare("", {batch, units});
    a(n, j) = sum(h(n, k) * r(k, j + g * units));
    return Tensor(a) + zx[static_cast<std::size_t>(g)];
  };
  const Tensor i = sigmoid(gate(0));
  const Tensor f = sigmoid(gate(1));
  const Tensor g = tanh(gate(2));
  const Tensor o = sigmoid(gate(3));
  const Tensor fc = f * c;
  const Tensor c2 = fc + i * g;
  b.output(o * tanh(c2));
  b.output(c2);
  return b.build();
}

}  // namespace

Tensor lstm(const Tensor& x, const Tensor& kernel, const Tensor& recurrent_kernel,
            const std::optional<Tensor>& bias, bool return_sequences) {
  constexpr const char* kOp = "lstm";
  detail::require_rank(kOp, "the input [B, T, input_dim]", x, 3);
  detail::require_rank(kOp, "the recurrent kernel [units, 4 * units]", recurrent_kernel, 2);
  const std::int64_t batch = x.shape()[0], steps = x.shape()[1], in = x.shape()[2];
  const std::int64_t units = recurrent_kernel.shape()[0];
  detail::require_same_builder(kOp, x, kernel);
  detail::require_same_builder(kOp, x, recurrent_kernel);
  detail::require_shape(kOp, "the kernel [input_dim, 4 * units]", kernel, {in, kGates * units});
  detail::require_shape(kOp, "the recurrent kernel [units, 4 * units]", recurrent_kernel,
                        {units, kGates * units});
  if (bias) {
    detail::require_same_builder(kOp, x, *bias);
    detail::require_shape(kOp, "the bias [4 * units]", *bias, {kGates * units});
  }
  Builder& b = x.builder();
  // The input projection of every step at once, time-major: zx_g[t, n, j] = x[n, t, :] kernel_g.
  Builder::ScanArgs args;
  args.trip_count = steps;
  Index t("t"), n("n"), j("j"), k("k");
  for (int g = 0; g < kGates; ++g) {
    TensorDecl z = b.declare("", {steps, batch, units});
    z(t, n, j) = sum(x(n, t, k) * kernel(k, j + g * units));
    args.sequences.push_back(bias ? Tensor(z) + slice(*bias, 0, g * units, units) : Tensor(z));
  }
  // Keras starts from zero states.
  const Tensor zeros =
      b.constant("", {batch, units},
                 ConstantData::from_doubles(
                     x.dtype(), std::vector<double>(static_cast<std::size_t>(batch * units))));
  args.carried = {zeros, zeros};
  args.invariants = {recurrent_kernel};
  args.stacked = return_sequences;
  const Tensor h = b.scan(args, lstm_body(batch, units, x.dtype()));
  return return_sequences ? transpose(h, {1, 0, 2}) : h;
}

}  // namespace tartan::ops
