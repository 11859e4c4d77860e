// The canonical text of a kernel's meaning, for its tuning key: the group's tile statements with
// its tensors renamed by position (t0, t1, ... in order of first use), each tensor's dtype,
// shape and kind of storage, the scan step strides, and the group's flags. Code generation is
// not involved, so a change in how kernels are written that keeps what they compute keeps their
// tuning records; two kernels that differ only in tensor names share a key (and a record).
#pragma once

#include <string>

#include "tartan/codegen/step_args.h"
#include "tartan/passes/pipeline.h"

namespace tartan {

std::string canonical_kernel_text(const LoweredProgram& lowered, const KernelGroup& group,
                                  const StepStrides& steps = {});

}  // namespace tartan
