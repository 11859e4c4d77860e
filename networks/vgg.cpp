// VGG16 and VGG19 (keras.applications.vgg16 / vgg19): five blocks of 3x3 'same' ReLU
// convolutions, each ending in 2x2 max pooling, then flatten and three dense layers.
#include <string>

#include "image_input.h"
#include "keras_layers.h"
#include "tartan/networks/applications.h"

namespace tartan::networks {

namespace {

BuiltNetwork vgg(const char* keras_name, const std::array<int, 5>& convs,
                 const NetworkOptions& options, WeightSource& weights) {
  const std::int64_t size = image_size(options, {keras_name, 224, 32});
  KerasModel m(weights);
  Tensor x = m.input(DType::kFloat32, {options.batch, size, size, 3});
  constexpr std::int64_t kFilters[] = {64, 128, 256, 512, 512};
  for (int b = 0; b < 5; ++b) {
    const std::string block = "block" + std::to_string(b + 1);
    for (int c = 1; c <= convs[b]; ++c) {
      x = m.conv2d(x,
                   {.filters = kFilters[b],
                    .kernel = {3, 3},
                    .padding = PaddingMode::kSame,
                    .activation = Activation::kRelu},
                   block + "_conv" + std::to_string(c));
    }
    x = m.max_pool2d(x, {.pool_size = {2, 2}, .strides = {2, 2}}, block + "_pool");
  }
  x = m.flatten(x, "flatten");
  x = m.dense(x, 4096, Activation::kRelu, "fc1");
  x = m.dense(x, 4096, Activation::kRelu, "fc2");
  x = m.dense(x, 1000, Activation::kSoftmax, "predictions");
  return m.finish(x, options);
}

}  // namespace

BuiltNetwork vgg16(const NetworkOptions& options, WeightSource& weights) {
  return vgg("VGG16", {2, 2, 3, 3, 3}, options, weights);
}

BuiltNetwork vgg19(const NetworkOptions& options, WeightSource& weights) {
  return vgg("VGG19", {2, 2, 4, 4, 4}, options, weights);
}

}  // namespace tartan::networks
