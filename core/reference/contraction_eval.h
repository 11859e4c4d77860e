// Evaluates one contraction in float64 (see tartan/reference/executor.h for the semantics).
#pragma once

#include <vector>

#include "tartan/ir/program.h"
#include "tartan/reference/host_tensor.h"

namespace tartan {

// `inputs` follow c.inputs; `default_values` is the default tensor or nullptr. Throws Error
// when `=` writes one element twice.
HostTensor eval_contraction(const Program& program, const Contraction& c,
                            const std::vector<const HostTensor*>& inputs,
                            const HostTensor* default_values, int threads);

}  // namespace tartan
