// Evaluates one elementwise op with NumPy broadcasting.
#pragma once

#include <vector>

#include "tartan/ir/program.h"
#include "tartan/reference/host_tensor.h"

namespace tartan {

// `inputs` follow e.inputs; the result has the op's output shape and dtype.
HostTensor eval_elementwise(const Program& program, const Elementwise& e,
                            const std::vector<const HostTensor*>& inputs, int threads);

}  // namespace tartan
