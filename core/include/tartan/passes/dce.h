// dce: dead code elimination. Ops whose output neither is a program output nor is read,
// directly or through other live ops, by one are removed. Earlier passes leave such ops
// behind (folded pads, merged duplicates) and rely on this to drop them.
#pragma once

#include "tartan/ir/program.h"

namespace tartan {

void dce(Program* program);

}  // namespace tartan
