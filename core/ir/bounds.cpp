#include "tartan/ir/bounds.h"

#include <algorithm>
#include <numeric>
#include <set>

#include "tartan/support/error.h"

namespace tartan {

namespace {

// sum coeffs[v] * x_v + constant >= 0
struct Inequality {
  std::vector<std::int64_t> coeffs;
  std::int64_t constant = 0;
  auto operator<=>(const Inequality&) const = default;
};

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Divides by the gcd of the variable coefficients, rounding the constant down: valid for
// integer points, and it keeps the numbers small.
void tighten(Inequality* q) {
  std::int64_t g = 0;
  for (std::int64_t c : q->coeffs) g = std::gcd(g, c);
  if (g > 1) {
    for (std::int64_t& c : q->coeffs) c /= g;
    q->constant = floor_div(q->constant, g);
  }
}

constexpr std::size_t kMaxInequalities = 50000;
// Fourier-Motzkin can grow exponentially with the number of interacting index variables; past
// this much work (inequalities scanned or combined, over all projections) the contraction is
// rejected instead of hanging. A convolution needs about 3000.
constexpr std::size_t kMaxWork = 2000000;

class BoundsDeriver {
 public:
  BoundsDeriver(const Program& program, const Contraction& c)
      : c_(c), nvars_(c.index_names.size()) {
    const std::string& out = program.tensor(c.output).name;
    where_ = "in the contraction for " + out;
    add_access(c.output_indices, program.tensor(c.output).shape);
    for (const Access& a : c.inputs) add_access(a.indices, program.tensor(a.tensor).shape);
    for (const Constraint& k : c.constraints) add_range(k.expr, k.bound);
  }

  std::vector<IndexRange> run() {
    std::vector<IndexRange> ranges(nvars_);
    for (std::size_t v = 0; v < nvars_; ++v) ranges[v] = project(v);
    return ranges;
  }

 private:
  void add_access(const std::vector<Affine>& indices, const Shape& shape) {
    for (std::size_t d = 0; d < indices.size(); ++d) add_range(indices[d], shape[d]);
  }

  // 0 <= a < bound, with a = num / den: num >= 0 and den * (bound - 1) - num >= 0.
  void add_range(const Affine& a, std::int64_t bound) {
    Inequality lo{std::vector<std::int64_t>(nvars_, 0), a.constant_term()};
    Inequality hi{std::vector<std::int64_t>(nvars_, 0),
                  a.denom() * (bound - 1) - a.constant_term()};
    for (const auto& [v, coeff] : a.terms()) {
      lo.coeffs[static_cast<std::size_t>(v)] = coeff;
      hi.coeffs[static_cast<std::size_t>(v)] = -coeff;
    }
    base_.push_back(lo);
    base_.push_back(hi);
  }

  IndexRange project(std::size_t keep) {
    std::set<Inequality> system(base_.begin(), base_.end());
    std::vector<std::size_t> others;
    for (std::size_t v = 0; v < nvars_; ++v) {
      if (v != keep) others.push_back(v);
    }
    while (!others.empty()) {
      // Eliminate the variable that creates the fewest new inequalities first.
      std::size_t best = 0, best_cost = SIZE_MAX;
      charge(system.size() * others.size());
      for (std::size_t i = 0; i < others.size(); ++i) {
        std::size_t pos = 0, neg = 0;
        for (const Inequality& q : system) {
          pos += q.coeffs[others[i]] > 0;
          neg += q.coeffs[others[i]] < 0;
        }
        if (pos * neg < best_cost) best_cost = pos * neg, best = i;
      }
      system = eliminate(system, others[best]);
      others.erase(others.begin() + static_cast<std::ptrdiff_t>(best));
    }
    bool has_lo = false, has_hi = false;
    IndexRange r{INT64_MIN, INT64_MAX};
    for (const Inequality& q : system) {
      const std::int64_t a = q.coeffs[keep];
      if (a > 0) {  // x >= ceil(-c / a)
        r.lo = std::max(r.lo, -floor_div(q.constant, a));
        has_lo = true;
      } else if (a < 0) {  // x <= floor(c / -a)
        r.hi = std::min(r.hi, floor_div(q.constant, -a) + 1);
        has_hi = true;
      } else if (q.constant < 0) {
        r.hi = r.lo;  // infeasible
      }
    }
    const std::string& name = c_.index_names[keep];
    if (!has_lo || !has_hi) {
      throw Error(where_ + ": index " + name + " has no " + (has_lo ? "upper" : "lower") + " bound",
                  "use " + name + " in an access of a tensor or add a constraint like `, " + name +
                      " < 4`");
    }
    if (r.hi <= r.lo) {
      throw Error(where_ + ": the iteration space is empty (no value of " + name +
                      " keeps every access in bounds)",
                  "check the index expressions and the sizes of the tensors they access");
    }
    return r;
  }

