// The Keras applications that plaidbench runs, built layer for layer as keras.applications
// builds them: the same layer names, order, output shapes and parameter counts.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "tartan/ir/program.h"
#include "tartan/networks/weights.h"

namespace tartan::networks {

struct NetworkOptions {
  int batch = 1;
  int input_size = 0;  // 0: the network's default (224, 299, 331); MobileNets accept others
  double alpha = 1.0;  // MobileNet / MobileNetV2 width multiplier
  // MobileNet / MobileNetV2: the classifier's width, as Keras's `classes` with include_top (the
  // other networks are built with ImageNet's 1000 only)
  int classes = 1000;
  std::vector<std::string> extra_outputs;  // Keras layer names whose outputs are also returned
};

struct LayerInfo {
  std::string name;    // Keras layer name
  std::string type;    // Keras class name ("Conv2D", "BatchNormalization", ...)
  Shape output_shape;  // including the batch dimension
  std::int64_t parameters = 0;
  TensorId output = -1;
};

struct BuiltNetwork {
  Program program;  // input "input" (NHWC float32, or int32 token ids for imdb_lstm); outputs:
                    // the prediction, then each extra output in order
  std::vector<LayerInfo> layers;  // in the order the Keras function creates them
  std::int64_t parameters = 0;    // Keras's count_params(): every variable, BN statistics too
  // 2 x the multiply-adds of every Conv2D / DepthwiseConv2D / SeparableConv2D / Dense / LSTM
  // matrix product over the whole batch, counted from the layer shapes (taps that fall on
  // 'same' padding count too, as in the usual per-network figures); pooling, normalisation and
  // elementwise work is not counted.
  std::int64_t flops = 0;
};

struct NetworkInfo {
  std::string name;               // "mobilenet"
  std::string keras_name;         // "MobileNet"
  Shape example_shape;            // one example's input shape at the default size: {224, 224, 3}
  std::int64_t parameters = 0;    // Keras's count at the defaults
  double gflops_per_example = 0;  // BuiltNetwork::flops / batch / 1e9 at the defaults
  std::function<BuiltNetwork(const NetworkOptions&, WeightSource&)> build;
};

const std::vector<NetworkInfo>& all_networks();
// The network called `name`; an Error listing the known names otherwise.
const NetworkInfo& find_network(const std::string& name);

}  // namespace tartan::networks
