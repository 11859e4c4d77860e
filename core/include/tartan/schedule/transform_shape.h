// The constant-transform view of a contraction, for the transform plan (KernelPlan::transform):
// `O = +(K[...] * X[...])` where K is a small float32 constant indexed by plain variables
// (Winograd's tile transforms, B^T d B and A^T m A). The variables K does not use are item
// variables: each names one output dimension (alone, or as t in `q * t + r`, schedule/tiling.h
// SplitDim, with r one of K's), and a work-item takes one value of each. K's variables that
// appear in the output are owned: the work-item computes the outputs of all their values. The
// rest of K's variables are summed: with K's values as literals, each X value the item's
// variables reach is loaded once and feeds every owned output. Each output element is written
// by exactly one work-item, once.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "tartan/ir/bounds.h"
#include "tartan/passes/pipeline.h"

namespace tartan {

struct TransformShape {
  int k_input = 0, x_input = 1;    // which input is the constant K and which is X
  std::vector<int> item_dims;      // output dimensions giving the work-item grid, outermost first
  std::vector<int> item_vars;      // their variables (t of a SplitDim)
  std::vector<int> owned_vars;     // K's variables in the output
  std::vector<int> sum_vars;       // K's other variables
  std::vector<IndexRange> ranges;  // of every index variable
  int lanes = 1;                   // values of the last item variable per work-item (a vector)
  std::int64_t items() const;      // work-items
  std::int64_t owned_values() const;  // outputs per lane per work-item
};

// Contraction roots without prologue, aggregation `+`, combination `*`, no constraints and no
// default, float32 throughout, K of at most kMaxTransformConstant elements each 0 or a power of
// two in magnitude (Winograd's transforms, not a convolution's weights), at least one owned
// variable, and X read with no denominator. `lanes` is 4 or 2 where the output's last dimension
// is an item variable that X's last dimension reads alone and both sizes are multiples of it.
std::optional<TransformShape> transform_shape(const Program& program, const KernelGroup& group);

inline constexpr std::int64_t kMaxTransformConstant = 1024;

}  // namespace tartan
