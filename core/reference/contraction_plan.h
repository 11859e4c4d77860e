// How the reference executor walks a contraction's iteration space.
//
// The derived box (tartan/ir/bounds.h) is enumerated with the variables in a fixed loop order.
// All but the innermost variable are enumerated point by point; for each such outer point the
// innermost variable's valid values form one interval when every expression that mentions it
// has denominator 1 (the "analytic" case): the interval is computed from each access and
// constraint, so the inner loop runs without bounds checks, stepping each access's offset by
// a constant. Otherwise every inner point is checked on its own.
//
// The outermost loop may be split across threads when its variable is some output dimension
// exactly (`O[.., v, ..]`): distinct values of v then write distinct output elements.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "tartan/ir/bounds.h"
#include "tartan/ir/program.h"

namespace tartan {

// Accesses are numbered 0 for the output, 1.. for the inputs (at most 3).
constexpr int kMaxAccesses = 4;

// One bounded expression: a dimension of an access, or a constraint.
struct BoundedExpr {
  int access = -1;          // -1 for a constraint
  std::int64_t stride = 0;  // row-major stride of the accessed dimension
  std::int64_t bound = 0;   // 0 <= value < bound
  std::int64_t constant = 0;
  std::int64_t denom = 1;
  std::int64_t inner_coeff = 0;  // coefficient of the innermost variable
  std::vector<std::pair<int, std::int64_t>> outer_terms;
};

struct ContractionPlan {
  std::vector<IndexRange> ranges;   // per variable (one dummy [0, 1) when there are none)
  std::vector<int> outer;           // outer loop variables, outermost first
  int inner = 0;                    // innermost loop variable
  std::optional<int> parallel_var;  // outer[0] (or inner when outer is empty) when race-free
  bool analytic = true;
  std::vector<BoundedExpr> exprs;
  std::array<std::int64_t, kMaxAccesses> inner_step{};  // offset change per inner step
};

ContractionPlan plan_contraction(const Program& program, const Contraction& c);

// A run of `count` valid points along the inner variable; offset[a] is access a's flat offset
// at the first point, and each further point adds plan.inner_step[a].
struct Span {
  std::int64_t count = 0;
  std::array<std::int64_t, kMaxAccesses> offset{};
};

// Emits every valid assignment, as spans, with the parallel variable (if any) restricted to
// `slice`. Spans come in loop order.
void walk_contraction(const ContractionPlan& plan, IndexRange slice,
                      const std::function<void(const Span&)>& emit);

}  // namespace tartan
