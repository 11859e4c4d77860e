// Keras weight files whose automatically named layers were numbered by a longer Python session
// (issue 17): Keras loads them into a fresh model, and so does tartan. Fixtures from real Keras
// (scripts/keras_session_names.py): imdb_lstm saved after two other models (embedding_1,
// lstm_1, dense_2) in both layouts, with Keras's prediction; and the names and shapes of
// Xception's layers built after InceptionV3 (conv2d_94 ... conv2d_97), from which the test
// writes a file (the real one is 88 MiB).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "../common/test_env.h"
#include "h5_test_files.h"
#include "tartan/networks/registry.h"
#include "tartan/networks/weights.h"
#include "tartan/reference/executor.h"
#include "tartan/support/error.h"
#include "tartan/support/npy.h"

namespace tartan::networks {
namespace {

const std::string kDir = std::string(TARTAN_TEST_DATA_DIR) + "/networks/keras_h5/";

nlohmann::json read_json(const std::string& file) {
  std::ifstream in(kDir + file);
  EXPECT_TRUE(in) << file;
  return nlohmann::json::parse(in);
}

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return std::string(e.what()) + " | hint: " + e.hint();
  }
  ADD_FAILURE() << "no Error thrown";
  return {};
}

class ImdbFromALongerSession : public ::testing::TestWithParam<std::string> {};

TEST_P(ImdbFromALongerSession, LoadsAndGivesKerasPrediction) {
  const nlohmann::json m = read_json("imdb_session.json");
  ASSERT_NE(m["variables"][0]["keras_layer"], m["variables"][0]["layer"]) << "not offset";
  const std::string file = kDir + GetParam();
  NetworkOptions options;
  options.batch = m["input_shape"][0];
  auto weights = hdf5_weights(file);
  const BuiltNetwork net = find_network("imdb_lstm").build(options, *weights);
  weights->finish();
  const Shape input_shape = m["input_shape"].get<Shape>();
  const std::vector<std::int32_t> ids = synthetic_token_ids(input_shape, 20000);
  HostTensor tokens(DType::kInt32, input_shape);
  tokens.values.assign(ids.begin(), ids.end());
  const std::vector<HostTensor> got = reference_run(net.program, {tokens});
  const NpyArray want = read_npy(kDir + m["output_file"].get<std::string>());
  ASSERT_EQ(got[0].values.size(), want.values.size());
  for (std::size_t i = 0; i < want.values.size(); ++i) {
    EXPECT_NEAR(got[0].values[i], want.values[i], 1e-5 * std::fabs(want.values[i])) << i;
  }
  // Each variable is the one Keras saved under the session's name.
  auto again = hdf5_weights(file);
  for (const nlohmann::json& v : m["variables"]) {
    SCOPED_TRACE(v["layer"].get<std::string>() + "/" + v["variable"].get<std::string>());
    const std::vector<float> values =
        again->get(v["layer"], v["variable"], v["shape"].get<Shape>());
    double sum = 0, magnitude = 0;
    for (float x : values) {
      sum += x;
      magnitude += std::fabs(x);
    }
    EXPECT_NEAR(sum, v["sum"].get<double>(), 1e-9 * magnitude + 1e-30);
  }
}

INSTANTIATE_TEST_SUITE_P(Layouts, ImdbFromALongerSession,
                         ::testing::Values("imdb_session.h5", "imdb_session.weights.h5"),
                         [](const auto& info) {
                           return std::string(info.param.find(".weights.") != std::string::npos
                                                  ? "Keras3"
                                                  : "Keras2");
                         });

TEST(KerasSessionNames, XceptionSavedAfterInceptionV3Builds) {
  const nlohmann::json m = read_json("xception_after_inception_v3.names.json");
  std::vector<testing::FakeLayer> layers;
  int renamed = 0;
  for (const nlohmann::json& l : m["layers"]) {
    const std::string name = l["keras_name"];
    renamed += name != l["name"];
    testing::FakeLayer layer{name, {}};
    for (const nlohmann::json& v : l["variables"]) {
      layer.variables.push_back(
          {name + "/" + v["variable"].get<std::string>() + ":0", v["shape"].get<Shape>()});
    }
    layers.push_back(std::move(layer));
  }
  ASSERT_EQ(renamed, 8);  // conv2d_94 ... conv2d_97 and their batch normalizations
  testing::TempDir dir;
  const std::string path = (dir.path() / "xception.h5").string();
  testing::write_keras2_file(path, layers);
  auto weights = hdf5_weights(path);
  const BuiltNetwork net = find_network("xception").build({}, *weights);
  EXPECT_NO_THROW(weights->finish());
  EXPECT_EQ(net.parameters, 22910480);
}

TEST(KerasSessionNames, TooFewAutomaticNamesSayTheNamesDiffer) {
  testing::TempDir dir;
  const std::string path = (dir.path() / "w.h5").string();
  testing::write_keras2_file(path, {{"conv2d_7", {{"conv2d_7/kernel:0", {1, 1, 2, 4}}}},
                                    {"block1_conv1", {{"block1_conv1/kernel:0", {3, 3, 3, 2}}}},
                                    {"conv2d_9", {{"conv2d_9/kernel:0", {1, 1, 4, 8}}}}});
  auto w = hdf5_weights(path);
  EXPECT_EQ(w->get("conv2d", "kernel", {1, 1, 2, 4}).size(), 8u);
  EXPECT_EQ(w->get("conv2d_1", "kernel", {1, 1, 4, 8}).size(), 32u);  // conv2d_9: next by counter
  const std::string message = error_of([&] { w->get("conv2d_2", "kernel", {1, 1, 8, 8}); });
  EXPECT_NE(message.find("the automatic names of its conv2d layers differ"), std::string::npos)
      << message;
  EXPECT_NE(message.find("numbers unnamed layers for the whole Python session"), std::string::npos)
      << message;
  // A named layer that is missing is still the other network's.
  EXPECT_NE(error_of([&] {
              w->get("block2_conv1", "kernel", {3, 3, 2, 2});
            }).find("saved from another network"),
            std::string::npos);
}

}  // namespace
}  // namespace tartan::networks
