// fold_batch_norm: a chain of elementwise add/sub/mul/div by per-channel constants (constants
// that broadcast along the last dimension only: [M], [1, .., 1, M] or scalars) is an affine
// map y * s + t per channel; a batch norm after constant folding is exactly such a chain.
//  - After a sum-of-products contraction with a constant operand (a convolution or dense
//    layer) whose output is read only by the chain, the scale s is folded into the constant
//    (every element bound to output channel m is multiplied by s[m]) and the shift t stays as
//    one elementwise add, which fuse() turns into the contraction's epilogue (a bias).
//  - After anything else, a chain of three or more ops becomes one multiply and one add.
// Every intermediate of the chain must be read only by the next op and not be an output.
#pragma once

#include "tartan/ir/program.h"

namespace tartan {

void fold_batch_norm(Program* program);

}  // namespace tartan
