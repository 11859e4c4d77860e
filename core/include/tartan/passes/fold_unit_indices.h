// fold_unit_indices: an index variable of a contraction whose derived range holds one value
// (a depthwise convolution's channel multiplier `m` of `O[.., c + m] = +(I[.., c] * K[.., c, m])`
// when the multiplier is 1) is replaced by that constant everywhere and dropped, unless it is an
// output dimension by itself (a batch of one: it stays that dimension's coordinate). The iteration
// space is unchanged, but output dimensions that were sums of variables become single
// variables, so the scheduler can solve them from the output coordinate and tile them instead
// of looping over every channel and testing equality.
#pragma once

#include "tartan/ir/program.h"

namespace tartan {

void fold_unit_indices(Program* program);

}  // namespace tartan
