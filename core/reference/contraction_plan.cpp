#include "reference/contraction_plan.h"

#include <algorithm>

namespace tartan {

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {  // b > 0
  std::int64_t q = a / b;
  if (a % b != 0 && a < 0) --q;
  return q;
}

std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return -floor_div(-a, b); }

void add_expr(ContractionPlan* plan, int access, std::int64_t stride, std::int64_t bound,
              const Affine& a) {
  BoundedExpr e;
  e.access = access;
  e.stride = stride;
  e.bound = bound;
  e.constant = a.constant_term();
  e.denom = a.denom();
  for (const auto& term : a.terms()) {
    if (term.first == plan->inner) {
      e.inner_coeff = term.second;
    } else {
      e.outer_terms.push_back(term);
    }
  }
  plan->exprs.push_back(std::move(e));
}

void add_access(ContractionPlan* plan, int access, const std::vector<Affine>& indices,
                const Shape& shape) {
  const std::vector<std::int64_t> strides = row_major_strides(shape);
  for (std::size_t d = 0; d < indices.size(); ++d) {
    add_expr(plan, access, strides[d], shape[d], indices[d]);
  }
}

// True when every expression that mentions v has denominator 1.
bool inner_candidate(const Contraction& c, int v) {
  const auto ok = [v](const Affine& a) { return a.denom() == 1 || a.coeff(v) == 0; };
  bool all = std::all_of(c.output_indices.begin(), c.output_indices.end(), ok);
  for (const Access& a : c.inputs) all = all && std::all_of(a.indices.begin(), a.indices.end(), ok);
  for (const Constraint& k : c.constraints) all = all && ok(k.expr);
  return all;
}

}  // namespace

ContractionPlan plan_contraction(const Program& program, const Contraction& c) {
  ContractionPlan plan;
  const int nvars = static_cast<int>(c.index_names.size());
  if (nvars == 0) {
    plan.ranges = {IndexRange{0, 1}};  // one point, a dummy inner variable nothing mentions
  } else {
    plan.ranges = derive_index_ranges(program, c);
  }
  const auto size_of = [&](int v) { return plan.ranges[static_cast<std::size_t>(v)].size(); };

  // Parallel over the largest variable that alone indexes an output dimension.
  for (const Affine& a : c.output_indices) {
    int v = 0;
    if (a.is_single_index(&v) && (!plan.parallel_var || size_of(v) > size_of(*plan.parallel_var))) {
      plan.parallel_var = v;
    }
  }
  // Innermost: the longest variable that allows an analytic inner interval, preferring later
  // ones (often the reduction), and not the parallel variable unless it is the only one.
  std::optional<int> inner;
  bool analytic = false;
  for (int v = 0; v < nvars; ++v) {
    if (v == plan.parallel_var && nvars > 1) continue;
    const bool ok = inner_candidate(c, v);
    if (!inner || (ok && !analytic) || (ok == analytic && size_of(v) >= size_of(*inner))) {
      inner = v;
      analytic = ok;
    }
  }
  plan.inner = inner.value_or(0);
  plan.analytic = nvars == 0 || analytic;
  if (plan.parallel_var) plan.outer.push_back(*plan.parallel_var);
  for (int v = 0; v < nvars; ++v) {
    if (v != plan.inner && v != plan.parallel_var) plan.outer.push_back(v);
  }
  if (plan.parallel_var == plan.inner) plan.outer.clear();

  for (const Constraint& k : c.constraints) add_expr(&plan, -1, 0, k.bound, k.expr);
  add_access(&plan, 0, c.output_indices, program.tensor(c.output).shape);
  for (std::size_t i = 0; i < c.inputs.size(); ++i) {
    add_access(&plan, static_cast<int>(i) + 1, c.inputs[i].indices,
               program.tensor(c.inputs[i].tensor).shape);
  }
  for (const BoundedExpr& e : plan.exprs) {
    if (e.access >= 0)
      plan.inner_step[static_cast<std::size_t>(e.access)] += e.stride * e.inner_coeff;
  }
  return plan;
}

