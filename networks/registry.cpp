#include "tartan/networks/registry.h"

#include "tartan/networks/applications.h"
#include "tartan/support/error.h"

namespace tartan::networks {

// Parameter counts are Keras's count_params() at the defaults (include_top, 1000 classes).
// GFLOPs per example are BuiltNetwork::flops / batch at the default input size; the networks
// test rebuilds every network and checks both numbers against the built program.
const std::vector<NetworkInfo>& all_networks() {
  static const std::vector<NetworkInfo> networks = {
      {"mobilenet", "MobileNet", {224, 224, 3}, 4253864, 1.137481, mobilenet},
      {"mobilenet_v2", "MobileNetV2", {224, 224, 3}, 3538984, 0.601549, mobilenet_v2},
      {"resnet50", "ResNet50", {224, 224, 3}, 25636712, 7.715946, resnet50},
      {"resnet50_v2", "ResNet50V2", {224, 224, 3}, 25613800, 6.964511, resnet50_v2},
      {"vgg16", "VGG16", {224, 224, 3}, 138357544, 30.940529, vgg16},
      {"vgg19", "VGG19", {224, 224, 3}, 143667240, 39.264125, vgg19},
      {"inception_v3", "InceptionV3", {299, 299, 3}, 23851784, 11.426432, inception_v3},
      {"inception_resnet_v2",
       "InceptionResNetV2",
       {299, 299, 3},
       55873736,
       26.311588,
       inception_resnet_v2},
      {"xception", "Xception", {299, 299, 3}, 22910480, 16.714807, xception},
      {"densenet121", "DenseNet121", {224, 224, 3}, 8062504, 5.668323, densenet121},
      {"densenet169", "DenseNet169", {224, 224, 3}, 14307880, 6.719687, densenet169},
      {"densenet201", "DenseNet201", {224, 224, 3}, 20242984, 8.582732, densenet201},
      {"nasnet_mobile", "NASNetMobile", {224, 224, 3}, 5326716, 1.127278, nasnet_mobile},
      {"nasnet_large", "NASNetLarge", {331, 331, 3}, 88949818, 47.566829, nasnet_large},
      {"imdb_lstm", "Sequential(Embedding, LSTM, Dense)", {80}, 2691713, 0.020972, imdb_lstm},
  };
  return networks;
}

const NetworkInfo& find_network(const std::string& name) {
  std::string known;
  for (const NetworkInfo& n : all_networks()) {
    if (n.name == name) return n;
    known += (known.empty() ? "" : ", ") + n.name;
  }
  throw Error("unknown network `" + name + "`", "known networks: " + known);
}

}  // namespace tartan::networks
