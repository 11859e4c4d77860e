#include "reference/contraction_eval.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "reference/contraction_plan.h"
#include "reference/parallel.h"
#include "reference/value_rules.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

// Below this many box points, threads cost more than they save.
constexpr std::int64_t kMinParallelPoints = 1 << 15;

struct Operands {
  std::array<const double*, 3> in{};
  double* acc = nullptr;
  std::uint8_t* written = nullptr;  // per output element; unused by `+`
  bool has_default = false;
  const TensorInfo* out_info = nullptr;
};

// int32 arithmetic wraps; computing in int64 first keeps products of int32 values exact.
std::int64_t as_int(double v) { return static_cast<std::int64_t>(v); }
double wrap_mul(double a, double b) {
  return wrap_int32(static_cast<std::int64_t>(static_cast<std::uint64_t>(as_int(a)) *
                                              static_cast<std::uint64_t>(as_int(b))));
}
double wrap_add(double a, double b) { return wrap_int32(as_int(a) + as_int(b)); }

template <CombOp C, bool kInt>
double combine(double a, double b, double c) {
  if constexpr (C == CombOp::kNone) {
    return a;
  } else if constexpr (C == CombOp::kMul) {
    return kInt ? wrap_mul(a, b) : a * b;
  } else if constexpr (C == CombOp::kAdd) {
    return kInt ? wrap_add(a, b) : a + b;
  } else if constexpr (C == CombOp::kEq) {
    return a == b ? 1.0 : 0.0;
  } else {
    return a == b ? c : 0.0;
  }
}

double nan_max(double a, double b) {
  return std::isnan(a) || std::isnan(b) ? a + b : (a < b ? b : a);
}
double nan_min(double a, double b) {
  return std::isnan(a) || std::isnan(b) ? a + b : (b < a ? b : a);
}

template <AggOp A, bool kInt>
double aggregate(double acc, double v) {
  if constexpr (A == AggOp::kSum) {
    return kInt ? wrap_add(acc, v) : acc + v;
  } else if constexpr (A == AggOp::kProd) {
    return kInt ? wrap_mul(acc, v) : acc * v;
  } else if constexpr (A == AggOp::kMax) {
    return nan_max(acc, v);
  } else if constexpr (A == AggOp::kMin) {
    return nan_min(acc, v);
  } else {
    return v;
  }
}

[[noreturn]] void throw_double_assign(const Operands& k, std::int64_t offset) {
  const Shape& shape = k.out_info->shape;
  std::vector<std::int64_t> coords(shape.size());
  for (std::size_t d = shape.size(); d-- > 0;) {
    coords[d] = offset % shape[d];
    offset /= shape[d];
  }
  std::string element = k.out_info->name + "[";
  for (std::size_t d = 0; d < coords.size(); ++d) {
    element += (d ? ", " : "") + std::to_string(coords[d]);
  }
  element += "]";
  throw Error("the contraction for " + k.out_info->name + " assigns " + element +
                  " more than once (aggregation `=`)",
              "with `=` each output element may be written by one assignment only; add "
              "constraints or use an aggregation such as `+` or `>`");
}

template <AggOp A, CombOp C, bool kInt>
void accumulate_span(const Operands& k, const ContractionPlan& plan, const Span& s) {
  std::int64_t o = s.offset[0], a = s.offset[1], b = s.offset[2], c = s.offset[3];
  const std::int64_t so = plan.inner_step[0], sa = plan.inner_step[1], sb = plan.inner_step[2],
                     sc = plan.inner_step[3];
  for (std::int64_t n = 0; n < s.count; ++n, o += so, a += sa, b += sb, c += sc) {
    const double v = combine<C, kInt>(k.in[0][a], k.in[1][b], k.in[2][c]);
    if constexpr (A == AggOp::kSum) {
      k.acc[o] = aggregate<A, kInt>(k.acc[o], v);  // the initial 0 or default is the identity
    } else {
      if (k.written[o]) {
        if constexpr (A == AggOp::kAssign) throw_double_assign(k, o);
        k.acc[o] = aggregate<A, kInt>(k.acc[o], v);
      } else {
        k.written[o] = 1;
        k.acc[o] = k.has_default ? aggregate<A, kInt>(k.acc[o], v) : v;
      }
    }
  }
}

