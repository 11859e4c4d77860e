// Measures a device's peak FP32 throughput and global memory bandwidth (like clpeak), so
// reports can say what fraction of the device a kernel uses. Takes a few seconds.
#pragma once

#include <cstdint>

#include "tartan/runtime/device.h"

namespace tartan::runtime {

struct PeakOptions {
  // The compute probe grows its work until one launch takes at least this long, so timer
  // resolution and launch overhead do not count.
  double target_seconds = 0.05;
  int repeats = 5;  // the best of this many timed launches counts
  // The bandwidth probe's buffer; never more than a quarter of the device's max allocation.
  std::uint64_t max_buffer_bytes = std::uint64_t{256} << 20;
  // Past this much wall time, sizes stop growing and repeats stop: a slow device or simulator
  // gets a rougher figure instead of a long wait. Each probe still runs at least once.
  double budget_seconds = 8;
};

struct PeakResult {
  double gflops = 0;   // FP32, counting a mad as 2 flops
  double gbps = 0;     // bytes read and written per second, 1e9
  double seconds = 0;  // wall time the probe took, build included
};

// Throws OpenCLError if the device cannot build or run the probe kernels.
PeakResult measure_peak(const Device& device, const PeakOptions& options = {});

}  // namespace tartan::runtime
