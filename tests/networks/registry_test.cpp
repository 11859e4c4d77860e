// Every network at its defaults: Keras's parameter count (counted by the builder, by the
// weight requests, and by the program's weight constants), the prediction's shape at batch 1
// and 2, and the registry's GFLOPs figure.
#include "tartan/networks/registry.h"

#include <gtest/gtest.h>

#include <string>

#include "networks/test_weights.h"
#include "tartan/support/error.h"

namespace tartan::networks {
namespace {

using testing::TestWeights;

// Weight constants are named "layer/variable"; other constants (e.g. the window counts of a
// 'same' average pool) are not Keras parameters.
std::int64_t weight_constant_elements(const Program& p) {
  std::int64_t total = 0;
  for (const TensorInfo& t : p.tensors()) {
    if (t.kind == TensorKind::kConstant && t.name.find('/') != std::string::npos) {
      total += num_elements(t.shape);
    }
  }
  return total;
}

Shape prediction_shape(const NetworkInfo& info, int batch) {
  return {batch, info.name == "imdb_lstm" ? 1 : 1000};
}

class EveryNetwork : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryNetwork, KerasParameterCountShapesAndFlops) {
  const NetworkInfo& info = find_network(GetParam());
  for (const int batch : {1, 2}) {
    TestWeights weights(TestWeights::Mode::kZeros);
    NetworkOptions options;
    options.batch = batch;
    const BuiltNetwork net = info.build(options, weights);
    EXPECT_EQ(net.parameters, info.parameters);
    EXPECT_EQ(weights.total, info.parameters);
    EXPECT_EQ(weight_constant_elements(net.program), info.parameters);
    std::int64_t per_layer = 0;
    for (const LayerInfo& l : net.layers) per_layer += l.parameters;
    EXPECT_EQ(per_layer, info.parameters);

    ASSERT_EQ(net.program.outputs().size(), 1u);
    const Shape want = prediction_shape(info, batch);
    EXPECT_EQ(net.program.tensor(net.program.outputs()[0]).shape, want);
    EXPECT_EQ(net.layers.back().output_shape, want);
    EXPECT_EQ(net.layers.back().output, net.program.outputs()[0]);
    const Program& p = net.program;
    EXPECT_EQ(p.tensor(p.inputs()[0]).shape[0], batch);

    // The registry keeps six decimals of the figure computed from the built network.
    EXPECT_NEAR(static_cast<double>(net.flops) / batch / 1e9, info.gflops_per_example, 1e-6);
  }
}

std::vector<std::string> network_names() {
  std::vector<std::string> names;
  for (const NetworkInfo& n : all_networks()) names.push_back(n.name);
  return names;
}

INSTANTIATE_TEST_SUITE_P(Networks, EveryNetwork, ::testing::ValuesIn(network_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace tartan::networks
