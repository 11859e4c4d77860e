// Helpers for layout-aware converters (see src/layout.h).
#pragma once

#include <utility>

#include "src/node_context.h"

namespace tartan::onnx {

// Input i as (physical tensor, perm): a device value as it is held, a constant in ONNX order.
std::pair<Tensor, Perm> physical_of(NodeContext& ctx, int i);

// Input i broadcast-ready for an elementwise op whose output has rank `rank` in layout `perm`:
// lower-rank operands get leading dimensions of 1 (NumPy), then take the layout.
Tensor broadcast_operand(NodeContext& ctx, int i, int rank, const Perm& perm);

// The layout for an elementwise op over `inputs`: that of the first full-rank device operand
// held in a non-identity layout, else the identity.
Perm elementwise_layout(NodeContext& ctx, const std::vector<int>& inputs);

}  // namespace tartan::onnx
