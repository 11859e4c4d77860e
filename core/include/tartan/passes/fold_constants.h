// fold_constants: every op whose inputs are all constants or literals is evaluated at compile
// time by the reference executor (one-op sub-program) and its output becomes a constant of
// the output's dtype. Weights-only arithmetic (batch-norm gamma / sqrt(var + eps), reshaped
// or transposed weights) then costs nothing at run time, and fold_batch_norm sees one scale.
// The result is a constant (strongly typed, as the computed tensor was), so the types of its
// readers do not change: `X_f16 * (2.0 * 3.0)` stays float32.
#pragma once

#include "tartan/ir/program.h"

namespace tartan {

void fold_constants(Program* program);

}  // namespace tartan
