// cse: common subexpression elimination. Ops with the same structural key (kind, parameters,
// index expressions, output type and shape, and the same inputs, in canonical order for
// commutative elementwise ops) compute the same tensor; all but the first are removed and
// their uses read the first. Equal constants and literals are merged first, so ops built
// twice from equal weights or literals also merge. The removed ops' tensors stay unused.
#pragma once

#include "tartan/ir/program.h"

namespace tartan {

void cse(Program* program);

}  // namespace tartan
