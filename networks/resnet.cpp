// ResNet50 and ResNet50V2 (keras.applications.resnet / resnet_v2): bottleneck residual blocks
// in four stacks. V1 normalises after each convolution and adds before the ReLU; V2
// pre-activates each block and ends with post_bn / post_relu.
#include <string>

#include "image_input.h"
#include "keras_layers.h"
#include "tartan/networks/applications.h"

namespace tartan::networks {

namespace {

const BatchNormSpec kBn{.epsilon = 1.001e-5};

Tensor block_v1(KerasModel& m, const Tensor& in, std::int64_t filters, std::int64_t stride,
                bool conv_shortcut, const std::string& name) {
  Tensor shortcut = in;
  if (conv_shortcut) {
    shortcut =
        m.conv2d(in, {.filters = 4 * filters, .strides = {stride, stride}}, name + "_0_conv");
    shortcut = m.batch_norm(shortcut, kBn, name + "_0_bn");
  }
  Tensor x = m.conv2d(in, {.filters = filters, .strides = {stride, stride}}, name + "_1_conv");
  x = m.batch_norm(x, kBn, name + "_1_bn");
  x = m.activation(x, Activation::kRelu, name + "_1_relu");
  x = m.conv2d(x, {.filters = filters, .kernel = {3, 3}, .padding = PaddingMode::kSame},
               name + "_2_conv");
  x = m.batch_norm(x, kBn, name + "_2_bn");
  x = m.activation(x, Activation::kRelu, name + "_2_relu");
  x = m.conv2d(x, {.filters = 4 * filters}, name + "_3_conv");
  x = m.batch_norm(x, kBn, name + "_3_bn");
  x = m.add({shortcut, x}, name + "_add");
  return m.activation(x, Activation::kRelu, name + "_out");
}

Tensor stack_v1(KerasModel& m, Tensor x, std::int64_t filters, int blocks, std::int64_t stride1,
                const std::string& name) {
  x = block_v1(m, x, filters, stride1, true, name + "_block1");
  for (int i = 2; i <= blocks; ++i) {
    x = block_v1(m, x, filters, 1, false, name + "_block" + std::to_string(i));
  }
  return x;
}

Tensor block_v2(KerasModel& m, const Tensor& in, std::int64_t filters, std::int64_t stride,
                bool conv_shortcut, const std::string& name) {
  Tensor preact = m.batch_norm(in, kBn, name + "_preact_bn");
  preact = m.activation(preact, Activation::kRelu, name + "_preact_relu");
  Tensor shortcut = in;
  if (conv_shortcut) {
    shortcut =
        m.conv2d(preact, {.filters = 4 * filters, .strides = {stride, stride}}, name + "_0_conv");
  } else if (stride > 1) {
    shortcut = m.max_pool2d(in, {.pool_size = {1, 1}, .strides = {stride, stride}});
  }
  Tensor x = m.conv2d(preact, {.filters = filters, .use_bias = false}, name + "_1_conv");
  x = m.batch_norm(x, kBn, name + "_1_bn");
  x = m.activation(x, Activation::kRelu, name + "_1_relu");
  x = m.zero_padding2d(x, {1, 1, 1, 1}, name + "_2_pad");
  x = m.conv2d(
      x, {.filters = filters, .kernel = {3, 3}, .strides = {stride, stride}, .use_bias = false},
      name + "_2_conv");
  x = m.batch_norm(x, kBn, name + "_2_bn");
  x = m.activation(x, Activation::kRelu, name + "_2_relu");
  x = m.conv2d(x, {.filters = 4 * filters}, name + "_3_conv");
  return m.add({shortcut, x}, name + "_out");
}

// In V2 the stride sits in the last block of a stack.
Tensor stack_v2(KerasModel& m, Tensor x, std::int64_t filters, int blocks, std::int64_t stride1,
                const std::string& name) {
  x = block_v2(m, x, filters, 1, true, name + "_block1");
  for (int i = 2; i < blocks; ++i) {
    x = block_v2(m, x, filters, 1, false, name + "_block" + std::to_string(i));
  }
  return block_v2(m, x, filters, stride1, false, name + "_block" + std::to_string(blocks));
}

}  // namespace

BuiltNetwork resnet(const std::array<int, 4>& blocks, bool v2, const NetworkOptions& options,
                    WeightSource& weights) {
  const std::int64_t size = image_size(options, {v2 ? "ResNetV2" : "ResNet", 224, 32});
  KerasModel m(weights);
  Tensor x = m.input(DType::kFloat32, {options.batch, size, size, 3});
  x = m.zero_padding2d(x, {3, 3, 3, 3}, "conv1_pad");
  x = m.conv2d(x, {.filters = 64, .kernel = {7, 7}, .strides = {2, 2}}, "conv1_conv");
  if (!v2) {
    x = m.batch_norm(x, kBn, "conv1_bn");
    x = m.activation(x, Activation::kRelu, "conv1_relu");
  }
  x = m.zero_padding2d(x, {1, 1, 1, 1}, "pool1_pad");
  x = m.max_pool2d(x, {.pool_size = {3, 3}, .strides = {2, 2}}, "pool1_pool");

  constexpr std::int64_t kFilters[] = {64, 128, 256, 512};
  for (int s = 0; s < 4; ++s) {
    const std::string name = "conv" + std::to_string(s + 2);
    if (v2) {
      x = stack_v2(m, x, kFilters[s], blocks[s], s == 3 ? 1 : 2, name);
    } else {
      x = stack_v1(m, x, kFilters[s], blocks[s], s == 0 ? 1 : 2, name);
    }
  }
  if (v2) {
    x = m.batch_norm(x, kBn, "post_bn");
    x = m.activation(x, Activation::kRelu, "post_relu");
  }
  x = m.global_avg_pool2d(x, false, "avg_pool");
  x = m.dense(x, 1000, Activation::kSoftmax, "predictions");
  return m.finish(x, options);
}

BuiltNetwork resnet50(const NetworkOptions& options, WeightSource& weights) {
  return resnet({3, 4, 6, 3}, false, options, weights);
}

BuiltNetwork resnet50_v2(const NetworkOptions& options, WeightSource& weights) {
  return resnet({3, 4, 6, 3}, true, options, weights);
}

}  // namespace tartan::networks
