// fuse: groups ops into kernels, greedily in program order. An elementwise op E joins the
// kernel whose output T it reads when T is read by E alone, T is not a program output and E's
// output has T's shape (its other inputs may broadcast into it): chains of elementwise ops
// become one kernel, and bias, activation, residual add and clip after a contraction become
// its epilogue. A placement (passes/placement.h) whose default is the output of a kernel of
// placements, read by it alone, joins that kernel: a concatenation is one kernel. Everything
// else starts a new kernel; reshapes are views and form none. A kernel of cheap float
// elementwise ops (+ - * neg min max relu: a pre-activation batch norm) whose output one access
// of a contraction alone reads, and that reads one tensor X of its output's shape plus ones
// broadcast into it, becomes that contraction's prologue (KernelGroup::prologue): the
// contraction reads X and applies the ops as it loads each element, sparing a write and a
// read of the whole tensor at the cost of repeating the ops wherever it reloads one.
// A kernel runs at the position of its last op, so every input of every op in it is ready.
#pragma once

#include <vector>

#include "tartan/passes/pipeline.h"

namespace tartan {

// With `enabled` false, every op except reshapes is its own kernel.
std::vector<KernelGroup> fuse(const Program& program, bool enabled = true);

}  // namespace tartan
