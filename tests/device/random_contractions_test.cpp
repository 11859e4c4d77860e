// At least 300 random contractions (random ranks, sizes, strides, offsets, constraints,
// aggregations, combinations, defaults and fused epilogues) on every device, against the
// reference executor. Contractions are compiled 20 to a program to keep build time low.
#include <gtest/gtest.h>

#include "common/device_check.h"
#include "common/random_program.h"

namespace tartan {
namespace {

constexpr int kPrograms = 16;
constexpr int kContractionsPerProgram = 20;

TEST(RandomContractions, MatchReferenceOnEveryDevice) {
  const std::uint64_t seed = std::random_device{}();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (const runtime::Device& device : testing::test_devices()) {
    for (int p = 0; p < kPrograms; ++p) {
      Program program;
      testing::CheckOptions options;
      for (int c = 0; c < kContractionsPerProgram; ++c) {
        const std::string prefix = "P" + std::to_string(c) + "_";
        const testing::RandomContraction r = testing::add_random_contraction(&program, rng, prefix);
        options.small_integer_inputs.insert(options.small_integer_inputs.end(),
                                            r.small_integer_inputs.begin(),
                                            r.small_integer_inputs.end());
        options.output_labels.push_back(prefix + ": " + r.description);
      }
      testing::check_on_device(program, device, rng, options);
    }
  }
}

}  // namespace
}  // namespace tartan