using SpanFn = void (*)(const Operands&, const ContractionPlan&, const Span&);

template <AggOp A, CombOp C>
SpanFn pick_int(bool is_int) {
  return is_int ? &accumulate_span<A, C, true> : &accumulate_span<A, C, false>;
}

template <AggOp A>
SpanFn pick_comb(CombOp c, bool is_int) {
  switch (c) {
    case CombOp::kNone:
      return pick_int<A, CombOp::kNone>(is_int);
    case CombOp::kMul:
      return pick_int<A, CombOp::kMul>(is_int);
    case CombOp::kAdd:
      return pick_int<A, CombOp::kAdd>(is_int);
    case CombOp::kEq:
      return pick_int<A, CombOp::kEq>(is_int);
    case CombOp::kCond:
      return pick_int<A, CombOp::kCond>(is_int);
  }
  TARTAN_CHECK(false, "unknown combination");
}

SpanFn pick_kernel(AggOp a, CombOp c, bool is_int) {
  switch (a) {
    case AggOp::kSum:
      return pick_comb<AggOp::kSum>(c, is_int);
    case AggOp::kProd:
      return pick_comb<AggOp::kProd>(c, is_int);
    case AggOp::kMax:
      return pick_comb<AggOp::kMax>(c, is_int);
    case AggOp::kMin:
      return pick_comb<AggOp::kMin>(c, is_int);
    case AggOp::kAssign:
      return pick_comb<AggOp::kAssign>(c, is_int);
  }
  TARTAN_CHECK(false, "unknown aggregation");
}

}  // namespace

HostTensor eval_contraction(const Program& program, const Contraction& c,
                            const std::vector<const HostTensor*>& inputs,
                            const HostTensor* default_values, int threads) {
  const TensorInfo& out_info = program.tensor(c.output);
  TARTAN_CHECK(inputs.size() == c.inputs.size() && !inputs.empty(), "contraction operand count");
  HostTensor out(out_info.dtype, out_info.shape);
  if (default_values) out.values = default_values->values;
  std::vector<std::uint8_t> written;
  if (c.agg != AggOp::kSum) written.assign(out.values.size(), 0);

  Operands k;
  for (std::size_t i = 0; i < k.in.size(); ++i) {
    k.in[i] = inputs[i < inputs.size() ? i : 0]->values.data();  // unused slots alias input 0
  }
  k.acc = out.values.data();
  k.written = written.data();
  k.has_default = default_values != nullptr;
  k.out_info = &out_info;

  const ContractionPlan plan = plan_contraction(program, c);
  const SpanFn kernel = pick_kernel(c.agg, c.comb, out_info.dtype == DType::kInt32);
  const auto run_slice = [&](IndexRange slice) {
    walk_contraction(plan, slice, [&](const Span& s) { kernel(k, plan, s); });
  };
  if (!plan.parallel_var) {
    run_slice({});
  } else {
    const IndexRange full = plan.ranges[static_cast<std::size_t>(*plan.parallel_var)];
    std::int64_t points = 1;
    for (const IndexRange& r : plan.ranges) {
      points = r.size() > std::numeric_limits<std::int64_t>::max() / points
                   ? std::numeric_limits<std::int64_t>::max()
                   : points * r.size();
    }
    const std::int64_t min_parallel = points >= kMinParallelPoints ? 0 : full.size() + 1;
    parallel_for(full.size(), threads, min_parallel, [&](std::int64_t begin, std::int64_t end) {
      run_slice({full.lo + begin, full.lo + end});
    });
  }
  if (out.dtype == DType::kBool) {
    for (double& v : out.values) v = normalize_value(DType::kBool, v);
  }
  return out;
}

}  // namespace tartan
