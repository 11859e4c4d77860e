// The Keras HDF5 loader: the two Keras-written fixtures (Keras 2 and Keras 3 layouts) variable
// by variable against checksums numpy computed, the variants Keras writes, and every promised
// Error (missing layer / variable, wrong shape, unused weights, not HDF5, truncated, missing).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "../common/test_env.h"
#include "h5_test_files.h"
#include "tartan/networks/weights.h"
#include "tartan/support/error.h"

namespace tartan::networks {
namespace {

using testing::FakeLayer;
using testing::FakeVariable;
using testing::StoredType;

const std::string kDir = std::string(TARTAN_TEST_DATA_DIR) + "/networks/keras_h5/";

nlohmann::json manifest(const std::string& stem) {
  std::ifstream in(kDir + stem + ".json");
  EXPECT_TRUE(in) << stem;
  return nlohmann::json::parse(in);
}

// A message must say this much (gmock's HasSubstr without linking gmock).
#define EXPECT_MENTIONS(text, part)                          \
  EXPECT_NE(std::string(text).find(part), std::string::npos) \
      << "missing `" << (part) << "` in: " << (text)

// The Error `f` throws, or a failure.
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return std::string(e.what()) + " | hint: " + e.hint();
  }
  ADD_FAILURE() << "no Error thrown";
  return {};
}

void expect_matches_checksums(const nlohmann::json& var, const std::vector<float>& values) {
  double sum = 0, weighted = 0, magnitude = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    sum += values[i];
    weighted += values[i] * static_cast<double>(i % 13 + 1);
    magnitude += std::fabs(values[i]) * 13;
  }
  const double tolerance = 1e-12 * magnitude + 1e-30;
  EXPECT_NEAR(sum, var["sum"].get<double>(), tolerance);
  EXPECT_NEAR(weighted, var["weighted_sum"].get<double>(), tolerance);
  for (std::size_t i = 0; i < var["first"].size(); ++i) {
    EXPECT_EQ(values[i], static_cast<float>(var["first"][i].get<double>()));
  }
}

class KerasFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(KerasFixture, EveryVariableLoadsWithKerasValues) {
  const nlohmann::json m = manifest(GetParam());
  auto weights = hdf5_weights(kDir + m["file"].get<std::string>());
  ASSERT_GT(m["variables"].size(), 100u);
  for (const nlohmann::json& var : m["variables"]) {
    const std::string layer = var["layer"], variable = var["variable"];
    SCOPED_TRACE(layer + "/" + variable);
    const Shape shape = var["shape"].get<Shape>();
    const std::vector<float> values = weights->get(layer, variable, shape);
    ASSERT_EQ(static_cast<std::int64_t>(values.size()), num_elements(shape));
    expect_matches_checksums(var, values);
  }
  EXPECT_NO_THROW(weights->finish());
}

TEST_P(KerasFixture, UnusedWeightIsReportedByFinish) {
  const nlohmann::json m = manifest(GetParam());
  auto weights = hdf5_weights(kDir + m["file"].get<std::string>());
  const nlohmann::json& vars = m["variables"];
  for (std::size_t i = 0; i + 1 < vars.size(); ++i) {  // all but the classifier's bias
    weights->get(vars[i]["layer"], vars[i]["variable"], vars[i]["shape"].get<Shape>());
  }
  const std::string last_layer = vars.back()["layer"];
  const std::string message = error_of([&] { weights->finish(); });
  EXPECT_MENTIONS(message, "1 weights that no layer of the network used");
  EXPECT_MENTIONS(message, last_layer + "/");
}

TEST_P(KerasFixture, WrongShapeNamesLayerAndBothShapes) {
  const nlohmann::json m = manifest(GetParam());
  auto weights = hdf5_weights(kDir + m["file"].get<std::string>());
  const nlohmann::json& first = m["variables"][0];
  Shape wrong = first["shape"].get<Shape>();
  wrong.back() *= 2;
  const std::string message =
      error_of([&] { weights->get(first["layer"], first["variable"], wrong); });
  EXPECT_MENTIONS(message, "`" + first["layer"].get<std::string>() + "`");
  EXPECT_MENTIONS(message, shape_str(first["shape"].get<Shape>()) + " in the file");
  EXPECT_MENTIONS(message, "needs " + shape_str(wrong));
}

