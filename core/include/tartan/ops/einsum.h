// Einstein summation (NumPy einsum, ONNX Einsum) as contractions.
#pragma once

#include <string>
#include <vector>

#include "tartan/ir/builder.h"

namespace tartan::ops {

// `equation` is NumPy's: one term of letters per operand separated by commas, optionally
// "->" and the output's letters ("ij,jk->ik"); without "->" the output is every letter that
// occurs once, alphabetically (implicit mode). "..." stands for the same leading dimensions in
// every term, broadcast like NumPy. A letter repeated in one term takes the diagonal ("ii->i");
// letters absent from the output are summed. Several operands contract left to right, each
// step summing the letters that no later term and not the output needs.
Tensor einsum(const std::string& equation, const std::vector<Tensor>& operands);

}  // namespace tartan::ops
