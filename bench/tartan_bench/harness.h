// The timing harness: compile, warm up, then the timed run over examples / batch batches with
// the inputs resident on the device (set once; then enqueue + finish per batch, each batch
// timed on the host), per-kernel device times from profiling events, and validation of the
// first batch's first example against the reference executor.
#pragma once

#include <vector>

#include "measurement.h"
#include "options.h"
#include "tartan/runtime/device.h"
#include "workload.h"

namespace tartan::bench {

// Never throws for a failed step: the failure, a timeout or Ctrl-C is recorded in `m` with
// everything measured before it. `m` is updated under results_lock(), so that the stop monitor
// can write it while a step cannot stop. `first_outputs` receives the first timed batch's
// outputs.
void run_benchmark(const Workload& workload, const runtime::Device& device,
                   const BenchOptions& options, Measurement& m,
                   std::vector<HostTensor>* first_outputs);

}  // namespace tartan::bench
