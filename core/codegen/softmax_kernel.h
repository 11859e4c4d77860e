// The body of a row-wise softmax kernel (KernelGroup::softmax, tartan/passes/fuse_softmax.h),
// lowered to the kernel IR: one work-item per row of the last axis, three passes over it: the
// maximum M (folded as the max contraction folds, NaN propagating), then E = exp(X - M) written
// to the output while their sum S accumulates, then the output divided by S in place. Each
// expression is the one the unfused kernels would compute (elementwise(), the same fold), in
// float32 throughout as the unfused kernels' float32 intermediates are, so the results agree up
// to the summation order, and NaN and inf propagate as they do unfused (a row of -inf gives
// NaN: -inf - -inf).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "codegen/kir/stmt.h"
#include "tartan/passes/pipeline.h"

namespace tartan {

struct SoftmaxKernel {
  kir::Stmt body;
  std::int64_t rows = 0;  // work-items to launch
};

// `index_type` is the type of global offsets; `arg` names a tensor's buffer argument.
SoftmaxKernel lower_softmax(const Program& program, const KernelGroup& group,
                            const kir::Type& index_type,
                            const std::function<std::string(TensorId)>& arg);

}  // namespace tartan
