// Activations, softmax, binary ops and batch norm against formulas written out in the test.
#include <cmath>

#include "op_test_util.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/norm.h"

namespace tartan::optest {
namespace {

class Activation : public OpTest {
 protected:
  void check(const char* what, const std::function<Tensor(const Tensor&)>& op,
             const std::function<double(double)>& formula) {
    check_elementwise(what, op, formula);
  }
};

TEST_F(Activation, Elementwise) {
  check(
      "relu", [](const Tensor& x) { return ops::relu(x); },
      [](double v) { return std::max(v, 0.0); });
  check("relu6", ops::relu6, [](double v) { return std::min(std::max(v, 0.0), 6.0); });
  check(
      "leaky_relu", [](const Tensor& x) { return ops::leaky_relu(x, 0.1); },
      [](double v) { return v > 0 ? v : f32(0.1) * v; });
  check(
      "elu", [](const Tensor& x) { return ops::elu(x, 0.7); },
      [](double v) { return v > 0 ? v : f32(0.7) * (std::exp(v) - 1.0); });
  check(
      "sigmoid", [](const Tensor& x) { return ops::sigmoid(x); },
      [](double v) { return 1.0 / (1.0 + std::exp(-v)); });
  check("hard_sigmoid", ops::hard_sigmoid,
        [](double v) { return std::min(std::max(f32(0.2) * v + 0.5, 0.0), 1.0); });
  check(
      "tanh", [](const Tensor& x) { return ops::tanh(x); }, [](double v) { return std::tanh(v); });
  check("swish", ops::swish, [](double v) { return v / (1.0 + std::exp(-v)); });
  check(
      "clip", [](const Tensor& x) { return ops::clip(x, -1.5, 2.25); },
      [](double v) { return std::min(std::max(v, -1.5), 2.25); });
}

TEST_F(Activation, SoftmaxOnEveryAxis) {
  const Shape s = {uniform(1, 3), uniform(1, 4), uniform(1, 4)};
  const std::vector<HostTensor> in = {random(s, -30.0, 30.0)};  // large: needs the max shift
  for (const int axis : {0, 1, -1}) {
    SCOPED_TRACE(::testing::Message() << "axis " << axis);
    const HostTensor got =
        run(in, [&](Builder&, const std::vector<Tensor>& t) { return ops::softmax(t[0], axis); });
    const std::size_t a = static_cast<std::size_t>(axis < 0 ? axis + 3 : axis);
    HostTensor want = poisoned(s);
    for (std::int64_t i = 0; i < s[0]; ++i)
      for (std::int64_t j = 0; j < s[1]; ++j)
        for (std::int64_t k = 0; k < s[2]; ++k) {
          std::vector<std::int64_t> idx = {i, j, k};
          double total = 0;
          for (idx[a] = 0; idx[a] < s[a]; ++idx[a]) total += std::exp(at(in[0], idx));
          idx = {i, j, k};
          at(want, idx) = std::exp(at(in[0], idx)) / total;
        }
    expect_close(got, want, DType::kFloat32);
  }
}

TEST_F(Activation, BinaryOpsBroadcast) {
  const std::int64_t r = uniform(1, 3), c = uniform(2, 4);
  const std::vector<HostTensor> in = {random({r, c}), random({c}, 0.5, 2.0)};
  using Op = Tensor (*)(const Tensor&, const Tensor&);
  const std::vector<std::pair<Op, std::function<double(double, double)>>> cases = {
      {ops::add, [](double a, double b) { return a + b; }},
      {ops::sub, [](double a, double b) { return a - b; }},
      {ops::mul, [](double a, double b) { return a * b; }},
      {ops::div, [](double a, double b) { return a / b; }},
      {ops::maximum, [](double a, double b) { return std::max(a, b); }},
      {ops::minimum, [](double a, double b) { return std::min(a, b); }},
  };
  for (std::size_t n = 0; n < cases.size(); ++n) {
    SCOPED_TRACE(::testing::Message() << "case " << n);
    const HostTensor got =
        run(in, [&](Builder&, const std::vector<Tensor>& t) { return cases[n].first(t[0], t[1]); });
    HostTensor want = poisoned({r, c});
    for (std::int64_t i = 0; i < r; ++i)
      for (std::int64_t j = 0; j < c; ++j) {
        at(want, {i, j}) = cases[n].second(at(in[0], {i, j}), at(in[1], {j}));
      }
    expect_close(got, want, DType::kFloat32);
  }
}

TEST_F(Activation, BatchNormInference) {
  const std::int64_t n = uniform(1, 3), c = uniform(1, 5);
  const std::vector<HostTensor> in = {random({n, 2, c}), random({c}), random({c}, 0.0, 2.0),
                                      random({c}), random({c})};
  for (const bool affine : {false, true}) {
    SCOPED_TRACE(affine ? "with gamma and beta" : "without gamma and beta");
    const HostTensor got = run(in, [&](Builder&, const std::vector<Tensor>& t) {
      return affine ? ops::batch_norm(t[0], t[1], t[2], t[3], t[4], 0.01)
                    : ops::batch_norm(t[0], t[1], t[2], std::nullopt, std::nullopt);
    });
    const double eps = f32(affine ? 0.01 : 1e-3);
    HostTensor want = poisoned(in[0].shape);
    for (std::size_t e = 0; e < want.values.size(); ++e) {
      const std::size_t k = e % static_cast<std::size_t>(c);
      const double gamma = affine ? in[3].values[k] : 1.0, beta = affine ? in[4].values[k] : 0.0;
      want.values[e] =
          gamma * (in[0].values[e] - in[1].values[k]) / std::sqrt(in[2].values[k] + eps) + beta;
    }
    expect_close(got, want, DType::kFloat32);
  }
}

}  // namespace
}  // namespace tartan::optest