TEST_P(KerasFixture, MissingLayerIsNamed) {
  const nlohmann::json m = manifest(GetParam());
  auto weights = hdf5_weights(kDir + m["file"].get<std::string>());
  EXPECT_MENTIONS(error_of([&] {
                    weights->get("conv_pw_99", "kernel", {1, 1, 8, 8});
                  }),
                  "no layer `conv_pw_99`");
}

TEST_P(KerasFixture, TruncatedCopyIsAnError) {
  const nlohmann::json m = manifest(GetParam());
  const std::string source = kDir + m["file"].get<std::string>();
  testing::TempDir dir;
  const auto size = std::filesystem::file_size(source);
  for (std::uintmax_t keep : {size / 2, size - 100, std::uintmax_t{600}}) {
    const auto copy = dir.path() / ("cut_" + std::to_string(keep) + ".h5");
    std::filesystem::copy_file(source, copy);
    std::filesystem::resize_file(copy, keep);
    const std::string message = error_of([&] {
      // Opening may already fail; if not, reading every variable must.
      auto weights = hdf5_weights(copy.string());
      for (const nlohmann::json& var : m["variables"]) {
        weights->get(var["layer"], var["variable"], var["shape"].get<Shape>());
      }
    });
    EXPECT_MENTIONS(message, copy.string());
    EXPECT_MENTIONS(message, "truncated");
  }
}

INSTANTIATE_TEST_SUITE_P(Layouts, KerasFixture,
                         ::testing::Values("mobilenet_025_128", "mobilenet_v2_035_96"));

TEST(Hdf5Weights, Keras2MatchesVariablesByName) {
  // Asked for in another order than stored: the Keras 2 layout has names, so order is free.
  auto weights = hdf5_weights(kDir + "mobilenet_025_128.h5");
  const nlohmann::json m = manifest("mobilenet_025_128");
  std::vector<nlohmann::json> bn;
  for (const nlohmann::json& v : m["variables"]) {
    if (v["layer"] == "conv1_bn") bn.push_back(v);
  }
  ASSERT_EQ(bn.size(), 4u);
  for (auto it = bn.rbegin(); it != bn.rend(); ++it) {
    expect_matches_checksums(
        *it, weights->get("conv1_bn", (*it)["variable"], (*it)["shape"].get<Shape>()));
  }
}

class WrittenFile : public ::testing::Test {
 protected:
  std::string write(const std::vector<FakeLayer>& layers, const testing::Keras2Options& o = {}) {
    const std::string path = (dir_.path() / ("w" + std::to_string(count_++) + ".h5")).string();
    testing::write_keras2_file(path, layers, o);
    return path;
  }
  static std::vector<FakeLayer> small_model(StoredType type = StoredType::kFloat32) {
    return {{"conv1", {{"conv1/kernel:0", {3, 3, 3, 4}, type}, {"conv1/bias:0", {4}, type}}},
            {"conv1_relu", {}},
            {"conv_dw_1", {{"conv_dw_1/depthwise_kernel:0", {3, 3, 4, 1}, type}}},
            {"lstm", {{"lstm/lstm_cell/kernel:0", {4, 8}, type}}}};
  }
  static void expect_values(const std::vector<float>& v, std::size_t n) {
    ASSERT_EQ(v.size(), n);
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(v[i], testing::value_at(i)) << i;
  }
  static void load_small_model(WeightSource& w) {
    expect_values(w.get("conv1", "kernel", {3, 3, 3, 4}), 108);
    expect_values(w.get("conv1", "bias", {4}), 4);
    expect_values(w.get("conv_dw_1", "depthwise_kernel", {3, 3, 4, 1}), 36);
    expect_values(w.get("lstm", "kernel", {4, 8}), 32);
    w.finish();
  }