namespace {

// Visits the outer points of the plan and emits the valid inner spans of each.
class Walker {
 public:
  Walker(const ContractionPlan& plan, IndexRange slice,
         const std::function<void(const Span&)>& emit)
      : plan_(plan),
        emit_(emit),
        ranges_(plan.ranges),
        x_(plan.ranges.size(), 0),
        inner_base_(plan.exprs.size(), 0) {
    if (plan.parallel_var) ranges_[static_cast<std::size_t>(*plan.parallel_var)] = slice;
  }

  void run() {
    for (const IndexRange& r : ranges_) {
      if (r.size() <= 0) return;
    }
    for (int v : plan_.outer) x_[static_cast<std::size_t>(v)] = range(v).lo;
    for (;;) {
      visit_point();
      std::size_t k = plan_.outer.size();
      for (; k > 0; --k) {  // odometer: the last outer variable turns fastest
        const int v = plan_.outer[k - 1];
        std::int64_t& xv = x_[static_cast<std::size_t>(v)];
        if (++xv < range(v).hi) break;
        xv = range(v).lo;
      }
      if (k == 0) return;
    }
  }

 private:
  const IndexRange& range(int v) const { return ranges_[static_cast<std::size_t>(v)]; }

  void visit_point() {
    Span span;
    std::int64_t lo = range(plan_.inner).lo, hi = range(plan_.inner).hi;
    for (std::size_t i = 0; i < plan_.exprs.size(); ++i) {
      const BoundedExpr& e = plan_.exprs[i];
      std::int64_t num = e.constant;
      for (const auto& [v, coeff] : e.outer_terms) num += coeff * x_[static_cast<std::size_t>(v)];
      if (e.inner_coeff == 0) {
        if (e.denom != 1) {
          if (num % e.denom != 0) return;  // fractional for every inner value
          num /= e.denom;
        }
        if (num < 0 || num >= e.bound) return;
      } else if (plan_.analytic) {
        // 0 <= num + inner_coeff * x < bound
        if (e.inner_coeff > 0) {
          lo = std::max(lo, ceil_div(-num, e.inner_coeff));
          hi = std::min(hi, floor_div(e.bound - 1 - num, e.inner_coeff) + 1);
        } else {
          lo = std::max(lo, ceil_div(num - e.bound + 1, -e.inner_coeff));
          hi = std::min(hi, floor_div(num, -e.inner_coeff) + 1);
        }
        if (lo >= hi) return;
      } else {
        inner_base_[i] = num;
        continue;
      }
      if (e.access >= 0) span.offset[static_cast<std::size_t>(e.access)] += e.stride * num;
    }
    if (plan_.analytic) {
      for (int a = 0; a < kMaxAccesses; ++a) {
        span.offset[static_cast<std::size_t>(a)] +=
            lo * plan_.inner_step[static_cast<std::size_t>(a)];
      }
      span.count = hi - lo;
      emit_(span);
      return;
    }
    for (std::int64_t xi = lo; xi < hi; ++xi) check_inner_point(span, xi);
  }

  // The per-point fallback for expressions with a denominator.
  void check_inner_point(Span span, std::int64_t xi) {
    for (std::size_t i = 0; i < plan_.exprs.size(); ++i) {
      const BoundedExpr& e = plan_.exprs[i];
      if (e.inner_coeff == 0) continue;
      std::int64_t num = inner_base_[i] + e.inner_coeff * xi;
      if (num % e.denom != 0) return;
      num /= e.denom;
      if (num < 0 || num >= e.bound) return;
      if (e.access >= 0) span.offset[static_cast<std::size_t>(e.access)] += e.stride * num;
    }
    span.count = 1;
    emit_(span);
  }

  const ContractionPlan& plan_;
  const std::function<void(const Span&)>& emit_;
  std::vector<IndexRange> ranges_;
  std::vector<std::int64_t> x_;
  std::vector<std::int64_t> inner_base_;
};

}  // namespace

void walk_contraction(const ContractionPlan& plan, IndexRange slice,
                      const std::function<void(const Span&)>& emit) {
  Walker(plan, slice, emit).run();
}

}  // namespace tartan
