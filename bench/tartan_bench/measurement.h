// What one benchmark run measured, and the figures derived from it. The console report and the
// JSON/CSV writers print the same Summary, so they never disagree.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cpu_compare.h"
#include "stop.h"
#include "tartan/runtime/executable.h"
#include "validation.h"

namespace tartan::bench {

// One launch of the program's launch list, summed over the timed batches.
struct KernelTime {
  std::string name;
  std::string statement;
  double total_ms = 0;
  double flops = 0;  // per launch
  double bytes = 0;  // per launch
};

struct Measurement {
  StopReason stopped = StopReason::kNone;
  std::string failure;  // a failed step's message (compile error, OpenCL error, ...)

  bool compiled = false;
  double compile_seconds = 0;   // wall time of compile(), cache lookups included, tuning not
  double tuning_seconds = 0;    // --tune: measuring candidate plans inside compile()
  int tuned_kernels = 0;        // --tune: distinct kernels measured
  int tuning_records_used = 0;  // distinct kernels planned from the tuning cache
  bool cache_hit = false;       // the kernel binaries came from the on-disk cache
  int kernels = 0;
  int unique_kernels = 0;
  CompileStats compile_stats;  // where the compile time went (phases, passes, kernel cache)
  std::size_t peak_bytes = 0;  // the memory plan's device bytes: arena + weights + inputs/outputs
  double flops_per_example = 0;

  int warmup_batches = 0;  // done
  double warmup_seconds = 0;

  int batches_planned = 0;
  std::vector<double> batch_seconds;  // enqueue to finish of each timed batch
  bool kernel_timing = false;
  std::vector<KernelTime> kernel_times;  // in launch order; empty without kernel timing

  std::optional<ValidationResult> validation;
  double validation_seconds = 0;

  std::optional<CpuComparison> cpu;  // --cpu-compare
};

struct Summary {
  int batch = 1;
  int examples = 0;                           // timed examples actually run
  double execution_seconds = 0;               // sum of the batch times
  double ms_per_example = 0;                  // wall
  double p50_ms = 0, p90_ms = 0, p99_ms = 0;  // per batch
  double examples_per_second = 0;
  double kernel_ms_per_example = 0;       // device time from profiling events; 0 without
  double gflops_per_second = 0;           // network FLOPs x examples / execution time
  std::optional<double> percent_of_peak;  // when the config holds this device's peak
};

// Nearest-rank percentile of `values` (p in (0, 100]); 0 for no values.
double percentile(std::vector<double> values, double p);

Summary summarize(const Measurement& m, int batch, std::optional<double> peak_gflops);

// "ok", "failed", "timeout", "interrupted" or "validation_failed".
std::string run_status(const Measurement& m);

}  // namespace tartan::bench
