// One step of a Keras LSTM layer.
#pragma once

#include <optional>

#include "tartan/ir/builder.h"

namespace tartan::ops {

struct LstmState {
  Tensor h;  // [B, units]
  Tensor c;  // [B, units]
};

// z = x kernel + h recurrent_kernel + bias, split into gates i, f, g, o (Keras order);
// c' = sigmoid(f) * c + sigmoid(i) * tanh(g); h' = sigmoid(o) * tanh(c').
// x [B, input_dim], kernel [input_dim, 4u], recurrent_kernel [u, 4u], bias [4u].
LstmState lstm_step(const Tensor& x, const LstmState& state, const Tensor& kernel,
                    const Tensor& recurrent_kernel, const std::optional<Tensor>& bias = {});

}  // namespace tartan::ops
