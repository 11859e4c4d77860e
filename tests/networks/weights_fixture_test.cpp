// The Keras fixtures the network tests compare against: every network of the table has one,
// each is self-consistent, and the comparison helper measures what it claims.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

#include "keras_fixture.h"

namespace tartan::testing {
namespace {

TEST(KerasFixtures, EveryNetworkHasOne) {
  const std::vector<std::string> expected = {
      "densenet121",  "densenet169", "densenet201",  "imdb_lstm",    "inception_resnet_v2",
      "inception_v3", "mobilenet",   "mobilenet_v2", "nasnet_large", "nasnet_mobile",
      "resnet50",     "resnet50_v2", "vgg16",        "vgg19",        "xception"};
  EXPECT_EQ(fixture_networks(), expected);
}

TEST(KerasFixtures, AreConsistentAndInformative) {
  for (const std::string& name : fixture_networks()) {
    SCOPED_TRACE(name);
    const NetworkFixture f = load_network_fixture(name);
    ASSERT_EQ(f.input_shape.front(), 1);
    ASSERT_GE(f.outputs.size(), 3u);
    EXPECT_EQ(f.outputs[0].layer, "prediction");
    for (const FixtureOutput& o : f.outputs) {
      SCOPED_TRACE(o.layer);
      ASSERT_EQ(o.indices.size(), o.values.size());
      ASSERT_FALSE(o.values.empty());
      EXPECT_TRUE(std::is_sorted(o.indices.begin(), o.indices.end()));
      EXPECT_GE(o.indices.front(), 0);
      EXPECT_EQ(o.indices.back(), num_elements(o.shape) - 1);  // spans the whole output
      double norm = 0;
      for (float v : o.values) {
        ASSERT_TRUE(std::isfinite(v));
        norm += double{v} * v;
      }
      EXPECT_GT(norm, 0.0) << "an all-zero output would make the comparison vacuous";
    }
    const FixtureOutput& p = f.outputs[0];
    if (p.values.size() == 1000) {  // a softmax over ImageNet's classes, not one-hot
      double sum = 0, top = 0;
      for (float v : p.values) {
        sum += v;
        top = std::max(top, double{v});
      }
      EXPECT_NEAR(sum, 1.0, 1e-4);
      EXPECT_LT(top, 0.5);
    }
  }
}

TEST(KerasFixtures, H5FixturesHaveTheirPredictions) {
  for (const char* stem : {"mobilenet_025_128", "mobilenet_v2_035_96"}) {
    std::string path;
    const NetworkFixture f = load_h5_fixture(stem, &path);
    EXPECT_TRUE(std::filesystem::exists(path)) << path;
    ASSERT_EQ(f.outputs.size(), 1u);
    EXPECT_EQ(f.outputs[0].shape, (Shape{1, 10}));
  }
}

TEST(KerasFixtures, RelativeErrorIsNormWise) {
  const FixtureOutput o = load_network_fixture("resnet50").outputs[1];
  std::vector<float> full(static_cast<std::size_t>(num_elements(o.shape)), 123.0f);
  double norm = 0;
  for (std::size_t k = 0; k < o.indices.size(); ++k) {
    full[static_cast<std::size_t>(o.indices[k])] = o.values[k];
    norm += double{o.values[k]} * o.values[k];
  }
  // Elements that were not stored do not count; the stored ones match exactly.
  EXPECT_EQ(fixture_relative_error(o, o.shape, full), 0.0);
  // One element off by d gives d / ||values||.
  const auto i = static_cast<std::size_t>(o.indices[7]);
  full[i] += 0.5f;
  const double d = double{full[i]} - o.values[7];
  EXPECT_NEAR(fixture_relative_error(o, o.shape, full), std::fabs(d) / std::sqrt(norm), 1e-12);
  full[i] = std::nanf("");
  EXPECT_EQ(fixture_relative_error(o, o.shape, full), std::numeric_limits<double>::infinity());
  Shape other = o.shape;
  other.back() += 1;
  EXPECT_EQ(fixture_relative_error(o, other, full), std::numeric_limits<double>::infinity());
}

}  // namespace
}  // namespace tartan::testing
