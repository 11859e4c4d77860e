// MobileNet and MobileNetV2 layer by layer against Keras: names, classes, output shapes (with
// the batch) and a few parameter counts, for the default and a reduced width and size. The
// expected lists are written from keras.applications (mobilenet.py, mobilenet_v2.py, and
// model.summary() of the Keras models).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "networks/test_weights.h"
#include "tartan/networks/applications.h"

namespace tartan::networks {
namespace {

using testing::TestWeights;

struct Expected {
  std::string name, type;
  Shape shape;
};

BuiltNetwork build(BuiltNetwork (*f)(const NetworkOptions&, WeightSource&), double alpha,
                   int size) {
  TestWeights weights(TestWeights::Mode::kZeros);
  NetworkOptions options;
  options.alpha = alpha;
  options.input_size = size;
  return f(options, weights);
}

void expect_layers(const std::vector<LayerInfo>& got, std::size_t count,
                   const std::vector<Expected>& first, const std::vector<Expected>& last) {
  ASSERT_EQ(got.size(), count);
  const auto check = [&](std::size_t i, const Expected& e) {
    EXPECT_EQ(got[i].name, e.name) << "layer " << i;
    EXPECT_EQ(got[i].type, e.type) << e.name;
    EXPECT_EQ(got[i].output_shape, e.shape) << e.name;
  };
  for (std::size_t i = 0; i < first.size(); ++i) check(i, first[i]);
  for (std::size_t i = 0; i < last.size(); ++i) check(count - last.size() + i, last[i]);
}

const LayerInfo& layer(const BuiltNetwork& net, const std::string& name) {
  for (const LayerInfo& l : net.layers) {
    if (l.name == name) return l;
  }
  throw std::runtime_error("no layer " + name);
}

TEST(MobileNetLayers, Alpha1Size224) {
  const BuiltNetwork net = build(mobilenet, 1.0, 224);
  expect_layers(net.layers, 90,
                {{"conv1", "Conv2D", {1, 112, 112, 32}},
                 {"conv1_bn", "BatchNormalization", {1, 112, 112, 32}},
                 {"conv1_relu", "ReLU", {1, 112, 112, 32}},
                 {"conv_dw_1", "DepthwiseConv2D", {1, 112, 112, 32}},
                 {"conv_dw_1_bn", "BatchNormalization", {1, 112, 112, 32}},
                 {"conv_dw_1_relu", "ReLU", {1, 112, 112, 32}},
                 {"conv_pw_1", "Conv2D", {1, 112, 112, 64}},
                 {"conv_pw_1_bn", "BatchNormalization", {1, 112, 112, 64}},
                 {"conv_pw_1_relu", "ReLU", {1, 112, 112, 64}},
                 {"conv_pad_2", "ZeroPadding2D", {1, 113, 113, 64}}},
                {{"conv_dw_13_bn", "BatchNormalization", {1, 7, 7, 1024}},
                 {"conv_dw_13_relu", "ReLU", {1, 7, 7, 1024}},
                 {"conv_pw_13", "Conv2D", {1, 7, 7, 1024}},
                 {"conv_pw_13_bn", "BatchNormalization", {1, 7, 7, 1024}},
                 {"conv_pw_13_relu", "ReLU", {1, 7, 7, 1024}},
                 {"global_average_pooling2d", "GlobalAveragePooling2D", {1, 1, 1, 1024}},
                 {"dropout", "Dropout", {1, 1, 1, 1024}},
                 {"conv_preds", "Conv2D", {1, 1, 1, 1000}},
                 {"reshape_2", "Reshape", {1, 1000}},
                 {"predictions", "Activation", {1, 1000}}});
  // Keras's summary: conv1 864, conv1_bn 128, conv_dw_1 288, conv_pw_13 1048576,
  // conv_preds 1025000.
  EXPECT_EQ(layer(net, "conv1").parameters, 864);
  EXPECT_EQ(layer(net, "conv1_bn").parameters, 128);
  EXPECT_EQ(layer(net, "conv_dw_1").parameters, 288);
  EXPECT_EQ(layer(net, "conv_pw_13").parameters, 1048576);
  EXPECT_EQ(layer(net, "conv_preds").parameters, 1025000);
  EXPECT_EQ(layer(net, "conv_dw_12").output_shape, (Shape{1, 7, 7, 512}));
}

TEST(MobileNetLayers, Alpha025Size128) {
  const BuiltNetwork net = build(mobilenet, 0.25, 128);
  expect_layers(net.layers, 90,
                {{"conv1", "Conv2D", {1, 64, 64, 8}},
                 {"conv1_bn", "BatchNormalization", {1, 64, 64, 8}},
                 {"conv1_relu", "ReLU", {1, 64, 64, 8}},
                 {"conv_dw_1", "DepthwiseConv2D", {1, 64, 64, 8}},
                 {"conv_dw_1_bn", "BatchNormalization", {1, 64, 64, 8}},
                 {"conv_dw_1_relu", "ReLU", {1, 64, 64, 8}},
                 {"conv_pw_1", "Conv2D", {1, 64, 64, 16}},
                 {"conv_pw_1_bn", "BatchNormalization", {1, 64, 64, 16}},
                 {"conv_pw_1_relu", "ReLU", {1, 64, 64, 16}},
                 {"conv_pad_2", "ZeroPadding2D", {1, 65, 65, 16}}},
                {{"conv_dw_13_bn", "BatchNormalization", {1, 4, 4, 256}},
                 {"conv_dw_13_relu", "ReLU", {1, 4, 4, 256}},
                 {"conv_pw_13", "Conv2D", {1, 4, 4, 256}},
                 {"conv_pw_13_bn", "BatchNormalization", {1, 4, 4, 256}},
                 {"conv_pw_13_relu", "ReLU", {1, 4, 4, 256}},
                 {"global_average_pooling2d", "GlobalAveragePooling2D", {1, 1, 1, 256}},
                 {"dropout", "Dropout", {1, 1, 1, 256}},
                 {"conv_preds", "Conv2D", {1, 1, 1, 1000}},
                 {"reshape_2", "Reshape", {1, 1000}},
                 {"predictions", "Activation", {1, 1000}}});
  EXPECT_EQ(layer(net, "conv_pad_12").output_shape, (Shape{1, 9, 9, 128}));
  EXPECT_EQ(layer(net, "conv_preds").parameters, 257000);
}

TEST(MobileNetV2Layers, Alpha1Size224) {
  const BuiltNetwork net = build(mobilenet_v2, 1.0, 224);
  expect_layers(net.layers, 155,
                {{"Conv1", "Conv2D", {1, 112, 112, 32}},
                 {"bn_Conv1", "BatchNormalization", {1, 112, 112, 32}},
                 {"Conv1_relu", "ReLU", {1, 112, 112, 32}},
                 {"expanded_conv_depthwise", "DepthwiseConv2D", {1, 112, 112, 32}},
                 {"expanded_conv_depthwise_BN", "BatchNormalization", {1, 112, 112, 32}},
                 {"expanded_conv_depthwise_relu", "ReLU", {1, 112, 112, 32}},
                 {"expanded_conv_project", "Conv2D", {1, 112, 112, 16}},
                 {"expanded_conv_project_BN", "BatchNormalization", {1, 112, 112, 16}},
                 {"block_1_expand", "Conv2D", {1, 112, 112, 96}},
                 {"block_1_expand_BN", "BatchNormalization", {1, 112, 112, 96}}},
                {{"block_16_depthwise", "DepthwiseConv2D", {1, 7, 7, 960}},
                 {"block_16_depthwise_BN", "BatchNormalization", {1, 7, 7, 960}},
                 {"block_16_depthwise_relu", "ReLU", {1, 7, 7, 960}},
                 {"block_16_project", "Conv2D", {1, 7, 7, 320}},
                 {"block_16_project_BN", "BatchNormalization", {1, 7, 7, 320}},
                 {"Conv_1", "Conv2D", {1, 7, 7, 1280}},
                 {"Conv_1_bn", "BatchNormalization", {1, 7, 7, 1280}},
                 {"out_relu", "ReLU", {1, 7, 7, 1280}},
                 {"global_average_pooling2d", "GlobalAveragePooling2D", {1, 1280}},
                 {"predictions", "Dense", {1, 1000}}});
  EXPECT_EQ(layer(net, "block_1_pad").output_shape, (Shape{1, 113, 113, 96}));
  EXPECT_EQ(layer(net, "block_1_depthwise").output_shape, (Shape{1, 56, 56, 96}));
  EXPECT_EQ(layer(net, "block_2_add").type, "Add");
  EXPECT_EQ(layer(net, "block_15_add").output_shape, (Shape{1, 7, 7, 160}));
  // Keras's summary: Conv1 864, block_16_project 307200, Conv_1 409600, predictions 1281000.
  EXPECT_EQ(layer(net, "Conv1").parameters, 864);
  EXPECT_EQ(layer(net, "block_16_project").parameters, 307200);
  EXPECT_EQ(layer(net, "Conv_1").parameters, 409600);
  EXPECT_EQ(layer(net, "predictions").parameters, 1281000);
}

TEST(MobileNetV2Layers, Alpha035Size96) {
  // _make_divisible: 32 * 0.35 -> 16, 16 * 0.35 -> 8, 24 -> 8, 32 -> 16, 64 -> 24, 96 -> 32,
  // 160 -> 56, 320 -> 112; the last convolution keeps 1280 for alpha <= 1.
  const BuiltNetwork net = build(mobilenet_v2, 0.35, 96);
  expect_layers(net.layers, 155,
                {{"Conv1", "Conv2D", {1, 48, 48, 16}},
                 {"bn_Conv1", "BatchNormalization", {1, 48, 48, 16}},
                 {"Conv1_relu", "ReLU", {1, 48, 48, 16}},
                 {"expanded_conv_depthwise", "DepthwiseConv2D", {1, 48, 48, 16}},
                 {"expanded_conv_depthwise_BN", "BatchNormalization", {1, 48, 48, 16}},
                 {"expanded_conv_depthwise_relu", "ReLU", {1, 48, 48, 16}},
                 {"expanded_conv_project", "Conv2D", {1, 48, 48, 8}},
                 {"expanded_conv_project_BN", "BatchNormalization", {1, 48, 48, 8}},
                 {"block_1_expand", "Conv2D", {1, 48, 48, 48}},
                 {"block_1_expand_BN", "BatchNormalization", {1, 48, 48, 48}}},
                {{"block_16_depthwise", "DepthwiseConv2D", {1, 3, 3, 336}},
                 {"block_16_depthwise_BN", "BatchNormalization", {1, 3, 3, 336}},
                 {"block_16_depthwise_relu", "ReLU", {1, 3, 3, 336}},
                 {"block_16_project", "Conv2D", {1, 3, 3, 112}},
                 {"block_16_project_BN", "BatchNormalization", {1, 3, 3, 112}},
                 {"Conv_1", "Conv2D", {1, 3, 3, 1280}},
                 {"Conv_1_bn", "BatchNormalization", {1, 3, 3, 1280}},
                 {"out_relu", "ReLU", {1, 3, 3, 1280}},
                 {"global_average_pooling2d", "GlobalAveragePooling2D", {1, 1280}},
                 {"predictions", "Dense", {1, 1000}}});
  EXPECT_EQ(layer(net, "block_1_pad").output_shape, (Shape{1, 49, 49, 48}));
  EXPECT_EQ(layer(net, "block_6_project").output_shape, (Shape{1, 6, 6, 24}));
  EXPECT_EQ(layer(net, "block_10_project").output_shape, (Shape{1, 6, 6, 32}));
  EXPECT_EQ(layer(net, "block_13_project").output_shape, (Shape{1, 3, 3, 56}));
}

// BatchNormalization with scale=False (InceptionV3's conv2d_bn) asks for no gamma; Keras's
// variable order is kept; unnamed layers get Keras's automatic names.
TEST(KerasLayers, VariableOrderAndAutomaticNames) {
  TestWeights weights(TestWeights::Mode::kZeros);
  NetworkOptions options;
  const BuiltNetwork net = inception_v3(options, weights);
  ASSERT_GE(weights.requests.size(), 4u);
  EXPECT_EQ(weights.requests[0].layer, "conv2d");
  EXPECT_EQ(weights.requests[0].variable, "kernel");
  EXPECT_EQ(weights.requests[0].shape, (Shape{3, 3, 3, 32}));
  EXPECT_EQ(weights.requests[1].layer, "batch_normalization");
  EXPECT_EQ(weights.requests[1].variable, "beta");
  EXPECT_EQ(weights.requests[2].variable, "moving_mean");
  EXPECT_EQ(weights.requests[3].variable, "moving_variance");
  EXPECT_EQ(weights.requests[4].layer, "conv2d_1");
  EXPECT_EQ(net.layers[2].name, "activation");
  EXPECT_EQ(layer(net, "conv2d_93").output_shape, (Shape{1, 8, 8, 192}));
  EXPECT_EQ(layer(net, "mixed10").output_shape, (Shape{1, 8, 8, 2048}));

  TestWeights lstm_weights(TestWeights::Mode::kZeros);
  imdb_lstm(options, lstm_weights);
  ASSERT_EQ(lstm_weights.requests.size(), 6u);
  const char* const order[] = {"embeddings", "kernel", "recurrent_kernel",
                               "bias",       "kernel", "bias"};
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(lstm_weights.requests[i].variable, order[i]);
  EXPECT_EQ(lstm_weights.requests[2].shape, (Shape{128, 512}));
}

}  // namespace
}  // namespace tartan::networks
