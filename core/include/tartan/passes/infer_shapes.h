// infer_shapes: re-derives every op's output dtype and shape from its inputs with the rules
// Program::add_* uses (tartan/ir/type_rules.h) and checks the program's structure: SSA, ops in
// topological order, ranks, bounded index spaces. Passes rewrite ops directly, so this runs
// between them to catch a rewrite that broke the program; any mismatch is a compiler bug and
// throws InternalError naming the op.
#pragma once

#include "tartan/ir/program.h"

namespace tartan {

void infer_shapes(const Program& program);

}  // namespace tartan
