// The body of a row-wise softmax kernel (KernelGroup::softmax, tartan/passes/fuse_softmax.h):
// one work-item per row of the last axis, three passes over it: the maximum M (folded as the
// max contraction folds, NaN propagating), then E = exp(X - M) written to the output while
// their sum S accumulates, then the output divided by S in place. Each expression is the one
// the unfused kernels would compute (elementwise_expr, the same fold), in float32 throughout as
// the unfused kernels' float32 intermediates are, so the results agree up to the summation
// order, and NaN and inf propagate as they do unfused (a row of -inf gives NaN: -inf - -inf).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "codegen/code_writer.h"
#include "tartan/passes/pipeline.h"

namespace tartan {

// `index_type` is the C type of global offsets; `arg` names a tensor's buffer argument;
// `fold_max(acc, val)` is the max contraction's statement folding val into acc. Returns the
// work-items to launch (the rows).
std::int64_t write_softmax(
    const Program& program, const KernelGroup& group, const std::string& index_type,
    CodeWriter& body, const std::function<std::string(TensorId)>& arg,
    const std::function<std::string(const std::string&, const std::string&)>& fold_max);

}  // namespace tartan
