// Small networks through the reference executor: the prediction is a valid softmax, and the
// first layers equal a computation written here with plain loops from Keras's definitions
// (TF 'same' padding, BatchNormalization at inference, ReLU6 / ReLU, max pooling).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "networks/test_weights.h"
#include "tartan/networks/applications.h"
#include "tartan/reference/executor.h"

namespace tartan::networks {
namespace {

using testing::TestWeights;

// NHWC as a flat row-major vector, with its shape.
struct Image {
  std::int64_t n, h, w, c;
  std::vector<double> v;
  Image(std::int64_t n_, std::int64_t h_, std::int64_t w_, std::int64_t c_)
      : n(n_), h(h_), w(w_), c(c_), v(static_cast<std::size_t>(n_ * h_ * w_ * c_)) {}
  double& at(std::int64_t b, std::int64_t y, std::int64_t x, std::int64_t ch) {
    return v[static_cast<std::size_t>(((b * h + y) * w + x) * c + ch)];
  }
  // Out of range reads give 0 (zero padding).
  double get(std::int64_t b, std::int64_t y, std::int64_t x, std::int64_t ch) const {
    if (y < 0 || y >= h || x < 0 || x >= w) return 0.0;
    return v[static_cast<std::size_t>(((b * h + y) * w + x) * c + ch)];
  }
};

using Weights = TestWeights::Stream;

// Keras BatchNormalization (inference) on channel ch of layer `bn`.
double batch_norm(double x, const std::string& bn, std::int64_t channels, std::int64_t ch,
                  double eps, bool scale = true) {
  const Shape c = {channels};
  const auto i = static_cast<std::size_t>(ch);
  const double gamma = scale ? Weights(bn, "gamma", c)(i) : 1.0;
  return gamma * (x - Weights(bn, "moving_mean", c)(i)) /
             std::sqrt(Weights(bn, "moving_variance", c)(i) + eps) +
         Weights(bn, "beta", c)(i);
}

// A Conv2D without bias: `pad_top`/`pad_left` rows and columns of zeros before the input.
Image conv(const Image& x, const std::string& layer, std::int64_t k, std::int64_t stride,
           std::int64_t pad_top, std::int64_t out_size, std::int64_t filters) {
  const Weights kernel(layer, "kernel", {k, k, x.c, filters});
  Image y(x.n, out_size, out_size, filters);
  for (std::int64_t b = 0; b < x.n; ++b)
    for (std::int64_t oy = 0; oy < out_size; ++oy)
      for (std::int64_t ox = 0; ox < out_size; ++ox)
        for (std::int64_t f = 0; f < filters; ++f) {
          double s = 0;
          for (std::int64_t i = 0; i < k; ++i)
            for (std::int64_t j = 0; j < k; ++j)
              for (std::int64_t ch = 0; ch < x.c; ++ch) {
                const auto idx = static_cast<std::size_t>(((i * k + j) * x.c + ch) * filters + f);
                s += x.get(b, stride * oy + i - pad_top, stride * ox + j - pad_top, ch) *
                     kernel(idx);
              }
          y.at(b, oy, ox, f) = s;
        }
  return y;
}

Image from_host(const HostTensor& t) {
  Image img(t.shape[0], t.shape[1], t.shape[2], t.shape[3]);
  img.v = t.values;
  return img;
}

HostTensor random_input(const Shape& shape, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  return random_tensor(DType::kFloat32, shape, rng, -1.0, 1.0);
}

// Every row a probability distribution; NaN fails every comparison.
void expect_softmax(const HostTensor& p) {
  ASSERT_EQ(p.shape.size(), 2u);
  for (std::int64_t r = 0; r < p.shape[0]; ++r) {
    double sum = 0;
    for (std::int64_t k = 0; k < p.shape[1]; ++k) {
      const double v = p.values[static_cast<std::size_t>(r * p.shape[1] + k)];
      EXPECT_TRUE(v >= 0.0 && v <= 1.0) << v;
      sum += v;
    }
    EXPECT_NEAR(sum, 1.0, 1e-9);
  }
}

void expect_equal(const Image& want, const HostTensor& got) {
  ASSERT_EQ(got.shape, (Shape{want.n, want.h, want.w, want.c}));
  double worst = 0;
  for (std::size_t i = 0; i < want.v.size(); ++i) {
    const double err = std::abs(got.values[i] - want.v[i]);
    worst = std::isnan(err) ? INFINITY : std::max(worst, err);
  }
  EXPECT_LT(worst, 1e-9);
}

TEST(Numerics, MobileNetQuarterWidthAt32) {
  NetworkOptions options;
  options.batch = 2;
  options.alpha = 0.25;
  options.input_size = 32;
  options.extra_outputs = {"conv1_relu", "conv_dw_1_relu"};
  TestWeights weights;
  const BuiltNetwork net = mobilenet(options, weights);
  const HostTensor input = random_input({2, 32, 32, 3}, 7);
  const std::vector<HostTensor> out = reference_run(net.program, {input});
  ASSERT_EQ(out.size(), 3u);
  ASSERT_EQ(out[0].shape, (Shape{2, 1000}));
  expect_softmax(out[0]);
  // The two examples differ, so the batch is not mixed up.
  EXPECT_NE(out[0].values[0], out[0].values[1000]);

  // conv1: 3x3 stride 2 'same' on 32 -> 16 (TF pads 0 before, 1 after); BN; ReLU6.
  const Image x = from_host(input);
  Image c1 = conv(x, "conv1", 3, 2, 0, 16, 8);
  for (std::int64_t b = 0; b < 2; ++b)
    for (std::int64_t y = 0; y < 16; ++y)
      for (std::int64_t xx = 0; xx < 16; ++xx)
        for (std::int64_t f = 0; f < 8; ++f) {
          double& v = c1.at(b, y, xx, f);
          v = std::clamp(batch_norm(v, "conv1_bn", 8, f, 1e-3), 0.0, 6.0);
        }
  expect_equal(c1, out[1]);

  // conv_dw_1: depthwise 3x3 stride 1 'same' (one before, one after); BN; ReLU6.
  const Weights kernel("conv_dw_1", "depthwise_kernel", {3, 3, 8, 1});
  Image dw(2, 16, 16, 8);
  for (std::int64_t b = 0; b < 2; ++b)
    for (std::int64_t y = 0; y < 16; ++y)
      for (std::int64_t xx = 0; xx < 16; ++xx)
        for (std::int64_t ch = 0; ch < 8; ++ch) {
          double s = 0;
          for (std::int64_t i = 0; i < 3; ++i)
            for (std::int64_t j = 0; j < 3; ++j) {
              s += c1.get(b, y + i - 1, xx + j - 1, ch) *
                   kernel(static_cast<std::size_t>((i * 3 + j) * 8 + ch));
            }
          dw.at(b, y, xx, ch) = std::clamp(batch_norm(s, "conv_dw_1_bn", 8, ch, 1e-3), 0.0, 6.0);
        }
  expect_equal(dw, out[2]);
}

// ResNet50's stem and a one-block-per-stack ResNet behind it, at 32x32.
TEST(Numerics, ReducedResNetAt32) {
  NetworkOptions options;
  options.input_size = 32;
  options.extra_outputs = {"pool1_pool"};
  TestWeights weights;
  const BuiltNetwork net = resnet({1, 1, 1, 1}, false, options, weights);
  const HostTensor input = random_input({1, 32, 32, 3}, 11);
  const std::vector<HostTensor> out = reference_run(net.program, {input});
  ASSERT_EQ(out.size(), 2u);
  expect_softmax(out[0]);

  // conv1_pad 3 -> 38; conv1_conv 7x7 stride 2 with bias -> 16; BN (eps 1.001e-5); ReLU;
  // pool1_pad 1 -> 18; 3x3 stride 2 max pool -> 8. ReLU makes the zero padding harmless.
  Image c1 = conv(from_host(input), "conv1_conv", 7, 2, 3, 16, 64);
  for (std::int64_t y = 0; y < 16; ++y)
    for (std::int64_t x = 0; x < 16; ++x)
      for (std::int64_t f = 0; f < 64; ++f) {
        double& v = c1.at(0, y, x, f);
        v += Weights("conv1_conv", "bias", {64})(static_cast<std::size_t>(f));
        v = std::max(batch_norm(v, "conv1_bn", 64, f, 1.001e-5), 0.0);
      }
  Image pool(1, 8, 8, 64);
  for (std::int64_t y = 0; y < 8; ++y)
    for (std::int64_t x = 0; x < 8; ++x)
      for (std::int64_t f = 0; f < 64; ++f) {
        double m = -INFINITY;
        for (std::int64_t i = 0; i < 3; ++i)
          for (std::int64_t j = 0; j < 3; ++j)
            m = std::max(m, c1.get(0, 2 * y + i - 1, 2 * x + j - 1, f));
        pool.at(0, y, x, f) = m;
      }
  expect_equal(pool, out[1]);
}

}  // namespace
}  // namespace tartan::networks