  std::set<Inequality> eliminate(const std::set<Inequality>& system, std::size_t v) {
    std::set<Inequality> out;
    std::vector<const Inequality*> pos, neg;
    for (const Inequality& q : system) {
      if (q.coeffs[v] > 0) {
        pos.push_back(&q);
      } else if (q.coeffs[v] < 0) {
        neg.push_back(&q);
      } else {
        out.insert(q);
      }
    }
    charge(pos.size() * neg.size() * nvars_);
    for (const Inequality* p : pos) {
      for (const Inequality* n : neg) {
        const __int128 mp = -n->coeffs[v], mn = p->coeffs[v];
        Inequality q{std::vector<std::int64_t>(nvars_), 0};
        bool is_trivial = true;
        for (std::size_t k = 0; k < nvars_; ++k) {
          q.coeffs[k] = narrow(mp * p->coeffs[k] + mn * n->coeffs[k]);
          is_trivial &= q.coeffs[k] == 0;
        }
        q.constant = narrow(mp * p->constant + mn * n->constant);
        if (is_trivial && q.constant >= 0) continue;
        tighten(&q);
        out.insert(std::move(q));
      }
    }
    if (out.size() > kMaxInequalities) {
      throw Error(where_ + ": too many index variables interact to derive their ranges",
                  "split the contraction into simpler ones");
    }
    return out;
  }

  void charge(std::size_t work) {
    work_ += work;
    if (work_ > kMaxWork) {
      throw Error(where_ + ": too many index variables interact to derive their ranges",
                  "split the contraction into simpler ones");
    }
  }

  std::int64_t narrow(__int128 x) {
    if (x > INT64_MAX || x < INT64_MIN) {
      throw Error(where_ + ": index arithmetic overflows while deriving ranges",
                  "use smaller sizes or coefficients");
    }
    return static_cast<std::int64_t>(x);
  }

  const Contraction& c_;
  std::size_t nvars_;
  std::string where_;
  std::vector<Inequality> base_;
  std::size_t work_ = 0;
};

bool in_range(const Affine& a, std::int64_t size, const std::vector<std::int64_t>& x,
              std::int64_t* value) {
  return a.eval(x, value) && *value >= 0 && *value < size;
}

}  // namespace

std::vector<IndexRange> derive_index_ranges(const Program& program, const Contraction& c) {
  return BoundsDeriver(program, c).run();
}

bool assignment_valid(const Program& program, const Contraction& c,
                      const std::vector<std::int64_t>& x, std::int64_t* out_offset) {
  std::int64_t v = 0;
  for (const Constraint& k : c.constraints) {
    if (!in_range(k.expr, k.bound, x, &v)) return false;
  }
  for (const Access& a : c.inputs) {
    const Shape& shape = program.tensor(a.tensor).shape;
    for (std::size_t d = 0; d < shape.size(); ++d) {
      if (!in_range(a.indices[d], shape[d], x, &v)) return false;
    }
  }
  const Shape& out_shape = program.tensor(c.output).shape;
  std::int64_t offset = 0;
  for (std::size_t d = 0; d < out_shape.size(); ++d) {
    if (!in_range(c.output_indices[d], out_shape[d], x, &v)) return false;
    offset = offset * out_shape[d] + v;
  }
  *out_offset = offset;
  return true;
}

}  // namespace tartan
