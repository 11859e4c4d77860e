// fold_padding: a zero-padding contraction (ZeroPadding2D's
// `P[n, y + 1, x + 1, c : N, H + 2, W + 2, C] = =(I[n, y, x, c])`: assignment, no default, no
// constraints, every input element written exactly once at a constant offset) read only by
// sum-of-products contractions (convolutions) is folded into them: each consumer reads I at
// the shifted indices instead of P. Assignments whose shifted access falls outside I are
// skipped, which is what multiplying by the zero padding contributed, so the padded tensor is
// never materialised. Max contractions (pooling) fold too where every element of the pad's input
// is >= 0 or NaN by construction (a relu's, exp's, ... output), since then the zeros never
// change a maximum. Not done otherwise for max/min (zero is not their identity), nor for
// `a + b` combinations.
#pragma once

#include "tartan/ir/program.h"

namespace tartan {

void fold_padding(Program* program);

}  // namespace tartan
