// MobileNetV2 (keras.applications.mobilenet_v2): inverted residual blocks (1x1 expansion,
// depthwise 3x3, linear 1x1 projection), widths rounded by _make_divisible.
#include <cmath>
#include <string>

#include "correct_pad.h"
#include "image_input.h"
#include "keras_layers.h"
#include "tartan/networks/applications.h"
#include "tartan/support/error.h"

namespace tartan::networks {

namespace {

// Keras's _make_divisible(v, 8): round to a multiple of 8, at least 8, never more than 10%
// below v.
std::int64_t make_divisible(double v) {
  constexpr std::int64_t kDivisor = 8;
  std::int64_t rounded = static_cast<std::int64_t>(v + kDivisor / 2.0) / kDivisor * kDivisor;
  if (rounded < kDivisor) rounded = kDivisor;
  if (static_cast<double>(rounded) < 0.9 * v) rounded += kDivisor;
  return rounded;
}

Tensor inverted_res_block(KerasModel& m, const Tensor& in, std::int64_t expansion,
                          std::int64_t stride, double alpha, std::int64_t filters, int id) {
  const std::int64_t in_channels = in.shape().back();
  const std::int64_t pointwise =
      make_divisible(static_cast<double>(static_cast<std::int64_t>(filters * alpha)));
  const BatchNormSpec bn{.epsilon = 1e-3};
  std::string prefix = "block_" + std::to_string(id) + "_";
  Tensor x = in;
  if (id != 0) {
    x = m.conv2d(
        x, {.filters = expansion * in_channels, .padding = PaddingMode::kSame, .use_bias = false},
        prefix + "expand");
    x = m.batch_norm(x, bn, prefix + "expand_BN");
    x = m.relu6(x, prefix + "expand_relu");
  } else {
    prefix = "expanded_conv_";
  }
  if (stride == 2) x = m.zero_padding2d(x, correct_pad(x, 3), prefix + "pad");
  x = m.depthwise_conv2d(x,
                         {.kernel = {3, 3},
                          .strides = {stride, stride},
                          .padding = stride == 1 ? PaddingMode::kSame : PaddingMode::kValid,
                          .use_bias = false},
                         prefix + "depthwise");
  x = m.batch_norm(x, bn, prefix + "depthwise_BN");
  x = m.relu6(x, prefix + "depthwise_relu");
  x = m.conv2d(x, {.filters = pointwise, .padding = PaddingMode::kSame, .use_bias = false},
               prefix + "project");
  x = m.batch_norm(x, bn, prefix + "project_BN");
  if (in_channels == pointwise && stride == 1) return m.add({in, x}, prefix + "add");
  return x;
}

}  // namespace

BuiltNetwork mobilenet_v2(const NetworkOptions& options, WeightSource& weights) {
  const std::int64_t size = image_size(options, {"MobileNetV2", 224, 32, true});
  const double alpha = options.alpha;
  if (!std::isfinite(alpha) || alpha <= 0 || alpha > kMaxAlpha) {
    throw Error(
        "MobileNetV2: alpha " + std::to_string(alpha) + " is out of range",
        "pass 0 < alpha <= 64 (Keras's ImageNet weights exist for 0.35, 0.5, 0.75, 1.0, 1.3 "
        "and 1.4)");
  }
  KerasModel m(weights);
  const BatchNormSpec bn{.epsilon = 1e-3};
  Tensor x = m.input(DType::kFloat32, {options.batch, size, size, 3});
  x = m.conv2d(x,
               {.filters = make_divisible(32 * alpha),
                .kernel = {3, 3},
                .strides = {2, 2},
                .padding = PaddingMode::kSame,
                .use_bias = false},
               "Conv1");
  x = m.batch_norm(x, bn, "bn_Conv1");
  x = m.relu6(x, "Conv1_relu");

  struct Block {
    std::int64_t filters, stride, expansion;
  };
  constexpr Block kBlocks[] = {{16, 1, 1},  {24, 2, 6}, {24, 1, 6}, {32, 2, 6},  {32, 1, 6},
                               {32, 1, 6},  {64, 2, 6}, {64, 1, 6}, {64, 1, 6},  {64, 1, 6},
                               {96, 1, 6},  {96, 1, 6}, {96, 1, 6}, {160, 2, 6}, {160, 1, 6},
                               {160, 1, 6}, {320, 1, 6}};
  int id = 0;
  for (const Block& b : kBlocks) {
    x = inverted_res_block(m, x, b.expansion, b.stride, alpha, b.filters, id++);
  }

  // Keras widens the last convolution only for alpha > 1.
  const std::int64_t last = alpha > 1.0 ? make_divisible(1280 * alpha) : 1280;
  x = m.conv2d(x, {.filters = last, .use_bias = false}, "Conv_1");
  x = m.batch_norm(x, bn, "Conv_1_bn");
  x = m.relu6(x, "out_relu");
  x = m.global_avg_pool2d(x, /*keepdims=*/false);
  x = m.dense(x, options.classes, Activation::kSoftmax, "predictions");
  return m.finish(x, options);
}

}  // namespace tartan::networks
