// MobileNet (keras.applications.mobilenet): a 3x3 convolution, then 13 depthwise separable
// blocks (depthwise 3x3 + BN + ReLU6, pointwise 1x1 + BN + ReLU6); strided blocks pad
// bottom/right by one and convolve 'valid'. The classifier is a 1x1 convolution.
#include <cmath>
#include <string>

#include "image_input.h"
#include "keras_layers.h"
#include "tartan/networks/applications.h"
#include "tartan/support/error.h"

namespace tartan::networks {

namespace {

std::int64_t scaled(std::int64_t filters, double alpha) {
  return static_cast<std::int64_t>(static_cast<double>(filters) * alpha);  // Python's int()
}

Tensor depthwise_block(KerasModel& m, const Tensor& in, std::int64_t filters, double alpha,
                       std::int64_t stride, int id) {
  const std::string b = std::to_string(id);
  Tensor x = in;
  if (stride != 1) x = m.zero_padding2d(x, {0, 1, 0, 1}, "conv_pad_" + b);
  x = m.depthwise_conv2d(x,
                         {.kernel = {3, 3},
                          .strides = {stride, stride},
                          .padding = stride == 1 ? PaddingMode::kSame : PaddingMode::kValid,
                          .use_bias = false},
                         "conv_dw_" + b);
  x = m.batch_norm(x, {}, "conv_dw_" + b + "_bn");
  x = m.relu6(x, "conv_dw_" + b + "_relu");
  x = m.conv2d(
      x, {.filters = scaled(filters, alpha), .padding = PaddingMode::kSame, .use_bias = false},
      "conv_pw_" + b);
  x = m.batch_norm(x, {}, "conv_pw_" + b + "_bn");
  return m.relu6(x, "conv_pw_" + b + "_relu");
}

}  // namespace

BuiltNetwork mobilenet(const NetworkOptions& options, WeightSource& weights) {
  const std::int64_t size = image_size(options, {"MobileNet", 224, 32, true});
  const double alpha = options.alpha;
  if (!std::isfinite(alpha) || alpha > kMaxAlpha || scaled(32, alpha) < 1) {
    throw Error(
        "MobileNet: alpha " + std::to_string(alpha) + " is out of range",
        "alpha must be at least 1/32 and at most 64 (Keras's ImageNet weights exist for 0.25, 0.5, "
        "0.75 and 1.0)");
  }
  KerasModel m(weights);
  Tensor x = m.input(DType::kFloat32, {options.batch, size, size, 3});
  x = m.conv2d(x,
               {.filters = scaled(32, alpha),
                .kernel = {3, 3},
                .strides = {2, 2},
                .padding = PaddingMode::kSame,
                .use_bias = false},
               "conv1");
  x = m.batch_norm(x, {}, "conv1_bn");
  x = m.relu6(x, "conv1_relu");

  struct Block {
    std::int64_t filters, stride;
  };
  constexpr Block kBlocks[] = {{64, 1},  {128, 2},  {128, 1}, {256, 2}, {256, 1},
                               {512, 2}, {512, 1},  {512, 1}, {512, 1}, {512, 1},
                               {512, 1}, {1024, 2}, {1024, 1}};
  int id = 1;
  for (const Block& b : kBlocks) x = depthwise_block(m, x, b.filters, alpha, b.stride, id++);

  const std::int64_t classes = options.classes;
  x = m.global_avg_pool2d(x, /*keepdims=*/true);
  x = m.dropout(x, "dropout");
  x = m.conv2d(x, {.filters = classes, .padding = PaddingMode::kSame}, "conv_preds");
  x = m.reshape(x, {classes}, "reshape_2");
  x = m.activation(x, Activation::kSoftmax, "predictions");
  return m.finish(x, options);
}

}  // namespace tartan::networks
