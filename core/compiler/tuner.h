// The autotuner: measures candidate plans of one kernel on the device, on the executable's own
// buffers, and returns the fastest whose results match the first candidate's (the plain plan).
#pragma once

#include <vector>

#include "runtime/executable_state.h"
#include "tartan/schedule/tuning_cache.h"

namespace tartan {

// `candidates` must be non-empty; candidates[0] is the reference for the results. Fills the
// kernel's non-constant inputs with fixed-seed random values (the executable has not run yet,
// so nothing is lost) and its output with NaN before each checking run.
TuningRecord tune_kernel(Executable::State& state, const KernelGroup& group,
                         const std::vector<KernelPlan>& candidates,
                         const std::string& build_options);

}  // namespace tartan
