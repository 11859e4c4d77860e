// Placements: `=` contractions that copy each input element to at most one output element,
// each output dimension being one index variable plus a constant (`O[n, y, x, c + 224] =
// =(B[n, y, x, c]) default A`, what concatenate, pad and slice build). A chain of them, each
// the default of the next, is one concatenation: fuse joins it into one kernel, which writes
// each output element once from the placement that reaches it (the last one), instead of a
// copy kernel per placement over the whole output.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tartan/ir/program.h"

namespace tartan {

// True when `c` is a placement: agg `=`, one input, no constraints, every output dimension
// `v + k` for a distinct variable v (every variable appears), every input index integral.
bool is_placement(const Contraction& c);

// For a placement, the index variables' values at an output element whose coordinates are
// `coord` (C text): names[v] = "(coord[d] - k)" where output dimension d is v + k.
std::vector<std::string> placement_vars(const Contraction& c,
                                        const std::vector<std::string>& coord);

}  // namespace tartan
