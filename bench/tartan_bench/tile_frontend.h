// The tile and ops frontends: any tile program (input shapes from --shape/--dtype), or one of
// plaidbench's op benchmarks (common/op_programs.h), on random inputs. Their shapes are fixed,
// so each run counts as one example (--batch-size must be 1), and validation compares every
// output with the reference executor's.
#pragma once

#include "options.h"
#include "workload.h"

namespace tartan::bench {

// Throws Error for an unreadable file, a bad program (with its diagnostic) or bad flags.
Workload tile_workload(const BenchOptions& options);

// Throws Error for an unknown op, listing the known ones.
Workload ops_workload(const std::string& op, const BenchOptions& options);

}  // namespace tartan::bench
