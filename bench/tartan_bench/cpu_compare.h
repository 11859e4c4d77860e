// --cpu-compare: the same program, weights and inputs on the CPU device (PoCL), the baseline a
// GPU is worth comparing with. It runs after the benchmark device's executable is gone, so one
// executable is alive at a time, and only for a bounded number of examples: one untimed batch,
// then up to kCpuCompareBatches timed batches, stopping once kCpuCompareSeconds of them have
// run (a VGG batch on a CPU takes seconds).
#pragma once

#include <optional>
#include <string>

#include "options.h"
#include "tartan/runtime/device.h"
#include "workload.h"

namespace tartan::bench {

constexpr int kCpuCompareBatches = 4;
constexpr double kCpuCompareSeconds = 20;

struct CpuComparison {
  // "ok"; "no_cpu_device" (none available: note says what to install); "failed" (note holds the
  // error); "stopped" (Ctrl-C or --timeout-secs before a timed batch finished).
  std::string status;
  std::string note;
  runtime::DeviceInfo device;
  double compile_seconds = 0;  // wall time of compile() on the CPU, kernel cache included
  int batches = 0;             // timed
  int examples = 0;
  double execution_seconds = 0;
  double examples_per_second = 0;
  std::optional<double> speedup;  // the device's examples/s over the CPU's
};

// Whether the comparison runs: --cpu-compare / --no-cpu-compare, else when the benchmark device
// is not a CPU.
bool cpu_compare_enabled(const BenchOptions& options, const runtime::DeviceInfo& device);

// The first available CPU device with a compiler, if any.
std::optional<runtime::Device> find_cpu_device();

// Never throws for a failed step (recorded in status/note). `device_examples_per_second` is the
// benchmark device's throughput, for the speedup.
CpuComparison compare_on_cpu(const Workload& workload, const BenchOptions& options,
                             double device_examples_per_second);

}  // namespace tartan::bench
