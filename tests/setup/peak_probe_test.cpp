#include "tartan/runtime/peak_probe.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tartan::runtime {
namespace {

TEST(PeakProbe, GivesPositiveFiniteRatesOnTinySizes) {
  PeakOptions options;
  options.target_seconds = 0.002;
  options.repeats = 2;
  options.max_buffer_bytes = 1 << 20;
  const Device device = default_device();
  const PeakResult r = measure_peak(device, options);
  // Speeds depend on the machine and its load; only sanity is asserted.
  EXPECT_TRUE(std::isfinite(r.gflops)) << r.gflops;
  EXPECT_TRUE(std::isfinite(r.gbps)) << r.gbps;
  EXPECT_GT(r.gflops, 0.01);
  EXPECT_GT(r.gbps, 0.01);
  EXPECT_LT(r.gflops, 1e6);  // a million GFLOP/s would mean a timing bug
  EXPECT_LT(r.gbps, 1e5);
  EXPECT_GT(r.seconds, 0);
}

}  // namespace
}  // namespace tartan::runtime
