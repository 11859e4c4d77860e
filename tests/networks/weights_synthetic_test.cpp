// The synthetic generator against the values scripts/keras_fixtures.py (numpy) produced, bit
// for bit, plus its documented ranges and determinism.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tartan/networks/weights.h"
#include "tartan/support/error.h"

namespace tartan::networks {
namespace {

nlohmann::json load_json(const std::string& relative) {
  std::ifstream in(std::string(TARTAN_TEST_DATA_DIR) + "/networks/" + relative);
  EXPECT_TRUE(in) << relative;
  return nlohmann::json::parse(in);
}

std::vector<float> generate(const std::string& layer, const std::string& variable,
                            const Shape& shape, std::uint64_t seed) {
  if (layer == "input" && variable == "batch") return synthetic_input(shape, seed);
  return synthetic_weights(seed)->get(layer, variable, shape);
}

TEST(SyntheticWeights, ReproducesPythonValuesExactly) {
  const nlohmann::json doc = load_json("synthetic_values.json");
  ASSERT_GE(doc["cases"].size(), 15u);
  for (const nlohmann::json& c : doc["cases"]) {
    const std::string layer = c["layer"], variable = c["variable"];
    const Shape shape = c["shape"].get<Shape>();
    const std::uint64_t seed = std::stoull(c["seed"].get<std::string>());
    SCOPED_TRACE(layer + "/" + variable + " seed " + std::to_string(seed));
    const std::vector<float> values = generate(layer, variable, shape, seed);
    ASSERT_EQ(static_cast<std::int64_t>(values.size()), num_elements(shape));
    const auto& indices = c["indices"];
    for (std::size_t k = 0; k < indices.size(); ++k) {
      const std::size_t i = indices[k];
      // JSON holds the float32 value as a double, exactly; compare the bits.
      EXPECT_EQ(values[i], static_cast<float>(c["values"][k].get<double>())) << "index " << i;
    }
    double sum = 0, magnitude = 0;
    for (float v : values) {
      sum += v;
      magnitude += std::fabs(v);
    }
    EXPECT_NEAR(sum, c["sum"].get<double>(), 1e-12 * magnitude);
  }
}

TEST(SyntheticWeights, TokenIdsMatchPython) {
  const nlohmann::json t = load_json("synthetic_values.json")["token_ids"];
  const std::vector<std::int32_t> ids =
      synthetic_token_ids(t["shape"].get<Shape>(), t["vocabulary"].get<std::int64_t>(), 0);
  const std::vector<std::int32_t> first = t["first"].get<std::vector<std::int32_t>>();
  ASSERT_GE(ids.size(), first.size());
  EXPECT_TRUE(std::equal(first.begin(), first.end(), ids.begin()));
  std::int64_t sum = 0;
  for (std::int32_t id : ids) {
    EXPECT_GE(id, 0);
    EXPECT_LT(id, 20000);
    sum += id;
  }
  EXPECT_EQ(sum, t["sum"].get<std::int64_t>());
  EXPECT_THROW(synthetic_token_ids({4}, 0), Error);
}

struct RangeCase {
  std::string variable;
  Shape shape;
  double lo, hi;
};

TEST(SyntheticWeights, EachKindFillsItsRange) {
  const std::vector<RangeCase> cases = {
      // LeCun uniform on the fan-in: sqrt(3 / (kh * kw * in)).
      {"kernel", {3, 3, 16, 32}, -std::sqrt(3.0 / 144), std::sqrt(3.0 / 144)},
      {"depthwise_kernel", {3, 3, 64, 1}, -std::sqrt(3.0 / 9), std::sqrt(3.0 / 9)},
      {"pointwise_kernel", {1, 1, 48, 64}, -std::sqrt(3.0 / 48), std::sqrt(3.0 / 48)},
      // Glorot uniform: sqrt(6 / (in + out)).
      {"kernel", {256, 100}, -std::sqrt(6.0 / 356), std::sqrt(6.0 / 356)},
      {"recurrent_kernel", {32, 128}, -std::sqrt(6.0 / 160), std::sqrt(6.0 / 160)},
      {"bias", {4000}, -0.05, 0.05},
      {"gamma", {4000}, 0.8, 1.2},
      {"beta", {4000}, -0.1, 0.1},
      {"moving_mean", {4000}, -0.1, 0.1},
      {"moving_variance", {4000}, 0.5, 1.5},
      {"embeddings", {100, 40}, -1.0, 1.0},
  };
  auto weights = synthetic_weights();
  for (const RangeCase& c : cases) {
    SCOPED_TRACE(c.variable + " " + shape_str(c.shape));
    const std::vector<float> v = weights->get("layer", c.variable, c.shape);
    const auto [mn, mx] = std::minmax_element(v.begin(), v.end());
    const double span = c.hi - c.lo;
    EXPECT_GE(*mn, static_cast<float>(c.lo));
    EXPECT_LE(*mx, static_cast<float>(c.hi));
    // Thousands of uniform draws reach within 1% of both ends.
    EXPECT_LT(*mn, c.lo + 0.01 * span);
    EXPECT_GT(*mx, c.hi - 0.01 * span);
    EXPECT_TRUE(std::all_of(v.begin(), v.end(), [](float x) { return std::isfinite(x); }));
  }
  const std::vector<float> input = synthetic_input({2, 16, 16, 3});
  const auto [mn, mx] = std::minmax_element(input.begin(), input.end());
  EXPECT_GE(*mn, -1.0f);
  EXPECT_LT(*mx, 1.0f);
  EXPECT_LT(*mn, -0.98f);
  EXPECT_GT(*mx, 0.98f);
}

TEST(SyntheticWeights, DependsOnlyOnSeedNamesAndIndex) {
  auto a = synthetic_weights(7);
  auto b = synthetic_weights(7);
  const Shape shape = {3, 3, 8, 16};
  EXPECT_EQ(a->get("conv1", "kernel", shape), b->get("conv1", "kernel", shape));
  EXPECT_EQ(a->get("conv1", "kernel", shape), a->get("conv1", "kernel", shape));
  EXPECT_NE(a->get("conv1", "kernel", shape), synthetic_weights(8)->get("conv1", "kernel", shape));
  EXPECT_NE(a->get("conv1", "kernel", shape), a->get("conv2", "kernel", shape));
  EXPECT_NE(a->get("bn", "beta", {64}), a->get("bn", "moving_mean", {64}));
  // Element i does not depend on the shape, so a longer bias starts like a shorter one.
  const std::vector<float> short_bias = a->get("fc", "bias", {10});
  const std::vector<float> long_bias = a->get("fc", "bias", {1000});
  EXPECT_TRUE(std::equal(short_bias.begin(), short_bias.end(), long_bias.begin()));
  // Not constant, not repeating with a short period.
  EXPECT_NE(long_bias[0], long_bias[1]);
  EXPECT_NE(std::vector<float>(long_bias.begin(), long_bias.begin() + 10),
            std::vector<float>(long_bias.begin() + 10, long_bias.begin() + 20));
}

TEST(SyntheticWeights, UnknownVariableIsABug) {
  EXPECT_THROW(synthetic_weights()->get("conv1", "kernal", {3, 3, 3, 8}), InternalError);
}

}  // namespace
}  // namespace tartan::networks
