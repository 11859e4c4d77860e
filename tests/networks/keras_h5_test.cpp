// Networks built from Keras-written weight files: the two fixtures (MobileNet alpha 0.25 at 128
// in the Keras 2 layout, MobileNetV2 alpha 0.35 at 96 in the Keras 3 layout, 10 classes each)
// run on every test device and give Keras's stored prediction; a bad file makes building the
// network fail with the loader's promised Error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "common/device_check.h"
#include "common/test_env.h"
#include "fixture_run.h"
#include "h5_test_files.h"
#include "keras_fixture.h"
#include "tartan/compiler.h"
#include "tartan/networks/registry.h"
#include "tartan/networks/weights.h"
#include "tartan/support/error.h"

namespace tartan::testing {
namespace {

struct H5Case {
  const char* stem;
  const char* network;
  double alpha;
  int input_size;
};
const H5Case kMobileNet = {"mobilenet_025_128", "mobilenet", 0.25, 128};
const H5Case kMobileNetV2 = {"mobilenet_v2_035_96", "mobilenet_v2", 0.35, 96};

networks::NetworkOptions options_for(const H5Case& c) {
  networks::NetworkOptions o;
  o.alpha = c.alpha;
  o.input_size = c.input_size;
  o.classes = 10;
  return o;
}

networks::BuiltNetwork build_from_file(const H5Case& c, const std::string& path) {
  const std::unique_ptr<networks::WeightSource> weights = networks::hdf5_weights(path);
  return networks::find_network(c.network).build(options_for(c), *weights);
}

class KerasH5 : public ::testing::TestWithParam<H5Case> {};

TEST_P(KerasH5, MatchesKerasOnEveryDevice) {
  std::string path;
  const NetworkFixture fixture = load_h5_fixture(GetParam().stem, &path);
  const networks::BuiltNetwork net = build_from_file(GetParam(), path);
  const HostTensor input = fixture_input(net, fixture);
  const std::vector<runtime::Device> devices = test_devices();
  ASSERT_FALSE(devices.empty()) << "no OpenCL device (PoCL is installed on CI)";
  for (const runtime::Device& device : devices) {
    Executable exe = compile(net.program, device);
    expect_fixture_match(fixture, exe.run({input}, {.poison = true}), 1e-4, device.info.id);
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, KerasH5, ::testing::Values(kMobileNet, kMobileNetV2),
                         [](const auto& info) { return std::string(info.param.network); });

// The Error building throws, as "what | hint: hint", or a failure when it throws none.
std::string build_error(const std::function<void()>& build) {
  try {
    build();
  } catch (const Error& e) {
    return std::string(e.what()) + " | hint: " + e.hint();
  }
  ADD_FAILURE() << "building the network threw no Error";
  return {};
}

#define EXPECT_MENTIONS(text, part)                          \
  EXPECT_NE(std::string(text).find(part), std::string::npos) \
      << "missing `" << (part) << "` in: " << (text)

// Keras 2 layout files holding MobileNet(0.25, 128, 10 classes)'s variables, as listed in the
// fixture's manifest, edited one way or another.
class BadWeightsFile : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(std::string(TARTAN_TEST_DATA_DIR) + "/networks/keras_h5/" + kMobileNet.stem +
                     ".json");
    const nlohmann::json m = nlohmann::json::parse(in);
    for (const nlohmann::json& v : m["variables"]) {
      const std::string layer = v["layer"];
      if (layers_.empty() || layers_.back().name != layer) layers_.push_back({layer, {}});
      layers_.back().variables.push_back(
          {layer + "/" + v["variable"].get<std::string>() + ":0", v["shape"].get<Shape>()});
    }
  }
  std::string write(const std::vector<FakeLayer>& layers) {
    const std::string path = (dir_.path() / ("w" + std::to_string(count_++) + ".h5")).string();
    write_keras2_file(path, layers);
    return path;
  }
  std::vector<FakeLayer> without(const std::string& layer) const {
    std::vector<FakeLayer> kept;
    for (const FakeLayer& l : layers_) {
      if (l.name != layer) kept.push_back(l);
    }
    return kept;
  }
  FakeLayer& layer(const std::string& name) {
    for (FakeLayer& l : layers_) {
      if (l.name == name) return l;
    }
    throw std::runtime_error("no layer " + name + " in the manifest");
  }

  std::vector<FakeLayer> layers_;
  TempDir dir_;
  int count_ = 0;
};

TEST_F(BadWeightsFile, TheUneditedFileBuilds) {
  // Without this, the cases below could pass on a file the loader rejects for another reason.
  const networks::BuiltNetwork net = build_from_file(kMobileNet, write(layers_));
  EXPECT_EQ(net.layers.back().output_shape, (Shape{1, 10}));
}

TEST_F(BadWeightsFile, MissingLayer) {
  const std::string path = write(without("conv_pw_7"));
  const std::string message = build_error([&] { build_from_file(kMobileNet, path); });
  EXPECT_MENTIONS(message, path);
  EXPECT_MENTIONS(message, "no layer `conv_pw_7`");
}

TEST_F(BadWeightsFile, WrongShape) {
  layer("conv_pw_7").variables[0].shape = {1, 1, 128, 64};  // MobileNet(0.25) has 128 -> 128
  const std::string path = write(layers_);
  const std::string message = build_error([&] { build_from_file(kMobileNet, path); });
  EXPECT_MENTIONS(message, path);
  EXPECT_MENTIONS(message, "layer `conv_pw_7`");
  EXPECT_MENTIONS(message, "[1, 1, 128, 64] in the file");
  EXPECT_MENTIONS(message, "needs [1, 1, 128, 128]");
}

TEST_F(BadWeightsFile, OtherClassCount) {
  // The file holds a 10-class classifier; the default options ask for 1000.
  const std::string path = write(layers_);
  networks::NetworkOptions o = options_for(kMobileNet);
  o.classes = 1000;
  const std::string message = build_error([&] {
    const auto weights = networks::hdf5_weights(path);
    networks::find_network("mobilenet").build(o, *weights);
  });
  EXPECT_MENTIONS(message, "layer `conv_preds`");
  EXPECT_MENTIONS(message, "classes");
}

TEST_F(BadWeightsFile, WeightsNoLayerUsed) {
  layers_.push_back({"extra_dense", {{"extra_dense/kernel:0", {10, 10}}}});
  const std::string path = write(layers_);
  const std::string message = build_error([&] { build_from_file(kMobileNet, path); });
  EXPECT_MENTIONS(message, path);
  EXPECT_MENTIONS(message, "1 weights that no layer of the network used");
  EXPECT_MENTIONS(message, "extra_dense/");
}

TEST_F(BadWeightsFile, NotHdf5) {
  const std::string path = (dir_.path() / "weights.h5").string();
  std::ofstream(path) << "these are not weights\n";
  const std::string message = build_error([&] { build_from_file(kMobileNet, path); });
  EXPECT_MENTIONS(message, "'" + path + "' is not an HDF5 file");
}

TEST_F(BadWeightsFile, Truncated) {
  std::string source;
  load_h5_fixture(kMobileNet.stem, &source);
  const std::string path = (dir_.path() / "cut.h5").string();
  std::filesystem::copy_file(source, path);
  std::filesystem::resize_file(path, std::filesystem::file_size(source) / 2);
  const std::string message = build_error([&] { build_from_file(kMobileNet, path); });
  EXPECT_MENTIONS(message, path);
  EXPECT_MENTIONS(message, "truncated");
}

}  // namespace
}  // namespace tartan::testing
