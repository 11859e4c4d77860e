// The reference semantics of Scan: the body, interpreted step by step.
#pragma once

#include <vector>

#include "tartan/ir/program.h"
#include "tartan/reference/host_tensor.h"

namespace tartan {

// `operands` follow op_inputs(s): carried, sequences, invariants.
HostTensor eval_scan(const Program& program, const Scan& s,
                     const std::vector<const HostTensor*>& operands, int threads);

}  // namespace tartan
