// Layouts of imported activations: a tensor's physical order and the logical (ONNX) order.
//
// PyTorch exports NCHW; tartan's convolution and pooling ops and their tuned kernels are NHWC.
// Rather than transposing around every convolution, a value keeps its physical tensor plus a
// permutation: logical dimension d is physical dimension perm[d]. Layout-aware converters
// (convolution, pooling, batch norm, elementwise, concat, transpose itself) work on the
// physical tensor and pass the permutation on; a transpose is materialised only where a
// converter needs the logical order (reshape, matmul, a model output), once per value.
#pragma once

#include <vector>

#include "tartan/ir/builder.h"

namespace tartan::onnx {

using Perm = std::vector<int>;

Perm identity_perm(int rank);
bool is_identity(const Perm& perm);
// Logical [N, C, spatial...] held physically as [N, spatial..., C]: {0, r-1, 1, ..., r-2}.
Perm channels_last_perm(int rank);
Perm inverse_perm(const Perm& perm);
// The permutation of transpose(transpose(x, first), then): then[d] picks first[then[d]].
Perm compose_perms(const Perm& first, const Perm& then);
// Output dimension d of shape is shape[perm[d]].
Shape permute_shape(const Shape& shape, const Perm& perm);

// transpose(x, perm), as a reshape where the permutation only moves dimensions of size 1
// (an NHWC [N, 1, 1, C] read as NCHW [N, C, 1, 1] is the same bytes).
Tensor permute(const Tensor& x, const Perm& perm);

}  // namespace tartan::onnx
