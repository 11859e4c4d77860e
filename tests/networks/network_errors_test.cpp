// Options Keras rejects, and unknown names, give one clear Error (what, and how to fix it).
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>

#include "networks/test_weights.h"
#include "tartan/networks/applications.h"
#include "tartan/networks/registry.h"
#include "tartan/support/error.h"

namespace tartan::networks {
namespace {

using testing::TestWeights;

// The Error thrown by f, or a failure when it throws none.
Error error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no Error thrown";
  return Error("");
}

void expect_error(const std::string& network, const NetworkOptions& options,
                  const std::string& what, const std::string& hint) {
  TestWeights weights(TestWeights::Mode::kZeros);
  const Error e = error_of([&] { find_network(network).build(options, weights); });
  EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
  EXPECT_NE(e.hint().find(hint), std::string::npos) << e.hint();
}

TEST(NetworkErrors, UnknownNetworkListsKnownOnes) {
  const Error e = error_of([] { find_network("mobilenet_v3"); });
  EXPECT_EQ(std::string(e.what()), "unknown network `mobilenet_v3`");
  for (const NetworkInfo& n : all_networks()) {
    EXPECT_NE(e.hint().find(n.name), std::string::npos) << n.name;
  }
}

TEST(NetworkErrors, MobileNetAlpha) {
  NetworkOptions o;
  for (const double alpha : {0.0, -1.0, 0.03, 65.0, std::nan("")}) {
    o.alpha = alpha;
    expect_error("mobilenet", o, "MobileNet: alpha", "at least 1/32 and at most 64");
  }
  o.alpha = 1.0 / 32;  // int(32 * alpha) = 1 filter: Keras builds it
  TestWeights weights(TestWeights::Mode::kZeros);
  EXPECT_EQ(mobilenet(o, weights).layers.front().output_shape, (Shape{1, 112, 112, 1}));

  for (const double alpha : {0.0, -0.5, 1e30, std::nan("")}) {
    o.alpha = alpha;
    expect_error("mobilenet_v2", o, "MobileNetV2: alpha", "0 < alpha <= 64");
  }
}

TEST(NetworkErrors, InputSizeBelowKerasMinimum) {
  NetworkOptions o;
  o.input_size = 31;
  expect_error("mobilenet", o, "MobileNet: input size 31x31 is too small", "at least 32x32");
  expect_error("mobilenet_v2", o, "MobileNetV2: input size 31x31", "at least 32x32");
  expect_error("nasnet_mobile", o, "input size 31x31", "at least 32x32");
  o.input_size = 74;
  expect_error("inception_v3", o, "InceptionV3: input size 74x74", "at least 75x75");
  o.input_size = 70;
  expect_error("xception", o, "Xception: input size 70x70", "at least 71x71");
  o.input_size = -3;
  expect_error("vgg16", o, "input size -3x-3", "at least 32x32");
}

TEST(NetworkErrors, BadBatchAlphaAndExtraOutputs) {
  NetworkOptions o;
  o.batch = 0;
  expect_error("resnet50", o, "batch size 0", "1 or more");
  expect_error("imdb_lstm", o, "batch size 0", "1 or more");
  o.batch = 1;
  o.alpha = 0.5;
  expect_error("resnet50", o, "has no width multiplier", "MobileNet");
  o.alpha = 1.0;
  o.input_size = 32;
  o.extra_outputs = {"conv1_relu", "conv_dw_99"};
  expect_error("mobilenet", o, "no layer named `conv_dw_99`", "conv1");
}

TEST(NetworkErrors, ClassesAreTheMobileNetsOnly) {
  NetworkOptions o;
  o.classes = 10;
  expect_error("resnet50", o, "ResNet is built with 1000 classes here (asked for 10)",
               "MobileNet and MobileNetV2 only");
  expect_error("nasnet_mobile", o, "1000 classes", "leave it at 1000");
  expect_error("imdb_lstm", o, "imdb_lstm has one sigmoid output", "leave classes at 1000");
  o.input_size = 32;
  for (const int classes : {0, -5}) {
    o.classes = classes;
    expect_error("mobilenet", o, "MobileNet: " + std::to_string(classes) + " classes", "1 or more");
    expect_error("mobilenet_v2", o, "MobileNetV2: " + std::to_string(classes) + " classes",
                 "1 or more");
  }
}

TEST(NetworkClasses, MobileNetsResizeTheirClassifier) {
  // Keras: MobileNet's conv_preds is a 1x1 convolution to `classes` with bias, MobileNetV2's
  // `predictions` a Dense layer; only these layers' parameters change.
  struct Case {
    const char* network;
    std::int64_t features;  // the classifier's input width at alpha 0.25 / 0.35
  };
  for (const Case c : {Case{"mobilenet", 256}, Case{"mobilenet_v2", 1280}}) {
    SCOPED_TRACE(c.network);
    NetworkOptions o;
    o.input_size = 32;
    o.alpha = std::string(c.network) == "mobilenet" ? 0.25 : 0.35;
    TestWeights w1000(TestWeights::Mode::kZeros), w10(TestWeights::Mode::kZeros);
    const BuiltNetwork n1000 = find_network(c.network).build(o, w1000);
    o.classes = 10;
    const BuiltNetwork n10 = find_network(c.network).build(o, w10);
    EXPECT_EQ(n10.layers.back().output_shape, (Shape{1, 10}));
    EXPECT_EQ(n10.program.tensor(n10.program.outputs()[0]).shape, (Shape{1, 10}));
    EXPECT_EQ(n1000.parameters - n10.parameters, (c.features + 1) * (1000 - 10));
  }
}

}  // namespace
}  // namespace tartan::networks
