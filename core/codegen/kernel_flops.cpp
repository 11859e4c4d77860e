#include "codegen/kernel_flops.h"

#include <algorithm>
#include <numeric>

#include "tartan/ir/bounds.h"
#include "tartan/support/error.h"

namespace tartan {
namespace {

constexpr double kMaxEnumerated = 1 << 24;

// 0 <= expr < bound, and expr integral.
struct Bound {
  const Affine* expr;
  std::int64_t bound;
};

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}
std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return -floor_div(-a, b); }

int find(const std::vector<int>& parent, int v) {
  while (parent[static_cast<std::size_t>(v)] != v) v = parent[static_cast<std::size_t>(v)];
  return v;
}

// The valid assignments of one group of coupled variables.
class GroupCounter {
 public:
  GroupCounter(std::vector<int> vars, std::vector<Bound> bounds,
               const std::vector<IndexRange>& ranges)
      : vars_(std::move(vars)), bounds_(std::move(bounds)), ranges_(ranges) {
    values_.assign(ranges.size(), 0);
    // The widest variable is counted as an interval when every bound on it is integral.
    inner_ = *std::max_element(vars_.begin(), vars_.end(), [&](int a, int b) {
      return ranges_[static_cast<std::size_t>(a)].size() <
             ranges_[static_cast<std::size_t>(b)].size();
    });
    for (const Bound& b : bounds_) {
      if (b.expr->coeff(inner_) != 0 && b.expr->denom() != 1) inner_ = -1;
    }
    if (inner_ >= 0) vars_.erase(std::find(vars_.begin(), vars_.end(), inner_));
  }

  double box() const {
    double n =
        inner_ >= 0 ? static_cast<double>(ranges_[static_cast<std::size_t>(inner_)].size()) : 1.0;
    for (int v : vars_) n *= static_cast<double>(ranges_[static_cast<std::size_t>(v)].size());
    return n;
  }

  double count() {
    const double outer =
        inner_ >= 0 ? box() / static_cast<double>(ranges_[static_cast<std::size_t>(inner_)].size())
                    : box();
    if (outer > kMaxEnumerated) return box();
    return enumerate(0);
  }

 private:
  double enumerate(std::size_t k) {
    if (k == vars_.size()) return leaf();
    const IndexRange& r = ranges_[static_cast<std::size_t>(vars_[k])];
    double n = 0;
    for (std::int64_t x = r.lo; x < r.hi; ++x) {
      values_[static_cast<std::size_t>(vars_[k])] = x;
      n += enumerate(k + 1);
    }
    return n;
  }

  // With every variable but the inner one set: how many inner values meet every bound.
  double leaf() {
    std::int64_t lo = 0, hi = 0;  // inclusive
    if (inner_ >= 0) {
      lo = ranges_[static_cast<std::size_t>(inner_)].lo;
      hi = ranges_[static_cast<std::size_t>(inner_)].hi - 1;
      values_[static_cast<std::size_t>(inner_)] = 0;
    }
    for (const Bound& b : bounds_) {
      const std::int64_t a = inner_ >= 0 ? b.expr->coeff(inner_) : 0;
      std::int64_t rest = 0;
      if (!b.expr->eval(values_, &rest)) return 0;  // fractional (no inner term, see above)
      if (a == 0) {
        if (rest < 0 || rest >= b.bound) return 0;
        continue;
      }
      // 0 <= a * v + rest < bound  (denominator 1)
      std::int64_t vlo = 0, vhi = 0;
      if (a > 0) {
        vlo = ceil_div(-rest, a);
        vhi = floor_div(b.bound - 1 - rest, a);
      } else {
        vlo = ceil_div(b.bound - 1 - rest, a);
        vhi = floor_div(-rest, a);
      }
      lo = std::max(lo, vlo);
      hi = std::min(hi, vhi);
      if (lo > hi) return 0;
    }
    return static_cast<double>(hi - lo + 1);
  }

  std::vector<int> vars_;
  std::vector<Bound> bounds_;
  const std::vector<IndexRange>& ranges_;
  std::vector<std::int64_t> values_;
  int inner_ = -1;
};

}  // namespace

double contraction_iterations(const Program& program, const Contraction& c) {
  const std::vector<IndexRange> ranges = derive_index_ranges(program, c);
  const auto nvars = static_cast<int>(c.index_names.size());
  std::vector<Bound> bounds;
  const Shape& out_shape = program.tensor(c.output).shape;
  for (std::size_t d = 0; d < c.output_indices.size(); ++d) {
    bounds.push_back({&c.output_indices[d], out_shape[d]});
  }
  for (const Access& a : c.inputs) {
    const Shape& shape = program.tensor(a.tensor).shape;
    for (std::size_t d = 0; d < a.indices.size(); ++d) bounds.push_back({&a.indices[d], shape[d]});
  }
  for (const Constraint& k : c.constraints) bounds.push_back({&k.expr, k.bound});

  // Variables that appear in one expression belong to one group.
  std::vector<int> parent(static_cast<std::size_t>(nvars));
  std::iota(parent.begin(), parent.end(), 0);
  for (const Bound& b : bounds) {
    const auto& terms = b.expr->terms();
    for (std::size_t t = 1; t < terms.size(); ++t) {
      parent[static_cast<std::size_t>(find(parent, terms[t].first))] = find(parent, terms[0].first);
    }
  }
  double total = 1;
  for (int root = 0; root < nvars; ++root) {
    if (find(parent, root) != root) continue;
    std::vector<int> vars;
    for (int v = 0; v < nvars; ++v) {
      if (find(parent, v) == root) vars.push_back(v);
    }
    std::vector<Bound> group_bounds;
    for (const Bound& b : bounds) {
      if (!b.expr->is_constant() && find(parent, b.expr->terms()[0].first) == root) {
        group_bounds.push_back(b);
      }
    }
    total *= GroupCounter(std::move(vars), std::move(group_bounds), ranges).count();
    if (total == 0) break;
  }
  return total;
}

double kernel_flops(const Program& program, const KernelGroup& group) {
  double flops = 0;
  std::vector<std::size_t> ops = group.prologue;  // counted once per element, as if unfused
  ops.insert(ops.end(), group.ops.begin(), group.ops.end());
  for (std::size_t index : ops) {
    const Op& op = program.ops()[index];
    if (const auto* c = std::get_if<Contraction>(&op)) {
      flops += contraction_iterations(program, *c) * (c->comb == CombOp::kNone ? 1 : 2);
    } else if (const auto* e = std::get_if<Elementwise>(&op)) {
      flops += static_cast<double>(num_elements(program.tensor(e->output).shape));
    }
  }
  return flops;
}

}  // namespace tartan
