// LayerNormalization and RMSNorm over the trailing axes from every axis, against loops.
#include <cmath>

#include "op_test_util.h"
#include "tartan/ops/norm.h"

namespace tartan::optest {
namespace {

class LayerNormTest : public OpTest {
 protected:
  // Per group of normalised elements (the trailing axes from `axis`): calls f(begin, count).
  static void for_each_group(const Shape& s, int axis,
                             const std::function<void(std::size_t, std::size_t)>& f) {
    std::size_t count = 1;
    for (std::size_t d = static_cast<std::size_t>(axis); d < s.size(); ++d) {
      count *= static_cast<std::size_t>(s[d]);
    }
    const std::size_t total = static_cast<std::size_t>(num_elements(s));
    for (std::size_t begin = 0; begin < total; begin += count) f(begin, count);
  }
};

TEST_F(LayerNormTest, EveryAxisWithAndWithoutScaleAndBias) {
  const Shape s = {uniform(1, 3), uniform(2, 4), uniform(1, 3), uniform(2, 5)};
  for (int axis = -4; axis < 4; ++axis) {
    const int a = axis < 0 ? axis + 4 : axis;
    const Shape normalised(s.begin() + a, s.end());
    for (const bool affine : {false, true}) {
      SCOPED_TRACE(::testing::Message() << "axis " << axis << (affine ? " affine" : ""));
      // The scale has the full normalised shape, the bias only the last axis (broadcast).
      const std::vector<HostTensor> in = {random(s, -3.0, 5.0), random(normalised),
                                          random({s.back()})};
      const double eps = 1e-3;
      Builder b;
      const Tensor x = b.input("x", DType::kFloat32, s);
      const Tensor scale = b.input("scale", DType::kFloat32, normalised);
      const Tensor bias = b.input("bias", DType::kFloat32, {s.back()});
      const ops::LayerNorm ln = affine ? ops::layer_norm(x, axis, scale, bias, eps)
                                       : ops::layer_norm(x, axis, std::nullopt, std::nullopt, eps);
      b.output(ln.y);
      b.output(ln.mean);
      b.output(ln.inv_std_dev);
      const std::vector<HostTensor> got = reference_run(b.build(), in);
      ASSERT_EQ(got.size(), 3u);
      Shape kept = s;
      for (std::size_t d = static_cast<std::size_t>(a); d < s.size(); ++d) kept[d] = 1;
      HostTensor y = poisoned(s), mean = poisoned(kept), inv = poisoned(kept);
      std::size_t group = 0;
      for_each_group(s, a, [&](std::size_t begin, std::size_t count) {
        double m = 0, v = 0;
        for (std::size_t e = 0; e < count; ++e) m += in[0].values[begin + e];
        m /= static_cast<double>(count);
        for (std::size_t e = 0; e < count; ++e) v += std::pow(in[0].values[begin + e] - m, 2);
        v /= static_cast<double>(count);
        const double r = 1 / std::sqrt(v + f32(eps));
        for (std::size_t e = 0; e < count; ++e) {
          double out = (in[0].values[begin + e] - m) * r;
          if (affine) out = out * in[1].values[e] + in[2].values[e % in[2].values.size()];
          y.values[begin + e] = out;
        }
        mean.values[group] = m;
        inv.values[group++] = r;
      });
      expect_close(got[0], y, DType::kFloat32);
      expect_close(got[1], mean, DType::kFloat32);
      expect_close(got[2], inv, DType::kFloat32);
    }
  }
}

TEST_F(LayerNormTest, RmsNorm) {
  const Shape s = {uniform(1, 3), uniform(2, 4), uniform(2, 6)};
  for (const int axis : {-1, 1}) {
    SCOPED_TRACE(::testing::Message() << "axis " << axis);
    const int a = axis < 0 ? axis + 3 : axis;
    const Shape normalised(s.begin() + a, s.end());
    const std::vector<HostTensor> in = {random(s, -2.0, 2.0), random(normalised)};
    const HostTensor got = run(in, [&](Builder&, const std::vector<Tensor>& t) {
      return ops::rms_norm(t[0], axis, t[1], 1e-4);
    });
    HostTensor want = poisoned(s);
    for_each_group(s, a, [&](std::size_t begin, std::size_t count) {
      double sq = 0;
      for (std::size_t e = 0; e < count; ++e) sq += std::pow(in[0].values[begin + e], 2);
      const double r = 1 / std::sqrt(sq / static_cast<double>(count) + f32(1e-4));
      for (std::size_t e = 0; e < count; ++e) {
        want.values[begin + e] = in[0].values[begin + e] * r * in[1].values[e];
      }
    });
    expect_close(got, want, DType::kFloat32);
  }
}

}  // namespace
}  // namespace tartan::optest
