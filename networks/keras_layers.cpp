#include "keras_layers.h"

#include <optional>

#include "tartan/ops/activation.h"
#include "tartan/ops/conv.h"
#include "tartan/ops/dense.h"
#include "tartan/ops/embedding.h"
#include "tartan/ops/lstm.h"
#include "tartan/ops/norm.h"
#include "tartan/ops/pool.h"
#include "tartan/ops/shape.h"
#include "tartan/support/error.h"

namespace tartan::networks {

namespace {

ops::Padding padding(PaddingMode mode) {
  return mode == PaddingMode::kSame ? ops::Padding::same() : ops::Padding::valid();
}

ops::Pool2DOptions pool_options(const PoolSpec& s) {
  return {.pool_size = s.pool_size, .strides = s.strides, .padding = padding(s.padding)};
}

std::int64_t channels(const Tensor& x) { return x.shape().back(); }

}  // namespace

Tensor KerasModel::input(DType dtype, Shape shape) {
  return builder_.input("input", dtype, std::move(shape));
}

std::string KerasModel::layer_name(const std::string& requested, const char* auto_base) {
  std::string name = requested;
  if (name.empty()) {
    // Keras names the first unnamed layer of a class after the class, the next ones _1, _2, ...
    const int n = auto_names_[auto_base]++;
    name = n == 0 ? auto_base : std::string(auto_base) + "_" + std::to_string(n);
  }
  for (const LayerInfo& l : layers_) {
    TARTAN_CHECK(l.name != name, "two layers are named " + name);
  }
  return name;
}

Tensor KerasModel::weight(const std::string& layer, const std::string& variable,
                          const Shape& shape) {
  std::vector<float> values = weights_.get(layer, variable, shape);
  const std::int64_t n = num_elements(shape);
  if (static_cast<std::int64_t>(values.size()) != n) {
    throw Error("weights of layer " + layer + ": " + variable + " has " +
                    std::to_string(values.size()) + " values but Keras's shape " +
                    shape_str(shape) + " holds " + std::to_string(n),
                "use weights saved from the same Keras architecture");
  }
  layer_parameters_ += n;
  return builder_.constant(layer + "/" + variable, shape, std::move(values));
}

Tensor KerasModel::record(const std::string& name, const char* type, const Tensor& out) {
  layers_.push_back({name, type, out.shape(), layer_parameters_, out.id()});
  parameters_ += layer_parameters_;
  layer_parameters_ = 0;
  return out;
}

Tensor KerasModel::apply(const Tensor& x, Activation a) {
  switch (a) {
    case Activation::kLinear:
      return x;
    case Activation::kRelu:
      return ops::relu(x);
    case Activation::kSigmoid:
      return ops::sigmoid(x);
    case Activation::kTanh:
      return ops::tanh(x);
    case Activation::kSoftmax:
      return ops::softmax(x, -1);
  }
  throw InternalError("unknown activation");
}

Tensor KerasModel::conv2d(const Tensor& x, const ConvSpec& s, const std::string& requested) {
  const std::string name = layer_name(requested, "conv2d");
  const std::int64_t in = channels(x);
  const Tensor kernel = weight(name, "kernel", {s.kernel[0], s.kernel[1], in, s.filters});
  std::optional<Tensor> bias;
  if (s.use_bias) bias = weight(name, "bias", {s.filters});
  const Tensor y =
      ops::conv2d(x, kernel, bias, {.strides = s.strides, .padding = padding(s.padding)});
  multiply_adds_ += num_elements(y.shape()) * s.kernel[0] * s.kernel[1] * in;
  return record(name, "Conv2D", apply(y, s.activation));
}

Tensor KerasModel::depthwise_conv2d(const Tensor& x, const DepthwiseSpec& s,
                                    const std::string& requested) {
  const std::string name = layer_name(requested, "depthwise_conv2d");
  const std::int64_t in = channels(x);
  const Tensor kernel =
      weight(name, "depthwise_kernel", {s.kernel[0], s.kernel[1], in, s.depth_multiplier});
  std::optional<Tensor> bias;
  if (s.use_bias) bias = weight(name, "bias", {in * s.depth_multiplier});
  const Tensor y =
      ops::depthwise_conv2d(x, kernel, bias, {.strides = s.strides, .padding = padding(s.padding)});
  multiply_adds_ += num_elements(y.shape()) * s.kernel[0] * s.kernel[1];
  return record(name, "DepthwiseConv2D", y);
}

Tensor KerasModel::separable_conv2d(const Tensor& x, const ConvSpec& s,
                                    const std::string& requested) {
  const std::string name = layer_name(requested, "separable_conv2d");
  const std::int64_t in = channels(x);
  const Tensor depthwise = weight(name, "depthwise_kernel", {s.kernel[0], s.kernel[1], in, 1});
  const Tensor pointwise = weight(name, "pointwise_kernel", {1, 1, in, s.filters});
  std::optional<Tensor> bias;
  if (s.use_bias) bias = weight(name, "bias", {s.filters});
  const Tensor y = ops::separable_conv2d(x, depthwise, pointwise, bias,
                                         {.strides = s.strides, .padding = padding(s.padding)});
  const std::int64_t positions = num_elements(y.shape()) / s.filters;
  multiply_adds_ += positions * in * (s.kernel[0] * s.kernel[1] + s.filters);
  return record(name, "SeparableConv2D", apply(y, s.activation));
}

Tensor KerasModel::batch_norm(const Tensor& x, const BatchNormSpec& s,
                              const std::string& requested) {
  const std::string name = layer_name(requested, "batch_normalization");
  const Shape c = {channels(x)};
  // Keras's variable order: gamma (scale), beta (center), moving_mean, moving_variance.
  std::optional<Tensor> gamma, beta;
  if (s.scale) gamma = weight(name, "gamma", c);
  if (s.center) beta = weight(name, "beta", c);
  const Tensor mean = weight(name, "moving_mean", c);
  const Tensor var = weight(name, "moving_variance", c);
  return record(name, "BatchNormalization", ops::batch_norm(x, mean, var, gamma, beta, s.epsilon));
}

Tensor KerasModel::dense(const Tensor& x, std::int64_t units, Activation a,
                         const std::string& requested) {
  const std::string name = layer_name(requested, "dense");
  const std::int64_t in = channels(x);
  const Tensor kernel = weight(name, "kernel", {in, units});
  const Tensor bias = weight(name, "bias", {units});
  const Tensor y = ops::dense(x, kernel, bias);
  multiply_adds_ += num_elements(y.shape()) * in;
  return record(name, "Dense", apply(y, a));
}

Tensor KerasModel::activation(const Tensor& x, Activation a, const std::string& requested) {
  return record(layer_name(requested, "activation"), "Activation", apply(x, a));
}

Tensor KerasModel::relu6(const Tensor& x, const std::string& requested) {
  return record(layer_name(requested, "re_lu"), "ReLU", ops::relu6(x));
}

Tensor KerasModel::zero_padding2d(const Tensor& x, const Padding2D& p,
                                  const std::string& requested) {
  return record(layer_name(requested, "zero_padding2d"), "ZeroPadding2D",
                ops::zero_padding2d(x, p.top, p.bottom, p.left, p.right));
}

Tensor KerasModel::cropping2d(const Tensor& x, const Padding2D& p, const std::string& requested) {
  return record(layer_name(requested, "cropping2d"), "Cropping2D",
                ops::cropping2d(x, p.top, p.bottom, p.left, p.right));
}

Tensor KerasModel::max_pool2d(const Tensor& x, const PoolSpec& s, const std::string& requested) {
  return record(layer_name(requested, "max_pooling2d"), "MaxPooling2D",
                ops::max_pool2d(x, pool_options(s)));
}

Tensor KerasModel::avg_pool2d(const Tensor& x, const PoolSpec& s, const std::string& requested) {
  return record(layer_name(requested, "average_pooling2d"), "AveragePooling2D",
                ops::avg_pool2d(x, pool_options(s)));
}

Tensor KerasModel::global_avg_pool2d(const Tensor& x, bool keepdims, const std::string& requested) {
  return record(layer_name(requested, "global_average_pooling2d"), "GlobalAveragePooling2D",
                ops::global_avg_pool2d(x, keepdims));
}

Tensor KerasModel::reshape(const Tensor& x, const Shape& per_example,
                           const std::string& requested) {
  Shape shape = {x.shape()[0]};
  shape.insert(shape.end(), per_example.begin(), per_example.end());
  return record(layer_name(requested, "reshape"), "Reshape", ops::reshape(x, shape));
}

Tensor KerasModel::flatten(const Tensor& x, const std::string& requested) {
  return record(layer_name(requested, "flatten"), "Flatten", ops::flatten(x));
}

Tensor KerasModel::dropout(const Tensor& x, const std::string& requested) {
  return record(layer_name(requested, "dropout"), "Dropout", x);
}

Tensor KerasModel::add(const std::vector<Tensor>& xs, const std::string& requested) {
  TARTAN_CHECK(xs.size() >= 2, "Add needs two inputs");
  Tensor sum = xs[0];
  for (std::size_t i = 1; i < xs.size(); ++i) sum = ops::add(sum, xs[i]);
  return record(layer_name(requested, "add"), "Add", sum);
}

Tensor KerasModel::concatenate(const std::vector<Tensor>& xs, const std::string& requested) {
  return record(layer_name(requested, "concatenate"), "Concatenate", ops::concatenate(xs, -1));
}

Tensor KerasModel::custom_scale(const Tensor& x, const Tensor& residual, double scale,
                                const std::string& requested) {
  return record(layer_name(requested, "custom_scale_layer"), "CustomScaleLayer",
                ops::add(x, residual * scale));
}

Tensor KerasModel::embedding(const Tensor& ids, std::int64_t input_dim, std::int64_t output_dim,
                             const std::string& requested) {
  const std::string name = layer_name(requested, "embedding");
  const Tensor table = weight(name, "embeddings", {input_dim, output_dim});
  return record(name, "Embedding", ops::embedding(ids, table));
}

Tensor KerasModel::lstm(const Tensor& x, std::int64_t units, bool return_sequences,
                        const std::string& requested) {
  const std::string name = layer_name(requested, "lstm");
  TARTAN_CHECK(x.rank() == 3, "LSTM input must be [batch, steps, features]");
  const std::int64_t batch = x.shape()[0], steps = x.shape()[1], in = x.shape()[2];
  const Tensor kernel = weight(name, "kernel", {in, 4 * units});
  const Tensor recurrent = weight(name, "recurrent_kernel", {units, 4 * units});
  const Tensor bias = weight(name, "bias", {4 * units});
  multiply_adds_ += batch * steps * (in + units) * 4 * units;
  return record(name, "LSTM", ops::lstm(x, kernel, recurrent, bias, return_sequences));
}

BuiltNetwork KerasModel::finish(const Tensor& prediction, const NetworkOptions& options) {
  builder_.output(prediction);
  for (const std::string& wanted : options.extra_outputs) {
    const LayerInfo* found = nullptr;
    for (const LayerInfo& l : layers_) {
      if (l.name == wanted) found = &l;
    }
    if (found == nullptr) {
      throw Error("no layer named `" + wanted + "` in this network",
                  "extra outputs name Keras layers, e.g. `" + layers_.front().name + "` or `" +
                      layers_.back().name + "`");
    }
    builder_.output(Tensor(&builder_, found->output));
  }
  // Every variable has been asked for: a file holding more is saved from another network.
  weights_.finish();
  BuiltNetwork net;
  net.program = builder_.build();
  net.layers = std::move(layers_);
  net.parameters = parameters_;
  net.flops = 2 * multiply_adds_;
  return net;
}

}  // namespace tartan::networks
