// Embedding lookup, one LSTM step and a whole LSTM sequence against hand-written formulas.
#include <cmath>

#include "op_test_util.h"
#include "tartan/ops/embedding.h"
#include "tartan/ops/lstm.h"

namespace tartan::optest {
namespace {

class Sequence : public OpTest {};

TEST_F(Sequence, EmbeddingLooksUpRowsAndClamps) {
  const std::int64_t vocab = uniform(2, 6), dim = uniform(1, 4);
  // Indices reach one past each end: Gather clamps them to the first / last row.
  const std::vector<HostTensor> in = {
      random({2, uniform(1, 4)}, -1.0, static_cast<double>(vocab + 1), DType::kInt32),
      random({vocab, dim})};
  const HostTensor got =
      run(in, [](Builder&, const std::vector<Tensor>& t) { return ops::embedding(t[0], t[1]); });
  HostTensor want = poisoned({in[0].shape[0], in[0].shape[1], dim});
  for (std::size_t p = 0; p < in[0].values.size(); ++p) {
    const auto row =
        std::clamp<std::int64_t>(static_cast<std::int64_t>(in[0].values[p]), 0, vocab - 1);
    for (std::int64_t d = 0; d < dim; ++d) {
      want.values[p * static_cast<std::size_t>(dim) + static_cast<std::size_t>(d)] =
          at(in[1], {row, d});
    }
  }
  expect_close(got, want, DType::kFloat32);
}

TEST_F(Sequence, LstmStepMatchesTheKerasFormula) {
  const std::int64_t batch = uniform(1, 3), input_dim = uniform(1, 4), units = uniform(1, 3);
  const std::vector<HostTensor> in = {random({batch, input_dim}), random({batch, units}),
                                      random({batch, units}),     random({input_dim, 4 * units}),
                                      random({units, 4 * units}), random({4 * units})};
  HostTensor want_h = poisoned({batch, units}), want_c = poisoned({batch, units});
  const auto sigmoid = [](double v) { return 1.0 / (1.0 + std::exp(-v)); };
  for (std::int64_t b = 0; b < batch; ++b) {
    // z[g] for gate g of unit u: x kernel + h recurrent + bias, gates ordered i, f, c, o.
    const auto z = [&](std::int64_t gate, std::int64_t u) {
      const std::int64_t col = gate * units + u;
      double acc = in[5].values[static_cast<std::size_t>(col)];
      for (std::int64_t k = 0; k < input_dim; ++k) acc += at(in[0], {b, k}) * at(in[3], {k, col});
      for (std::int64_t k = 0; k < units; ++k) acc += at(in[1], {b, k}) * at(in[4], {k, col});
      return acc;
    };
    for (std::int64_t u = 0; u < units; ++u) {
      const double c = sigmoid(z(1, u)) * at(in[2], {b, u}) + sigmoid(z(0, u)) * std::tanh(z(2, u));
      at(want_c, {b, u}) = c;
      at(want_h, {b, u}) = sigmoid(z(3, u)) * std::tanh(c);
    }
  }
  for (const bool want_hidden : {true, false}) {
    const HostTensor got = run(in, [&](Builder&, const std::vector<Tensor>& t) {
      const ops::LstmState next = ops::lstm_step(t[0], {t[1], t[2]}, t[3], t[4], t[5]);
      return want_hidden ? next.h : next.c;
    });
    expect_close(got, want_hidden ? want_h : want_c, DType::kFloat32);
  }
}

// The whole layer (a Scan) against a hand-written loop over the steps, from zero states.
TEST_F(Sequence, LstmSequenceMatchesAHandWrittenLoop) {
  const std::int64_t batch = uniform(1, 3), steps = uniform(1, 5), input_dim = uniform(1, 4),
                     units = uniform(1, 3);
  const std::vector<HostTensor> in = {random({batch, steps, input_dim}),
                                      random({input_dim, 4 * units}), random({units, 4 * units}),
                                      random({4 * units})};
  const auto sigmoid = [](double v) { return 1.0 / (1.0 + std::exp(-v)); };
  HostTensor want_seq = poisoned({batch, steps, units}), want_last = poisoned({batch, units});
  for (std::int64_t b = 0; b < batch; ++b) {
    std::vector<double> h(static_cast<std::size_t>(units)), c(h.size());
    for (std::int64_t t = 0; t < steps; ++t) {
      const auto z = [&](std::int64_t gate, std::int64_t u) {
        const std::int64_t col = gate * units + u;
        double acc = in[3].values[static_cast<std::size_t>(col)];
        for (std::int64_t k = 0; k < input_dim; ++k)
          acc += at(in[0], {b, t, k}) * at(in[1], {k, col});
        for (std::int64_t k = 0; k < units; ++k)
          acc += h[static_cast<std::size_t>(k)] * at(in[2], {k, col});
        return acc;
      };
      std::vector<double> h2(h.size());
      for (std::int64_t u = 0; u < units; ++u) {
        const auto uu = static_cast<std::size_t>(u);
        c[uu] = sigmoid(z(1, u)) * c[uu] + sigmoid(z(0, u)) * std::tanh(z(2, u));
        h2[uu] = sigmoid(z(3, u)) * std::tanh(c[uu]);
      }
      h = h2;
      for (std::int64_t u = 0; u < units; ++u)
        at(want_seq, {b, t, u}) = h[static_cast<std::size_t>(u)];
    }
    for (std::int64_t u = 0; u < units; ++u) at(want_last, {b, u}) = h[static_cast<std::size_t>(u)];
  }
  for (const bool sequences : {false, true}) {
    const HostTensor got = run(in, [&](Builder&, const std::vector<Tensor>& t) {
      return ops::lstm(t[0], t[1], t[2], t[3], sequences);
    });
    expect_close(got, sequences ? want_seq : want_last, DType::kFloat32);
  }
}

}  // namespace
}  // namespace tartan::optest
