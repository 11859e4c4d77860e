// The GEMM view of a contraction, for the local-memory plan: a sum of products of two inputs
// A and B where every output dimension is one plain index variable. Output dimensions whose
// variable only A uses are the GEMM rows (flattened, last fastest: N*H*W of a convolution),
// those only B uses are the columns (output channels), the rest (used by both or neither, such
// as a batched matmul's batch) are batch dimensions, one coordinate per work-group. The
// reduction variables flatten into K (last fastest), so a 3x3 convolution is an implicit GEMM
// with K = KH * KW * Cin. Constraints may use rows or columns, not both: each is applied to the
// operand whose variables it uses.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "tartan/ir/bounds.h"
#include "tartan/passes/pipeline.h"

namespace tartan {

struct GemmShape {
  int a = 0, b = 1;           // the inputs giving rows (A) and columns (B)
  std::vector<int> dim_var;   // per output dimension, its index variable
  std::vector<int> row_dims;  // output dimensions, outermost first
  std::vector<int> col_dims;
  std::vector<int> batch_dims;
  std::vector<int> k_vars;            // reduction variables, outermost first
  std::vector<bool> constraint_on_b;  // per constraint: applied to B's loads (else A's)
  std::vector<IndexRange> ranges;     // of every index variable
  std::int64_t rows = 1, cols = 1, batch = 1, k = 1;
  // Work-groups of a local plan with blocks of block_rows x block_cols: one per block, partial
  // blocks at the edges included.
  std::int64_t blocks(std::int64_t block_rows, std::int64_t block_cols) const {
    return ((rows + block_rows - 1) / block_rows) * ((cols + block_cols - 1) / block_cols) * batch;
  }
};

std::optional<GemmShape> gemm_shape(const Program& program, const KernelGroup& group);

}  // namespace tartan
