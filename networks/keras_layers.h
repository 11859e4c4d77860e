// Keras layers over the op library: the vocabulary the application files are written in.
//
// A KerasModel owns the Builder of one network. Each layer call builds the layer's ops, asks the
// WeightSource for its Keras variables in Keras's order (each becomes a constant named
// "layer/variable"), and records a LayerInfo (Keras name and class, output shape with the batch,
// parameter count). Layers without weights are recorded too, so `layers()` lists what Keras's
// model.layers lists (the InputLayer excluded), in the order the Keras function creates them.
// An empty name gets Keras's automatic name: the class in snake case, then _1, _2, ...
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tartan/ir/builder.h"
#include "tartan/networks/registry.h"
#include "tartan/networks/weights.h"

namespace tartan::networks {

enum class Activation { kLinear, kRelu, kSigmoid, kTanh, kSoftmax };
enum class PaddingMode { kValid, kSame };

using Pair = std::array<std::int64_t, 2>;  // (rows, columns)

struct ConvSpec {  // Conv2D and SeparableConv2D (depth_multiplier 1)
  std::int64_t filters = 0;
  Pair kernel = {1, 1};
  Pair strides = {1, 1};
  PaddingMode padding = PaddingMode::kValid;
  bool use_bias = true;
  Activation activation = Activation::kLinear;
};

struct DepthwiseSpec {
  Pair kernel = {3, 3};
  Pair strides = {1, 1};
  PaddingMode padding = PaddingMode::kValid;
  std::int64_t depth_multiplier = 1;
  bool use_bias = true;
};

struct BatchNormSpec {
  double epsilon = 1e-3;  // Keras's default; ResNet and DenseNet pass 1.001e-5
  bool center = true;     // beta
  bool scale = true;      // gamma
};

struct PoolSpec {
  Pair pool_size = {2, 2};
  Pair strides = {2, 2};
  PaddingMode padding = PaddingMode::kValid;
};

struct Padding2D {  // ZeroPadding2D / Cropping2D amounts
  std::int64_t top = 0, bottom = 0, left = 0, right = 0;
};

class KerasModel {
 public:
  explicit KerasModel(WeightSource& weights) : weights_(weights) {}
  KerasModel(const KerasModel&) = delete;
  KerasModel& operator=(const KerasModel&) = delete;

  Builder& builder() { return builder_; }
  // The program input "input".
  Tensor input(DType dtype, Shape shape);

  Tensor conv2d(const Tensor& x, const ConvSpec& spec, const std::string& name = {});
  Tensor depthwise_conv2d(const Tensor& x, const DepthwiseSpec& spec, const std::string& name = {});
  Tensor separable_conv2d(const Tensor& x, const ConvSpec& spec, const std::string& name = {});
  Tensor batch_norm(const Tensor& x, const BatchNormSpec& spec, const std::string& name = {});
  Tensor dense(const Tensor& x, std::int64_t units, Activation activation,
               const std::string& name = {});

  Tensor activation(const Tensor& x, Activation a, const std::string& name = {});
  Tensor relu6(const Tensor& x, const std::string& name = {});  // Keras ReLU(6.0)
  Tensor zero_padding2d(const Tensor& x, const Padding2D& p, const std::string& name = {});
  Tensor cropping2d(const Tensor& x, const Padding2D& p, const std::string& name = {});
  Tensor max_pool2d(const Tensor& x, const PoolSpec& spec, const std::string& name = {});
  Tensor avg_pool2d(const Tensor& x, const PoolSpec& spec, const std::string& name = {});
  Tensor global_avg_pool2d(const Tensor& x, bool keepdims, const std::string& name = {});
  Tensor reshape(const Tensor& x, const Shape& per_example, const std::string& name = {});
  Tensor flatten(const Tensor& x, const std::string& name = {});
  Tensor dropout(const Tensor& x, const std::string& name = {});  // identity at inference
  Tensor add(const std::vector<Tensor>& xs, const std::string& name = {});
  Tensor concatenate(const std::vector<Tensor>& xs, const std::string& name = {});
  // InceptionResNetV2's CustomScaleLayer: x + residual * scale.
  Tensor custom_scale(const Tensor& x, const Tensor& residual, double scale,
                      const std::string& name = {});
  Tensor embedding(const Tensor& ids, std::int64_t input_dim, std::int64_t output_dim,
                   const std::string& name = {});
  // Keras LSTM(units): the last hidden state, or every step's with `return_sequences`. The
  // recurrence is one loop (ops::lstm), not unrolled.
  Tensor lstm(const Tensor& x, std::int64_t units, bool return_sequences = false,
              const std::string& name = {});

  // Moves the program out: `prediction` is its first output, then the outputs of the layers
  // named in options.extra_outputs (Error for an unknown name).
  BuiltNetwork finish(const Tensor& prediction, const NetworkOptions& options);

 private:
  std::string layer_name(const std::string& requested, const char* auto_base);
  // Fetches one Keras variable and makes it a constant; counts its parameters.
  Tensor weight(const std::string& layer, const std::string& variable, const Shape& shape);
  Tensor record(const std::string& name, const char* type, const Tensor& out);
  Tensor apply(const Tensor& x, Activation a);

  WeightSource& weights_;
  Builder builder_;
  std::vector<LayerInfo> layers_;
  std::map<std::string, int> auto_names_;  // Keras's per-class counters
  std::int64_t layer_parameters_ = 0;      // of the layer being built
  std::int64_t parameters_ = 0;
  std::int64_t multiply_adds_ = 0;
};

}  // namespace tartan::networks
