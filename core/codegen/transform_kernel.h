// The body of a constant-transform kernel (KernelPlan::transform, schedule/transform_shape.h),
// lowered to the kernel IR:
// one work-item per value of the item variables (and `lanes` consecutive values of the last,
// as one vector), which loads each X value it reaches once and computes all its owned outputs
// with the constant's values as literals (0 skipped, +-1 as an addition or subtraction). The
// kernel writer calls it in place of its register-tile loop nest and then runs the fused
// epilogue and the stores on the elements it returns.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "codegen/kir/stmt.h"
#include "tartan/schedule/transform_shape.h"

namespace tartan {

// One output element of a work-item.
struct TransformElement {
  std::vector<std::string> coord;  // per output dimension
  std::string flat;                // flat output offset
  std::string valid;               // "" when always inside the output
  std::string value;               // the finished sum
};

struct TransformCode {
  kir::Stmt body;
  // Lane-major: element lane * owned + o, for owned-variable combination o (owned variables
  // in output order, the last fastest).
  std::vector<TransformElement> elements;
  std::int64_t items = 0;  // work-items to launch
};

// `index_type` is the type of global offsets; `arg` names a tensor's buffer argument.
TransformCode lower_transform(const Program& program, const Contraction& c, const TransformShape& s,
                              const kir::Type& index_type,
                              const std::function<std::string(TensorId)>& arg);

}  // namespace tartan
