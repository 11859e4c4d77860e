// Several independent Programs as one, so that one compile (one OpenCL build on PoCL, where
// the build dominates a small program's cost) serves a batch of conformance cases.
#pragma once

#include <string>
#include <vector>

#include "tartan/ir/program.h"

namespace tartan::testing {

// Inputs and outputs in order, program after program; tensor names get the prefix "p<k>_".
Program merge_programs(const std::vector<const Program*>& programs);

}  // namespace tartan::testing
