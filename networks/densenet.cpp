// DenseNet121 / 169 / 201 (keras.applications.densenet): dense blocks whose conv blocks each
// append 32 channels, joined by transition blocks that halve channels and resolution.
#include <string>

#include "image_input.h"
#include "keras_layers.h"
#include "tartan/networks/applications.h"

namespace tartan::networks {

namespace {

const BatchNormSpec kBn{.epsilon = 1.001e-5};
constexpr std::int64_t kGrowthRate = 32;

Tensor conv_block(KerasModel& m, const Tensor& x, const std::string& name) {
  Tensor y = m.batch_norm(x, kBn, name + "_0_bn");
  y = m.activation(y, Activation::kRelu, name + "_0_relu");
  y = m.conv2d(y, {.filters = 4 * kGrowthRate, .use_bias = false}, name + "_1_conv");
  y = m.batch_norm(y, kBn, name + "_1_bn");
  y = m.activation(y, Activation::kRelu, name + "_1_relu");
  y = m.conv2d(
      y,
      {.filters = kGrowthRate, .kernel = {3, 3}, .padding = PaddingMode::kSame, .use_bias = false},
      name + "_2_conv");
  return m.concatenate({x, y}, name + "_concat");
}

Tensor dense_block(KerasModel& m, Tensor x, int blocks, const std::string& name) {
  for (int i = 1; i <= blocks; ++i) x = conv_block(m, x, name + "_block" + std::to_string(i));
  return x;
}

Tensor transition_block(KerasModel& m, const Tensor& x, const std::string& name) {
  Tensor y = m.batch_norm(x, kBn, name + "_bn");
  y = m.activation(y, Activation::kRelu, name + "_relu");
  // Keras: int(channels * 0.5).
  y = m.conv2d(y, {.filters = y.shape().back() / 2, .use_bias = false}, name + "_conv");
  return m.avg_pool2d(y, {.pool_size = {2, 2}, .strides = {2, 2}}, name + "_pool");
}

}  // namespace

BuiltNetwork densenet(const std::array<int, 4>& blocks, const NetworkOptions& options,
                      WeightSource& weights) {
  const std::int64_t size = image_size(options, {"DenseNet", 224, 32});
  KerasModel m(weights);
  Tensor x = m.input(DType::kFloat32, {options.batch, size, size, 3});
  x = m.zero_padding2d(x, {3, 3, 3, 3});
  x = m.conv2d(x, {.filters = 64, .kernel = {7, 7}, .strides = {2, 2}, .use_bias = false},
               "conv1_conv");
  x = m.batch_norm(x, kBn, "conv1_bn");
  x = m.activation(x, Activation::kRelu, "conv1_relu");
  x = m.zero_padding2d(x, {1, 1, 1, 1});
  x = m.max_pool2d(x, {.pool_size = {3, 3}, .strides = {2, 2}}, "pool1");

  for (int b = 0; b < 4; ++b) {
    x = dense_block(m, x, blocks[b], "conv" + std::to_string(b + 2));
    if (b < 3) x = transition_block(m, x, "pool" + std::to_string(b + 2));
  }
  x = m.batch_norm(x, kBn, "bn");
  x = m.activation(x, Activation::kRelu, "relu");
  x = m.global_avg_pool2d(x, false, "avg_pool");
  x = m.dense(x, 1000, Activation::kSoftmax, "predictions");
  return m.finish(x, options);
}

BuiltNetwork densenet121(const NetworkOptions& options, WeightSource& weights) {
  return densenet({6, 12, 24, 16}, options, weights);
}

BuiltNetwork densenet169(const NetworkOptions& options, WeightSource& weights) {
  return densenet({6, 12, 32, 32}, options, weights);
}

BuiltNetwork densenet201(const NetworkOptions& options, WeightSource& weights) {
  return densenet({6, 12, 48, 32}, options, weights);
}

}  // namespace tartan::networks