  testing::TempDir dir_;
  int count_ = 0;
};

TEST_F(WrittenFile, VariantsKerasWritesAllLoad) {
  for (StoredType type : {StoredType::kFloat16, StoredType::kFloat32, StoredType::kFloat64}) {
    auto w = hdf5_weights(write(small_model(type)));
    load_small_model(*w);
  }
  for (bool model_weights : {false, true}) {
    for (bool chunked : {false, true}) {
      for (bool vlen : {false, true}) {
        SCOPED_TRACE(std::to_string(model_weights) + std::to_string(chunked) +
                     std::to_string(vlen));
        auto w = hdf5_weights(write(small_model(), {model_weights, chunked, vlen}));
        load_small_model(*w);
      }
    }
  }
}

TEST_F(WrittenFile, MissingVariableListsWhatTheLayerHolds) {
  auto w = hdf5_weights(write(small_model()));
  const std::string message = error_of([&] { w->get("conv_dw_1", "bias", {4}); });
  EXPECT_MENTIONS(message, "layer `conv_dw_1` has no variable `bias`");
  EXPECT_MENTIONS(message, "depthwise_kernel [3, 3, 4, 1]");
  // A variable is given once: asking again is an error too.
  w->get("conv1", "bias", {4});
  EXPECT_MENTIONS(error_of([&] { w->get("conv1", "bias", {4}); }), "no variable `bias`");
}

TEST_F(WrittenFile, ExtraLayerIsReported) {
  std::vector<FakeLayer> layers = small_model();
  layers.push_back({"predictions", {{"predictions/kernel:0", {4, 10}}}});
  auto w = hdf5_weights(write(layers));
  EXPECT_MENTIONS(error_of([&] { load_small_model(*w); }), "predictions/kernel [4, 10]");
}

TEST_F(WrittenFile, IntegerDatasetIsAnError) {
  const std::string path = write(small_model());
  hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  hid_t group = H5Gopen2(file, "conv1", H5P_DEFAULT);
  H5Ldelete(group, "conv1/bias:0", H5P_DEFAULT);
  const hsize_t n = 4;
  hid_t space = H5Screate_simple(1, &n, nullptr);
  hid_t data = H5Dcreate2(group, "conv1/bias:0", H5T_STD_I32LE, space, H5P_DEFAULT, H5P_DEFAULT,
                          H5P_DEFAULT);
  H5Dclose(data);
  H5Sclose(space);
  H5Gclose(group);
  H5Fclose(file);
  EXPECT_MENTIONS(error_of([&] { hdf5_weights(path); }), "does not hold floating-point");
}

TEST_F(WrittenFile, HdfFileWithoutKerasLayout) {
  const std::string path = (dir_.path() / "empty.h5").string();
  H5Fclose(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT));
  EXPECT_MENTIONS(error_of([&] { hdf5_weights(path); }), "not Keras weights");
}

TEST_F(WrittenFile, NotHdf5AndMissingFiles) {
  const auto text = dir_.path() / "weights.h5";
  std::ofstream(text) << "this is not an HDF5 file\n";
  EXPECT_MENTIONS(error_of([&] { hdf5_weights(text.string()); }), "is not an HDF5 file");
  const auto zip = dir_.path() / "model.keras";
  std::ofstream(zip, std::ios::binary) << std::string("PK\x03\x04", 4) << "rest of a zip";
  EXPECT_MENTIONS(error_of([&] { hdf5_weights(zip.string()); }), "model.weights.h5");
  const auto empty = dir_.path() / "empty.h5";
  std::ofstream{empty};
  EXPECT_MENTIONS(error_of([&] { hdf5_weights(empty.string()); }), "not an HDF5 file");
  EXPECT_MENTIONS(error_of([&] { hdf5_weights((dir_.path() / "nope.h5").string()); }),
                  "does not exist");
  EXPECT_MENTIONS(error_of([&] { hdf5_weights(dir_.path().string()); }), "not a file");
}

}  // namespace
}  // namespace tartan::networks
