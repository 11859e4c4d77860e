// At least 300 random contractions (random ranks, sizes, strides, offsets, constraints,
// aggregations, combinations, defaults and fused epilogues) on every device, against the
// reference executor. Contractions are compiled 20 to a program to keep build time low.
#include <gtest/gtest.h>

#include "common/device_check.h"

namespace tartan {
namespace {

constexpr int kPrograms = 16;
constexpr int kContractionsPerProgram = 20;

TEST(RandomContractions, MatchReferenceOnEveryDevice) {
  const std::uint64_t seed = testing::test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (const runtime::Device& device : testing::test_devices()) {
    for (int p = 0; p < kPrograms; ++p) {
      Program program;
      testing::CheckOptions options;
      testing::add_random_contractions(&program, rng, kContractionsPerProgram, &options);
      testing::check_on_device(program, device, rng, options);
    }
  }
}

}  // namespace
}  // namespace tartan
