// The body of a local-memory tiled GEMM kernel (KernelPlan::local, schedule/gemm_shape.h),
// lowered to the kernel IR: the contraction's reduction staged through __local memory in K
// chunks. The kernel writer calls it
// in place of its register-tile loop nest and then runs the fused epilogue and the stores on the
// elements it returns, as for any other plan.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "codegen/kir/stmt.h"
#include "tartan/schedule/gemm_shape.h"
#include "tartan/schedule/plan.h"

namespace tartan {

// One output element of a work-item's register tile.
struct LocalGemmElement {
  std::vector<std::string> coord;  // per output dimension
  std::string flat;                // flat output offset
  std::string valid;               // "" when always inside the output
  std::string acc;                 // the accumulator holding the sum (without the default)
};

struct LocalGemmCode {
  kir::Stmt body;
  std::vector<LocalGemmElement> elements;
  std::int64_t groups = 0;  // work-groups to launch (1-D; each of plan.local rows * cols items)
};

// Declares `name` = an operand's element at coordinates `terms` where `guard` holds, else 0.
using OperandLoad = std::function<kir::Stmt(const std::vector<kir::Expr>& terms,
                                            const kir::Expr& guard, const std::string& name)>;

// The whole kernel body up to the finished accumulators. `index_type` is the type of global
// offsets; `arg` names a tensor's buffer argument. The input `computed` (a prologue's operand,
// -1 for none) is not in memory: `load` computes its elements.
LocalGemmCode lower_local_gemm(const Program& program, const Contraction& c, const GemmShape& g,
                               const LocalTile& tile, const kir::Type& index_type,
                               const std::function<std::string(TensorId)>& arg,
                               TensorId computed = -1, const OperandLoad& load = {});

}  // namespace tartan
