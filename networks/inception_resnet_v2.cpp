// InceptionResNetV2 (keras.applications.inception_resnet_v2): an Inception stem, then 10 x
// block35, 20 x block17 and 10 x block8 residual blocks (x + scale * branch) with reduction
// blocks between them. The residual sum is Keras 3's CustomScaleLayer, automatically named
// (custom_scale_layer, _1, ...); Keras 2 used a Lambda layer named after the block. Neither has
// weights.
#include <optional>
#include <string>

#include "image_input.h"
#include "keras_layers.h"
#include "tartan/networks/applications.h"

namespace tartan::networks {

namespace {

struct ConvBn {
  std::int64_t filters;
  Pair kernel;
  std::int64_t stride = 1;
  PaddingMode padding = PaddingMode::kSame;
  bool relu = true;
  bool use_bias = false;  // with a bias there is no BatchNormalization
  std::string name = {};  // empty: Keras's automatic names
};

Tensor conv_bn(KerasModel& m, const Tensor& x, const ConvBn& c) {
  const auto suffixed = [&](const char* s) { return c.name.empty() ? c.name : c.name + s; };
  Tensor y = m.conv2d(x,
                      {.filters = c.filters,
                       .kernel = c.kernel,
                       .strides = {c.stride, c.stride},
                       .padding = c.padding,
                       .use_bias = c.use_bias},
                      c.name);
  if (!c.use_bias) y = m.batch_norm(y, {.scale = false}, suffixed("_bn"));
  if (c.relu) y = m.activation(y, Activation::kRelu, suffixed("_ac"));
  return y;
}

constexpr PaddingMode kValid = PaddingMode::kValid;
constexpr Pair k1 = {1, 1}, k3 = {3, 3};

Tensor max_pool_3x3_s2(KerasModel& m, const Tensor& x) {
  return m.max_pool2d(x, {.pool_size = {3, 3}, .strides = {2, 2}});
}

enum class BlockType { k35, k17, k8 };

Tensor residual_block(KerasModel& m, const Tensor& x, BlockType type, int idx, double scale,
                      bool relu) {
  std::vector<Tensor> branches;
  std::string type_name;
  switch (type) {
    case BlockType::k35: {
      type_name = "block35";
      branches.push_back(conv_bn(m, x, {32, k1}));
      Tensor b1 = conv_bn(m, x, {32, k1});
      branches.push_back(conv_bn(m, b1, {32, k3}));
      Tensor b2 = conv_bn(m, x, {32, k1});
      b2 = conv_bn(m, b2, {48, k3});
      branches.push_back(conv_bn(m, b2, {64, k3}));
      break;
    }
    case BlockType::k17: {
      type_name = "block17";
      branches.push_back(conv_bn(m, x, {192, k1}));
      Tensor b1 = conv_bn(m, x, {128, k1});
      b1 = conv_bn(m, b1, {160, {1, 7}});
      branches.push_back(conv_bn(m, b1, {192, {7, 1}}));
      break;
    }
    case BlockType::k8: {
      type_name = "block8";
      branches.push_back(conv_bn(m, x, {192, k1}));
      Tensor b1 = conv_bn(m, x, {192, k1});
      b1 = conv_bn(m, b1, {224, {1, 3}});
      branches.push_back(conv_bn(m, b1, {256, {3, 1}}));
      break;
    }
  }
  const std::string block = type_name + "_" + std::to_string(idx);
  const Tensor mixed = m.concatenate(branches, block + "_mixed");
  const Tensor up = conv_bn(m, mixed,
                            {.filters = x.shape().back(),
                             .kernel = k1,
                             .relu = false,
                             .use_bias = true,
                             .name = block + "_conv"});
  Tensor y = m.custom_scale(x, up, scale);
  if (relu) y = m.activation(y, Activation::kRelu, block + "_ac");
  return y;
}

}  // namespace

BuiltNetwork inception_resnet_v2(const NetworkOptions& options, WeightSource& weights) {
  const std::int64_t size = image_size(options, {"InceptionResNetV2", 299, 75});
  KerasModel m(weights);
  Tensor x = m.input(DType::kFloat32, {options.batch, size, size, 3});
  // Stem: 35 x 35 x 192.
  x = conv_bn(m, x, {32, k3, 2, kValid});
  x = conv_bn(m, x, {32, k3, 1, kValid});
  x = conv_bn(m, x, {64, k3});
  x = max_pool_3x3_s2(m, x);
  x = conv_bn(m, x, {80, k1, 1, kValid});
  x = conv_bn(m, x, {192, k3, 1, kValid});
  x = max_pool_3x3_s2(m, x);

  {  // mixed_5b (Inception-A): 35 x 35 x 320
    const Tensor b0 = conv_bn(m, x, {96, k1});
    Tensor b1 = conv_bn(m, x, {48, k1});
    b1 = conv_bn(m, b1, {64, {5, 5}});
    Tensor b2 = conv_bn(m, x, {64, k1});
    b2 = conv_bn(m, b2, {96, k3});
    b2 = conv_bn(m, b2, {96, k3});
    Tensor bp =
        m.avg_pool2d(x, {.pool_size = {3, 3}, .strides = {1, 1}, .padding = PaddingMode::kSame});
    bp = conv_bn(m, bp, {64, k1});
    x = m.concatenate({b0, b1, b2, bp}, "mixed_5b");
  }
  for (int i = 1; i <= 10; ++i) x = residual_block(m, x, BlockType::k35, i, 0.17, true);

  {  // mixed_6a (Reduction-A): 17 x 17 x 1088
    const Tensor b0 = conv_bn(m, x, {384, k3, 2, kValid});
    Tensor b1 = conv_bn(m, x, {256, k1});
    b1 = conv_bn(m, b1, {256, k3});
    b1 = conv_bn(m, b1, {384, k3, 2, kValid});
    const Tensor bp = max_pool_3x3_s2(m, x);
    x = m.concatenate({b0, b1, bp}, "mixed_6a");
  }
  for (int i = 1; i <= 20; ++i) x = residual_block(m, x, BlockType::k17, i, 0.1, true);

  {  // mixed_7a (Reduction-B): 8 x 8 x 2080
    Tensor b0 = conv_bn(m, x, {256, k1});
    b0 = conv_bn(m, b0, {384, k3, 2, kValid});
    Tensor b1 = conv_bn(m, x, {256, k1});
    b1 = conv_bn(m, b1, {288, k3, 2, kValid});
    Tensor b2 = conv_bn(m, x, {256, k1});
    b2 = conv_bn(m, b2, {288, k3});
    b2 = conv_bn(m, b2, {320, k3, 2, kValid});
    const Tensor bp = max_pool_3x3_s2(m, x);
    x = m.concatenate({b0, b1, b2, bp}, "mixed_7a");
  }
  for (int i = 1; i <= 9; ++i) x = residual_block(m, x, BlockType::k8, i, 0.2, true);
  x = residual_block(m, x, BlockType::k8, 10, 1.0, false);

  x = conv_bn(m, x, {.filters = 1536, .kernel = k1, .name = "conv_7b"});
  x = m.global_avg_pool2d(x, false, "avg_pool");
  x = m.dense(x, 1000, Activation::kSoftmax, "predictions");
  return m.finish(x, options);
}

}  // namespace tartan::networks
