// The reference executor: a float64 interpreter of the graph IR, the oracle for everything.
//
// It evaluates any Program exactly as the language semantics say: contractions enumerate
// every assignment of the index variables in the derived ranges and keep those that put every
// access in bounds, meet every constraint and make no index fractional; unreached output
// elements are 0 or come from the default tensor; `=` writing one element twice is an Error.
// Arithmetic is float64; int32 results wrap as int32 does; float16/float32 results are not
// rounded (the oracle is more precise than any device). It is multi-threaded and simple.
#pragma once

#include <vector>

#include "tartan/ir/program.h"
#include "tartan/reference/host_tensor.h"

namespace tartan {

struct ReferenceOptions {
  int threads = 0;  // 0: one per hardware thread
};

// `inputs` follow program.inputs(); returns one tensor per program.outputs(). Throws Error
// when an input's shape or count does not match.
std::vector<HostTensor> reference_run(const Program& program, const std::vector<HostTensor>& inputs,
                                      const ReferenceOptions& options = {});

}  // namespace tartan
