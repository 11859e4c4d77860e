// Evaluates the ops that move data rather than compute it: reshape, gather, index.
#pragma once

#include "tartan/ir/program.h"
#include "tartan/reference/host_tensor.h"

namespace tartan {

HostTensor eval_reshape(const Program& program, const Reshape& r, const HostTensor& input);
HostTensor eval_gather(const Program& program, const Gather& g, const HostTensor& data,
                       const HostTensor& indices);
HostTensor eval_index(const Program& program, const IndexOf& i);

}  // namespace tartan
