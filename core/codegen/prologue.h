// A kernel's prologue (KernelGroup::prologue), lowered to the kernel IR: elementwise ops that
// compute one input of the root contraction, applied to each of that input's elements where
// the root loads it. The contraction's padding (indices out of the operand's bounds) still
// reads 0: the guard skips the whole prologue, as the reference evaluates the ops first and
// pads their result.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "codegen/kir/stmt.h"
#include "tartan/passes/pipeline.h"

namespace tartan {

// The tensor a group's prologue computes (the root's input it replaces), or -1 without one.
TensorId prologue_operand(const Program& program, const KernelGroup& group);

// Declares `name` = the prologue operand's element at coordinates `terms` (one per dimension)
// where `guard` holds (null: always), else 0; `arg` names a tensor's buffer argument.
kir::Stmt lower_prologue(const Program& program, const KernelGroup& group,
                         const std::vector<kir::Expr>& terms, const kir::Expr& guard,
                         const std::string& name, const std::function<std::string(TensorId)>& arg);

}  // namespace tartan
