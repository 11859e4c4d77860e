// Xception (keras.applications.xception): an entry flow of strided separable blocks with 1x1
// convolution shortcuts, eight middle-flow blocks with identity shortcuts, an exit flow.
#include <string>

#include "image_input.h"
#include "keras_layers.h"
#include "tartan/networks/applications.h"

namespace tartan::networks {

namespace {

Tensor sep_bn(KerasModel& m, const Tensor& x, std::int64_t filters, const std::string& name) {
  const Tensor y = m.separable_conv2d(
      x, {.filters = filters, .kernel = {3, 3}, .padding = PaddingMode::kSame, .use_bias = false},
      name);
  return m.batch_norm(y, {}, name + "_bn");
}

Tensor relu(KerasModel& m, const Tensor& x, const std::string& name) {
  return m.activation(x, Activation::kRelu, name);
}

// A strided block: [relu] sep conv, relu, sep conv, 3x3/2 max pool, plus a strided 1x1
// convolution shortcut. Block 2 starts without the ReLU (its input is already activated).
Tensor reduction_block(KerasModel& m, const Tensor& x, std::int64_t filters1, std::int64_t filters2,
                       int block, bool first_relu) {
  const std::string b = "block" + std::to_string(block);
  Tensor residual = m.conv2d(
      x,
      {.filters = filters2, .strides = {2, 2}, .padding = PaddingMode::kSame, .use_bias = false});
  residual = m.batch_norm(residual, {});
  Tensor y = x;
  if (first_relu) y = relu(m, y, b + "_sepconv1_act");
  y = sep_bn(m, y, filters1, b + "_sepconv1");
  y = relu(m, y, b + "_sepconv2_act");
  y = sep_bn(m, y, filters2, b + "_sepconv2");
  y = m.max_pool2d(y, {.pool_size = {3, 3}, .strides = {2, 2}, .padding = PaddingMode::kSame},
                   b + "_pool");
  return m.add({y, residual});
}

}  // namespace

BuiltNetwork xception(const NetworkOptions& options, WeightSource& weights) {
  const std::int64_t size = image_size(options, {"Xception", 299, 71});
  KerasModel m(weights);
  Tensor x = m.input(DType::kFloat32, {options.batch, size, size, 3});
  x = m.conv2d(x, {.filters = 32, .kernel = {3, 3}, .strides = {2, 2}, .use_bias = false},
               "block1_conv1");
  x = m.batch_norm(x, {}, "block1_conv1_bn");
  x = relu(m, x, "block1_conv1_act");
  x = m.conv2d(x, {.filters = 64, .kernel = {3, 3}, .use_bias = false}, "block1_conv2");
  x = m.batch_norm(x, {}, "block1_conv2_bn");
  x = relu(m, x, "block1_conv2_act");

  x = reduction_block(m, x, 128, 128, 2, false);
  x = reduction_block(m, x, 256, 256, 3, true);
  x = reduction_block(m, x, 728, 728, 4, true);

  for (int i = 0; i < 8; ++i) {
    const std::string b = "block" + std::to_string(i + 5);
    const Tensor residual = x;
    for (int c = 1; c <= 3; ++c) {
      const std::string conv = b + "_sepconv" + std::to_string(c);
      x = relu(m, x, conv + "_act");
      x = sep_bn(m, x, 728, conv);
    }
    x = m.add({x, residual});
  }

  x = reduction_block(m, x, 728, 1024, 13, true);

  x = sep_bn(m, x, 1536, "block14_sepconv1");
  x = relu(m, x, "block14_sepconv1_act");
  x = sep_bn(m, x, 2048, "block14_sepconv2");
  x = relu(m, x, "block14_sepconv2_act");

  x = m.global_avg_pool2d(x, false, "avg_pool");
  x = m.dense(x, 1000, Activation::kSoftmax, "predictions");
  return m.finish(x, options);
}

}  // namespace tartan::networks
