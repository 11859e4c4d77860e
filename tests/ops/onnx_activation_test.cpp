// The activations ONNX adds to the op library, log-softmax and erf, against formulas written
// out here (and published values), on the reference executor.
#include <cmath>
#include <numbers>

#include "op_test_util.h"
#include "tartan/ops/activation.h"

namespace tartan::optest {
namespace {

class OnnxActivation : public OpTest {
 protected:
  void check(const char* what, const std::function<Tensor(const Tensor&)>& op,
             const std::function<double(double)>& formula, double lo = -8.0, double hi = 8.0) {
    check_elementwise(what, op, formula, lo, hi);
  }
};

TEST_F(OnnxActivation, Elementwise) {
  const double sqrt2 = std::numbers::sqrt2, pi = std::numbers::pi;
  check("gelu", ops::gelu, [&](double v) { return 0.5 * v * (1 + std::erf(v * f32(1 / sqrt2))); });
  check("gelu_tanh", ops::gelu_tanh, [&](double v) {
    return 0.5 * v * (1 + std::tanh(f32(std::sqrt(2 / pi)) * (v + f32(0.044715) * v * v * v)));
  });
  check("hard_swish", ops::hard_swish,
        [](double v) { return v * std::clamp(f32(1.0 / 6) * v + 0.5, 0.0, 1.0); });
  check(
      "hard_sigmoid(0.3, 0.4)",
      [](const Tensor& x) { return ops::hard_sigmoid_scaled(x, 0.3, 0.4); },
      [](double v) { return std::clamp(f32(0.3) * v + f32(0.4), 0.0, 1.0); });
  check(
      "selu", [](const Tensor& x) { return ops::selu(x); },
      [](double v) {
        const double alpha = f32(1.67326319217681884765625), gamma = f32(1.05070102214813232421875);
        return gamma * (v > 0 ? v : alpha * (std::exp(v) - 1));
      });
  check(
      "celu(0.5)", [](const Tensor& x) { return ops::celu(x, 0.5); },
      [](double v) { return std::max(0.0, v) + std::min(0.0, 0.5 * (std::exp(v / 0.5) - 1)); });
  check(
      "thresholded_relu(1.5)", [](const Tensor& x) { return ops::thresholded_relu(x, 1.5); },
      [](double v) { return v > 1.5 ? v : 0.0; });
  check("softplus", ops::softplus, [](double v) { return std::log1p(std::exp(v)); });
  check("softsign", ops::softsign, [](double v) { return v / (1 + std::fabs(v)); });
  check("mish", ops::mish, [](double v) { return v * std::tanh(std::log1p(std::exp(v))); });
  check(
      "erf", [](const Tensor& x) { return ops::erf(x); }, [](double v) { return std::erf(v); },
      -3.0, 3.0);
}

// Large inputs: exp(x) overflows in float32 beyond 88, the stable forms do not.
TEST_F(OnnxActivation, SoftplusDoesNotOverflow) {
  const HostTensor in(DType::kFloat32, {4}, {100.0, -100.0, 0.0, 30.0});
  const HostTensor got =
      run({in}, [](Builder&, const std::vector<Tensor>& t) { return ops::softplus(t[0]); });
  ASSERT_EQ(got.values.size(), 4u);
  EXPECT_DOUBLE_EQ(got.values[0], 100.0);
  EXPECT_NEAR(got.values[1], std::exp(-100.0), 1e-40);
  EXPECT_DOUBLE_EQ(got.values[2], std::log(2.0));
  EXPECT_NEAR(got.values[3], 30.0, 1e-12);
}

TEST_F(OnnxActivation, PreluBroadcastsTheSlope) {
  const Shape s = {uniform(1, 2), 3, uniform(1, 4)};
  for (const Shape& slope_shape : {Shape{3, 1}, Shape{s[2]}, Shape{1}, s}) {
    SCOPED_TRACE(shape_str(slope_shape));
    const std::vector<HostTensor> in = {random(s), random(slope_shape)};
    const HostTensor got =
        run(in, [](Builder&, const std::vector<Tensor>& t) { return ops::prelu(t[0], t[1]); });
    HostTensor want = poisoned(s);
    for (std::int64_t i = 0; i < s[0]; ++i)
      for (std::int64_t j = 0; j < 3; ++j)
        for (std::int64_t k = 0; k < s[2]; ++k) {
          const double x = at(in[0], {i, j, k});
          double slope = 0;
          if (slope_shape.size() == 3) slope = at(in[1], {i, j, k});
          if (slope_shape == Shape{3, 1}) slope = at(in[1], {j, 0});
          if (slope_shape == Shape{s[2]}) slope = at(in[1], {k});
          if (slope_shape == Shape{1}) slope = in[1].values[0];
          at(want, {i, j, k}) = x < 0 ? slope * x : x;
        }
    expect_close(got, want, DType::kFloat32);
  }
}

TEST_F(OnnxActivation, LogSoftmaxOnEveryAxis) {
  const Shape s = {uniform(1, 3), uniform(1, 4), uniform(2, 4)};
  // Large spreads: the log of an underflowed softmax would be -inf; the stable form is finite.
  const std::vector<HostTensor> in = {random(s, -200.0, 200.0)};
  for (const int axis : {0, 1, 2, -1, -3}) {
    SCOPED_TRACE(::testing::Message() << "axis " << axis);
    const HostTensor got = run(
        in, [&](Builder&, const std::vector<Tensor>& t) { return ops::log_softmax(t[0], axis); });
    const std::size_t a = static_cast<std::size_t>(axis < 0 ? axis + 3 : axis);
    HostTensor want = poisoned(s);
    for (std::int64_t i = 0; i < s[0]; ++i)
      for (std::int64_t j = 0; j < s[1]; ++j)
        for (std::int64_t k = 0; k < s[2]; ++k) {
          std::vector<std::int64_t> idx = {i, j, k};
          double peak = -INFINITY, total = 0;
          for (idx[a] = 0; idx[a] < s[a]; ++idx[a]) peak = std::max(peak, at(in[0], idx));
          for (idx[a] = 0; idx[a] < s[a]; ++idx[a]) total += std::exp(at(in[0], idx) - peak);
          idx = {i, j, k};
          at(want, idx) = at(in[0], idx) - peak - std::log(total);
        }
    expect_close(got, want, DType::kFloat32);
  }
}

// softmax on every axis of a rank-4 tensor (the existing test covers rank 3).
TEST_F(OnnxActivation, SoftmaxOnEveryAxisOfRank4) {
  const Shape s = {2, uniform(1, 3), uniform(2, 3), uniform(1, 3)};
  const std::vector<HostTensor> in = {random(s, -50.0, 50.0)};
  for (int axis = -4; axis < 4; ++axis) {
    SCOPED_TRACE(::testing::Message() << "axis " << axis);
    const HostTensor got =
        run(in, [&](Builder&, const std::vector<Tensor>& t) { return ops::softmax(t[0], axis); });
    const std::size_t a = static_cast<std::size_t>(axis < 0 ? axis + 4 : axis);
    HostTensor want = poisoned(s);
    std::vector<std::int64_t> idx(4);
    for (std::size_t e = 0; e < want.values.size(); ++e) {
      std::size_t rest = e;
      for (std::size_t d = 4; d-- > 0;) {
        idx[d] = static_cast<std::int64_t>(rest % static_cast<std::size_t>(s[d]));
        rest /= static_cast<std::size_t>(s[d]);
      }
      std::vector<std::int64_t> j = idx;
      double total = 0;
      for (j[a] = 0; j[a] < s[a]; ++j[a]) total += std::exp(at(in[0], j) - at(in[0], idx));
      want.values[e] = 1.0 / total;
    }
    expect_close(got, want, DType::kFloat32);
  }
}

}  // namespace
}  // namespace tartan::optest
