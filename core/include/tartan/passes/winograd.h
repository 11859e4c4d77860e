// winograd: a 3x3, stride-1, undilated float32 convolution with constant weights,
// `O[n, y, x, k] = +(I[n, y + i + o, x + j + p, c] * W[i, j, c, k])` (padding already folded
// into the offsets o, p), becomes Winograd's F(2x2, 3x3) in three contractions that the
// scheduler and code generation handle like any other:
//   V[a, b, n, ty, tx, c] = +(BB[a, b, u, v] * I[n, 2ty + u + o, 2tx + v + p, c])   input tiles
//   M[a, b, n, ty, tx, k] = +(V[a, b, n, ty, tx, c] * U[a, b, c, k])           16 batched GEMMs
//   O[n, y, x, k]         = +(AA[r, s, a, b] * M[a, b, n, (y - r)/2, (x - s)/2, k])   outputs
// with BB = B^T (x) B^T, AA = A^T (x) A^T (constant 4x4x4x4 and 2x2x4x4 tensors) and
// U = G W G^T computed here once (constant). The 3x3 convolution's 36 multiplications per
// 2x2 output tile and channel pair become 16, at the price of writing and reading V (16 values
// per input tile and channel) and M. O keeps its tensor, so the convolution's fused epilogue
// (bias, activation) follows the output transform. Input rows and columns outside I are
// skipped, as in the convolution (zero padding); odd output sizes leave the last tile's extra
// row or column unwritten (the fractional index skips it).
#pragma once

#include <cstdint>

#include "tartan/ir/program.h"

namespace tartan {

// Where the rewrite pays (configs/devices/*.yaml `winograd*` keys; compile() fills it from the
// device's profile): a convolution is rewritten when both channel counts reach `min_channels`,
// it has at least `min_tiles` 2x2 output tiles (N * ceil(H/2) * ceil(W/2): enough GEMM rows to
// fill the device), and the multiply-adds it saves, in FLOPs, are at least `flops_per_byte`
// times the bytes of V and M (each written once and read once).
struct WinogradOptions {
  bool enabled = false;
  std::int64_t min_channels = 64;
  std::int64_t min_tiles = 1;
  double flops_per_byte = 0;
};

void winograd(Program* program, const WinogradOptions& options);

}  // namespace tartan
