// Keras's LSTM layer: one step, and the whole sequence as a loop.
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

// Keras LSTM(units) over x [B, T, input_dim] from zero states, with lstm_step's gates
// (recurrent_activation sigmoid, activation tanh): the last h [B, units], or with
// `return_sequences` every step's h [B, T, units]. The recurrence is one Scan: the input
// projection x kernel + bias of all steps is computed before the loop (one contraction per gate,
// time-major), and the body does only h recurrent_kernel and the gate arithmetic.
Tensor lstm(const Tensor& x, const Tensor& kernel, const Tensor& recurrent_kernel,
            const std::optional<Tensor>& bias = {}, bool return_sequences = false);

}  // namespace tartan::ops
