// Keras Embedding: a table lookup.
#pragma once

#include "tartan/ir/builder.h"

namespace tartan::ops {

// indices int32 [...], table [V, D] -> [..., D]; out-of-range indices are clamped (Gather).
Tensor embedding(const Tensor& indices, const Tensor& table);

}  // namespace tartan::ops
