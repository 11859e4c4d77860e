// A kernel's prologue (KernelGroup::prologue): elementwise ops that compute one input of the
// root contraction, applied to each of that input's elements where the root loads it. The
// contraction's padding (indices out of the operand's bounds) still reads 0: the guard skips
// the whole prologue, as the reference evaluates the ops first and pads their result.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "codegen/code_writer.h"
#include "tartan/passes/pipeline.h"

namespace tartan {

// The tensor a group's prologue computes (the root's input it replaces), or -1 without one.
TensorId prologue_operand(const Program& program, const KernelGroup& group);

// Emits `name` = the prologue operand's element at coordinates `terms` (C text per dimension)
// where `guard` holds ("" is true), else 0, as statements into `body`; `arg` names a tensor's
// buffer argument.
void write_prologue(const Program& program, const KernelGroup& group,
                    const std::vector<std::string>& terms, const std::string& guard,
                    const std::string& name, CodeWriter& body,
                    const std::function<std::string(TensorId)>& arg);

}  // namespace tartan
