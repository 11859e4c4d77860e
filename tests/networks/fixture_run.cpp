#include "fixture_run.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tartan/networks/weights.h"

namespace tartan::testing {

HostTensor fixture_input(const networks::BuiltNetwork& net, const NetworkFixture& fixture) {
  const TensorInfo& in = net.program.tensor(net.program.inputs().at(0));
  EXPECT_EQ(in.shape, fixture.input_shape);
  HostTensor h(in.dtype, in.shape);
  if (in.dtype == DType::kInt32) {
    constexpr std::int64_t kVocabulary = 20000;  // imdb_lstm's Embedding, as in the script
    const std::vector<std::int32_t> ids = networks::synthetic_token_ids(in.shape, kVocabulary);
    std::copy(ids.begin(), ids.end(), h.values.begin());
  } else {
    const std::vector<float> x = networks::synthetic_input(in.shape);
    std::copy(x.begin(), x.end(), h.values.begin());
  }
  return h;
}

std::vector<std::string> fixture_layers(const NetworkFixture& fixture) {
  std::vector<std::string> layers;
  for (const FixtureOutput& o : fixture.outputs) {
    if (o.layer != "prediction") layers.push_back(o.layer);
  }
  return layers;
}

double expect_fixture_match(const NetworkFixture& fixture, const std::vector<HostTensor>& outputs,
                            double tolerance, const std::string& who) {
  double worst = 0;
  EXPECT_EQ(outputs.size(), fixture.outputs.size()) << who;
  for (std::size_t k = 0; k < std::min(outputs.size(), fixture.outputs.size()); ++k) {
    const FixtureOutput& want = fixture.outputs[k];
    // Outputs come back as doubles holding float32 values: the conversion is exact.
    const std::vector<float> got(outputs[k].values.begin(), outputs[k].values.end());
    const double error = fixture_relative_error(want, outputs[k].shape, got);
    EXPECT_LT(error, tolerance) << fixture.network << " layer `" << want.layer << "` on " << who;
    worst = std::max(worst, error);
  }
  return worst;
}

}  // namespace tartan::testing
