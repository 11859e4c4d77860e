// fuse_softmax: after fuse, a row-wise softmax over the last axis, which the op library builds
// as M = max over the row (keepdims), E = exp(X - M), S = sum of E over the row, Y = E / S and
// fuse leaves as four kernels (max; sub + exp; sum; div), becomes one kernel
// (KernelGroup::softmax) that runs each row in three passes (max, exp and sum, divide) with M,
// E's sum and S in registers and E written once, into Y, then divided in place. At batch 1 on a
// CPU each launch has a fixed cost (PoCL 5, 16 threads: 0.025-0.044 ms per kernel whatever its
// work) that dwarfs a 1000-class softmax. Only float32 (float16 rounds M, E and S in memory
// between the kernels) and only where M, E and S are read by nothing else; the arithmetic is
// the unfused kernels', expression for expression.
#pragma once

#include <vector>

#include "tartan/passes/pipeline.h"

namespace tartan {

void fuse_softmax(const Program& program, std::vector<KernelGroup>* kernels);

}  // namespace tartan
