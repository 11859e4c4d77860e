// The tile frontend: any tile program, with input shapes from --shape/--dtype, on random inputs.
// A tile program has fixed shapes, so each run counts as one example (--batch-size must be 1),
// and validation compares every output with the reference executor's.
#pragma once

#include "options.h"
#include "workload.h"

namespace tartan::bench {

// Throws Error for an unreadable file, a bad program (with its diagnostic) or bad flags.
Workload tile_workload(const BenchOptions& options);

}  // namespace tartan::bench
