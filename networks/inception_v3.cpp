// InceptionV3 (keras.applications.inception_v3). Its conv2d_bn helper leaves the layers
// unnamed, so they carry Keras's automatic names (conv2d, conv2d_1, batch_normalization, ...).
#include <string>

#include "image_input.h"
#include "keras_layers.h"
#include "tartan/networks/applications.h"

namespace tartan::networks {

namespace {

// Conv2D without bias, BatchNormalization without gamma (scale=False), ReLU.
Tensor conv_bn(KerasModel& m, const Tensor& x, std::int64_t filters, std::int64_t rows,
               std::int64_t cols, PaddingMode padding = PaddingMode::kSame,
               std::int64_t stride = 1) {
  Tensor y = m.conv2d(x, {.filters = filters,
                          .kernel = {rows, cols},
                          .strides = {stride, stride},
                          .padding = padding,
                          .use_bias = false});
  y = m.batch_norm(y, {.scale = false});
  return m.activation(y, Activation::kRelu);
}

constexpr PaddingMode kValid = PaddingMode::kValid;

Tensor avg_pool_3x3(KerasModel& m, const Tensor& x) {
  return m.avg_pool2d(x, {.pool_size = {3, 3}, .strides = {1, 1}, .padding = PaddingMode::kSame});
}

Tensor max_pool_3x3_s2(KerasModel& m, const Tensor& x) {
  return m.max_pool2d(x, {.pool_size = {3, 3}, .strides = {2, 2}});
}

// mixed0 .. mixed2: 35 x 35.
Tensor block_a(KerasModel& m, const Tensor& x, std::int64_t pool_filters, const std::string& name) {
  const Tensor b1 = conv_bn(m, x, 64, 1, 1);
  Tensor b5 = conv_bn(m, x, 48, 1, 1);
  b5 = conv_bn(m, b5, 64, 5, 5);
  Tensor b3 = conv_bn(m, x, 64, 1, 1);
  b3 = conv_bn(m, b3, 96, 3, 3);
  b3 = conv_bn(m, b3, 96, 3, 3);
  Tensor bp = avg_pool_3x3(m, x);
  bp = conv_bn(m, bp, pool_filters, 1, 1);
  return m.concatenate({b1, b5, b3, bp}, name);
}

// mixed4 .. mixed7: 17 x 17 with factorised 7x7 convolutions of `c` channels.
Tensor block_c(KerasModel& m, const Tensor& x, std::int64_t c, const std::string& name) {
  const Tensor b1 = conv_bn(m, x, 192, 1, 1);
  Tensor b7 = conv_bn(m, x, c, 1, 1);
  b7 = conv_bn(m, b7, c, 1, 7);
  b7 = conv_bn(m, b7, 192, 7, 1);
  Tensor bd = conv_bn(m, x, c, 1, 1);
  bd = conv_bn(m, bd, c, 7, 1);
  bd = conv_bn(m, bd, c, 1, 7);
  bd = conv_bn(m, bd, c, 7, 1);
  bd = conv_bn(m, bd, 192, 1, 7);
  Tensor bp = avg_pool_3x3(m, x);
  bp = conv_bn(m, bp, 192, 1, 1);
  return m.concatenate({b1, b7, bd, bp}, name);
}

// mixed9, mixed10: 8 x 8.
Tensor block_e(KerasModel& m, const Tensor& x, int i) {
  const Tensor b1 = conv_bn(m, x, 320, 1, 1);
  const Tensor b3 = conv_bn(m, x, 384, 1, 1);
  const Tensor b3_1 = conv_bn(m, b3, 384, 1, 3);
  const Tensor b3_2 = conv_bn(m, b3, 384, 3, 1);
  const Tensor b3c = m.concatenate({b3_1, b3_2}, "mixed9_" + std::to_string(i));
  Tensor bd = conv_bn(m, x, 448, 1, 1);
  bd = conv_bn(m, bd, 384, 3, 3);
  const Tensor bd_1 = conv_bn(m, bd, 384, 1, 3);
  const Tensor bd_2 = conv_bn(m, bd, 384, 3, 1);
  const Tensor bdc = m.concatenate({bd_1, bd_2});
  Tensor bp = avg_pool_3x3(m, x);
  bp = conv_bn(m, bp, 192, 1, 1);
  return m.concatenate({b1, b3c, bdc, bp}, "mixed" + std::to_string(9 + i));
}

}  // namespace

BuiltNetwork inception_v3(const NetworkOptions& options, WeightSource& weights) {
  const std::int64_t size = image_size(options, {"InceptionV3", 299, 75});
  KerasModel m(weights);
  Tensor x = m.input(DType::kFloat32, {options.batch, size, size, 3});
  x = conv_bn(m, x, 32, 3, 3, kValid, 2);
  x = conv_bn(m, x, 32, 3, 3, kValid);
  x = conv_bn(m, x, 64, 3, 3);
  x = max_pool_3x3_s2(m, x);
  x = conv_bn(m, x, 80, 1, 1, kValid);
  x = conv_bn(m, x, 192, 3, 3, kValid);
  x = max_pool_3x3_s2(m, x);

  x = block_a(m, x, 32, "mixed0");
  x = block_a(m, x, 64, "mixed1");
  x = block_a(m, x, 64, "mixed2");

  {  // mixed3: reduction to 17 x 17
    const Tensor b3 = conv_bn(m, x, 384, 3, 3, kValid, 2);
    Tensor bd = conv_bn(m, x, 64, 1, 1);
    bd = conv_bn(m, bd, 96, 3, 3);
    bd = conv_bn(m, bd, 96, 3, 3, kValid, 2);
    const Tensor bp = max_pool_3x3_s2(m, x);
    x = m.concatenate({b3, bd, bp}, "mixed3");
  }

  x = block_c(m, x, 128, "mixed4");
  x = block_c(m, x, 160, "mixed5");
  x = block_c(m, x, 160, "mixed6");
  x = block_c(m, x, 192, "mixed7");

  {  // mixed8: reduction to 8 x 8
    Tensor b3 = conv_bn(m, x, 192, 1, 1);
    b3 = conv_bn(m, b3, 320, 3, 3, kValid, 2);
    Tensor b7 = conv_bn(m, x, 192, 1, 1);
    b7 = conv_bn(m, b7, 192, 1, 7);
    b7 = conv_bn(m, b7, 192, 7, 1);
    b7 = conv_bn(m, b7, 192, 3, 3, kValid, 2);
    const Tensor bp = max_pool_3x3_s2(m, x);
    x = m.concatenate({b3, b7, bp}, "mixed8");
  }

  x = block_e(m, x, 0);
  x = block_e(m, x, 1);

  x = m.global_avg_pool2d(x, false, "avg_pool");
  x = m.dense(x, 1000, Activation::kSoftmax, "predictions");
  return m.finish(x, options);
}

}  // namespace tartan::networks
