// Every network, built with the synthetic weights at batch 1, computes what real Keras computed
// (tests/data/networks, scripts/keras_fixtures.py): the prediction and three intermediate
// layers, on every test device, and through the float64 reference executor for the networks it
// runs in a few seconds.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>

#include "common/device_check.h"
#include "fixture_run.h"
#include "keras_fixture.h"
#include "tartan/compiler.h"
#include "tartan/networks/registry.h"
#include "tartan/networks/weights.h"
#include "tartan/reference/executor.h"

namespace tartan::testing {
namespace {

constexpr double kTolerance = 1e-4;

// Run under ctest label `networks`. Measured on PoCL on a loaded 2-core machine, compile + run
// with an empty kernel cache (networks/README.md): 16 to 120 s each, 9 minutes together.
// imdb_lstm takes 7 s: its LSTM is one loop of 5 kernels (11 distinct in the network).
const std::vector<std::string> kNetworks = {"densenet121",   "imdb_lstm", "inception_resnet_v2",
                                            "inception_v3",  "mobilenet", "mobilenet_v2",
                                            "nasnet_mobile", "resnet50",  "resnet50_v2",
                                            "xception"};
// Run under ctest label `networks_large` (CI's plain `ctest` runs it too): 1.8 to 3.4 minutes
// each there, 15 together.
const std::vector<std::string> kLargeNetworks = {"densenet169", "densenet201", "nasnet_large",
                                                 "vgg16", "vgg19"};
// The float64 reference executor runs these in a few seconds each.
const std::vector<std::string> kReferenceNetworks = {"imdb_lstm", "mobilenet", "mobilenet_v2",
                                                     "nasnet_mobile"};

networks::BuiltNetwork build(const NetworkFixture& fixture) {
  networks::NetworkOptions options;  // batch 1, the default size, as the fixtures were made
  options.extra_outputs = fixture_layers(fixture);
  const std::unique_ptr<networks::WeightSource> weights = networks::synthetic_weights();
  return networks::find_network(fixture.network).build(options, *weights);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

class KerasMatch : public ::testing::TestWithParam<std::string> {};

TEST_P(KerasMatch, OnEveryDevice) {
  const NetworkFixture fixture = load_network_fixture(GetParam());
  const auto start = std::chrono::steady_clock::now();
  const networks::BuiltNetwork net = build(fixture);
  EXPECT_EQ(net.parameters, fixture.parameters);
  const HostTensor input = fixture_input(net, fixture);
  const double build_s = seconds_since(start);
  const std::vector<runtime::Device> devices = test_devices();
  ASSERT_FALSE(devices.empty()) << "no OpenCL device (PoCL is installed on CI)";
  for (const runtime::Device& device : devices) {
    const auto compile_start = std::chrono::steady_clock::now();
    Executable exe = compile(net.program, device);
    const double compile_s = seconds_since(compile_start);
    const auto run_start = std::chrono::steady_clock::now();
    const std::vector<HostTensor> outputs = exe.run({input}, {.poison = true});
    const double run_s = seconds_since(run_start);
    const double worst = expect_fixture_match(fixture, outputs, kTolerance, device.info.id);
    // The timings CI's budget is planned with (networks/README.md); shown with --gtest output.
    std::printf(
        "[ timing ] %s on %s: build %.1f s, compile %.1f s (%d kernels, %d unique, %s), run "
        "%.1f s; worst relative error %.2e\n",
        fixture.network.c_str(), device.info.id.c_str(), build_s, compile_s, exe.stats().kernels,
        exe.stats().unique_kernels, exe.stats().cache_hit ? "cache hit" : "built", run_s, worst);
  }
}

std::string network_name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

// tests/CMakeLists.txt gives the tests whose names start with `Large` the label networks_large.
INSTANTIATE_TEST_SUITE_P(Networks, KerasMatch, ::testing::ValuesIn(kNetworks), network_name);
INSTANTIATE_TEST_SUITE_P(LargeNetworks, KerasMatch, ::testing::ValuesIn(kLargeNetworks),
                         network_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(KerasMatch);

class KerasMatchReference : public ::testing::TestWithParam<std::string> {};

TEST_P(KerasMatchReference, Float64Interpreter) {
  const NetworkFixture fixture = load_network_fixture(GetParam());
  const networks::BuiltNetwork net = build(fixture);
  const auto start = std::chrono::steady_clock::now();
  const std::vector<HostTensor> outputs = reference_run(net.program, {fixture_input(net, fixture)});
  const double worst = expect_fixture_match(fixture, outputs, kTolerance, "reference");
  std::printf("[ timing ] %s on the reference: %.1f s; worst relative error %.2e\n",
              fixture.network.c_str(), seconds_since(start), worst);
}

INSTANTIATE_TEST_SUITE_P(Networks, KerasMatchReference, ::testing::ValuesIn(kReferenceNetworks),
                         network_name);

TEST(KerasMatchCoverage, EveryFixtureRunsOnDevicesExactlyOnce) {
  std::multiset<std::string> listed(kNetworks.begin(), kNetworks.end());
  listed.insert(kLargeNetworks.begin(), kLargeNetworks.end());
  const std::vector<std::string> fixtures = fixture_networks();
  EXPECT_EQ(std::vector<std::string>(listed.begin(), listed.end()), fixtures);
  for (const std::string& n : kReferenceNetworks) {
    EXPECT_TRUE(std::binary_search(fixtures.begin(), fixtures.end(), n)) << n;
  }
}

}  // namespace
}  // namespace tartan::testing
