// The ONNX reductions, arg-extremes, comparisons, logic, where, cast, expand, tile, range,
// constant-of-shape and depth/space rearrangements against loops or known values.
#include <cmath>

#include "op_test_util.h"
#include "tartan/ops/array.h"
#include "tartan/ops/logic.h"
#include "tartan/ops/reduce.h"
#include "tartan/support/error.h"

namespace tartan::optest {
namespace {

class ReduceLogic : public OpTest {};

// Reduces a [a, b, c] tensor over axes {0, 2} (and {1} with keepdims) by `fold` over the terms.
TEST_F(ReduceLogic, OnnxReductions) {
  const Shape s = {uniform(1, 3), uniform(2, 4), uniform(1, 3)};
  const std::vector<HostTensor> in = {random(s, 0.5, 1.5)};  // positive: log and prod stay tame
  using Reduce = Tensor (*)(const Tensor&, const std::vector<int>&, bool);
  struct Case {
    const char* name;
    Reduce op;
    std::function<double(const std::vector<double>&)> fold;
  };
  const auto sum = [](const std::vector<double>& v, auto f) {
    double acc = 0;
    for (const double x : v) acc += f(x);
    return acc;
  };
  const std::vector<Case> cases = {
      {"prod", ops::reduce_prod,
       [](const std::vector<double>& v) {
         double p = 1;
         for (const double x : v) p *= x;
         return p;
       }},
      {"l1", ops::reduce_l1,
       [&](const std::vector<double>& v) { return sum(v, [](double x) { return std::fabs(x); }); }},
      {"l2", ops::reduce_l2,
       [&](const std::vector<double>& v) {
         return std::sqrt(sum(v, [](double x) { return x * x; }));
       }},
      {"sum_square", ops::reduce_sum_square,
       [&](const std::vector<double>& v) { return sum(v, [](double x) { return x * x; }); }},
      {"log_sum", ops::reduce_log_sum,
       [&](const std::vector<double>& v) { return std::log(sum(v, [](double x) { return x; })); }},
      {"log_sum_exp", ops::reduce_log_sum_exp,
       [&](const std::vector<double>& v) {
         return std::log(sum(v, [](double x) { return std::exp(x); }));
       }},
  };
  for (const Case& c : cases) {
    for (const bool keepdims : {false, true}) {
      SCOPED_TRACE(::testing::Message() << c.name << (keepdims ? " keepdims" : ""));
      const HostTensor got = run(in, [&](Builder&, const std::vector<Tensor>& t) {
        return c.op(t[0], {0, -1}, keepdims);
      });
      HostTensor want = poisoned(keepdims ? Shape{1, s[1], 1} : Shape{s[1]});
      for (std::int64_t j = 0; j < s[1]; ++j) {
        std::vector<double> terms;
        for (std::int64_t i = 0; i < s[0]; ++i)
          for (std::int64_t k = 0; k < s[2]; ++k) terms.push_back(at(in[0], {i, j, k}));
        want.values[static_cast<std::size_t>(j)] = c.fold(terms);
      }
      expect_close(got, want, DType::kFloat32);
    }
  }
}

TEST_F(ReduceLogic, LogSumExpOfLargeValuesIsFinite) {
  const HostTensor in(DType::kFloat32, {1, 3}, {1000.0, 1000.0, -5.0});
  const HostTensor got = run({in}, [](Builder&, const std::vector<Tensor>& t) {
    return ops::reduce_log_sum_exp(t[0], {1}, false);
  });
  ASSERT_EQ(got.values.size(), 1u);
  EXPECT_NEAR(got.values[0], 1000.0 + std::log(2.0), 1e-9);
}

TEST_F(ReduceLogic, ArgMaxArgMinFirstAndLastOfTies) {
  // Rows with ties: [3, 1, 3, 0] and [-1, -1, 2, 2] along axis 1; along axis 0 too.
  const HostTensor in(DType::kFloat32, {2, 4}, {3, 1, 3, 0, -1, -1, 2, 2});
  struct Case {
    bool max, last;
    int axis;
    bool keepdims;
    std::vector<double> want;
  };
  const std::vector<Case> cases = {
      {true, false, 1, true, {0, 2}},        {true, true, 1, false, {2, 3}},
      {false, false, 1, false, {3, 0}},      {false, true, -1, true, {3, 1}},
      {true, false, 0, false, {0, 0, 0, 1}}, {false, true, 0, true, {1, 1, 1, 0}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::Message() << (c.max ? "argmax" : "argmin") << " axis " << c.axis
                                      << (c.last ? " last" : " first"));
    const HostTensor got = run({in}, [&](Builder&, const std::vector<Tensor>& t) {
      return c.max ? ops::argmax(t[0], c.axis, c.keepdims, c.last)
                   : ops::argmin(t[0], c.axis, c.keepdims, c.last);
    });
    EXPECT_EQ(got.dtype, DType::kInt32);
    EXPECT_EQ(got.values, c.want);
    EXPECT_EQ(got.shape.size(), c.keepdims ? 2u : 1u);
  }
}

TEST_F(ReduceLogic, ArgMaxOfRandomValues) {
  const Shape s = {uniform(1, 3), uniform(2, 6), uniform(1, 3)};
  const std::vector<HostTensor> in = {random(s)};
  const HostTensor got =
      run(in, [](Builder&, const std::vector<Tensor>& t) { return ops::argmax(t[0], 1, false); });
  HostTensor want(DType::kInt32, {s[0], s[2]}, std::vector<double>(s[0] * s[2], -7));
  for (std::int64_t i = 0; i < s[0]; ++i)
    for (std::int64_t k = 0; k < s[2]; ++k) {
      std::int64_t best = 0;
      for (std::int64_t j = 1; j < s[1]; ++j) {
        if (at(in[0], {i, j, k}) > at(in[0], {i, best, k})) best = j;
      }
      at(want, {i, k}) = static_cast<double>(best);
    }
  EXPECT_EQ(got.values, want.values);
}

TEST_F(ReduceLogic, ComparisonsLogicWhereBroadcast) {
  const std::int64_t r = uniform(1, 3), c = uniform(2, 4);
  // Small integers as floats: equality happens often.
  HostTensor a = random({r, c}, -2.0, 2.0), b = random({c}, -2.0, 2.0);
  for (double& v : a.values) v = std::round(v);
  for (double& v : b.values) v = std::round(v);
  using Cmp = Tensor (*)(const Tensor&, const Tensor&);
  const std::vector<std::pair<Cmp, std::function<bool(double, double)>>> cmps = {
      {ops::equal, [](double x, double y) { return x == y; }},
      {ops::less, [](double x, double y) { return x < y; }},
      {ops::greater, [](double x, double y) { return x > y; }},
      {ops::less_equal, [](double x, double y) { return x <= y; }},
      {ops::greater_equal, [](double x, double y) { return x >= y; }},
  };
  for (std::size_t n = 0; n < cmps.size(); ++n) {
    SCOPED_TRACE(::testing::Message() << "comparison " << n);
    const HostTensor got = run(
        {a, b}, [&](Builder&, const std::vector<Tensor>& t) { return cmps[n].first(t[0], t[1]); });
    EXPECT_EQ(got.dtype, DType::kBool);
    std::vector<double> want;
    for (std::int64_t i = 0; i < r; ++i)
      for (std::int64_t j = 0; j < c; ++j)
        want.push_back(cmps[n].second(at(a, {i, j}), at(b, {j})));
    EXPECT_EQ(got.values, want);
  }
  const HostTensor p = random({r, c}, 0.0, 1.0, DType::kBool),
                   q = random({c}, 0.0, 1.0, DType::kBool);
  using Logic = Tensor (*)(const Tensor&, const Tensor&);
  const std::vector<std::pair<Logic, std::function<bool(bool, bool)>>> logic = {
      {ops::logical_and, [](bool x, bool y) { return x && y; }},
      {ops::logical_or, [](bool x, bool y) { return x || y; }},
      {ops::logical_xor, [](bool x, bool y) { return x != y; }},
  };
  for (std::size_t n = 0; n < logic.size(); ++n) {
    SCOPED_TRACE(::testing::Message() << "logic " << n);
    const HostTensor got = run(
        {p, q}, [&](Builder&, const std::vector<Tensor>& t) { return logic[n].first(t[0], t[1]); });
    std::vector<double> want;
    for (std::int64_t i = 0; i < r; ++i)
      for (std::int64_t j = 0; j < c; ++j) {
        want.push_back(logic[n].second(at(p, {i, j}) != 0, at(q, {j}) != 0));
      }
    EXPECT_EQ(got.values, want);
  }
  const HostTensor negated =
      run({p}, [](Builder&, const std::vector<Tensor>& t) { return ops::logical_not(t[0]); });
  for (std::size_t e = 0; e < p.values.size(); ++e) EXPECT_EQ(negated.values[e], 1 - p.values[e]);
  // where(cond [r, 1], a [r, c], b [c]).
  const HostTensor cond = random({r, 1}, 0.0, 1.0, DType::kBool);
  const HostTensor chosen = run({cond, a, b}, [](Builder&, const std::vector<Tensor>& t) {
    return ops::where(t[0], t[1], t[2]);
  });
  HostTensor want = poisoned({r, c});
  for (std::int64_t i = 0; i < r; ++i)
    for (std::int64_t j = 0; j < c; ++j) {
      at(want, {i, j}) = at(cond, {i, 0}) != 0 ? at(a, {i, j}) : at(b, {j});
    }
  expect_close(chosen, want, DType::kFloat32);
}

TEST_F(ReduceLogic, CastTruncatesAndTestsNonZero) {
  const HostTensor in(DType::kFloat32, {6}, {2.7, -2.7, 0.0, 0.4, -0.0, 1e10});
  const HostTensor ints = run(
      {in}, [](Builder&, const std::vector<Tensor>& t) { return ops::cast(t[0], DType::kInt32); });
  EXPECT_EQ(ints.values, (std::vector<double>{2, -2, 0, 0, 0, 2147483647}));
  const HostTensor bools = run(
      {in}, [](Builder&, const std::vector<Tensor>& t) { return ops::cast(t[0], DType::kBool); });
  EXPECT_EQ(bools.values, (std::vector<double>{1, 1, 0, 1, 0, 1}));
}

TEST_F(ReduceLogic, ExpandAndTile) {
  const std::int64_t a = uniform(1, 3), c = uniform(2, 4);
  const std::vector<HostTensor> in = {random({a, 1, c})};
  const std::int64_t b = uniform(2, 3);
  const HostTensor expanded = run(in, [&](Builder&, const std::vector<Tensor>& t) {
    return ops::expand(t[0], {2, 1, b, 1});
  });
  HostTensor want = poisoned({2, a, b, c});
  for (const auto& o : std::vector<std::int64_t>{0, 1})
    for (std::int64_t i = 0; i < a; ++i)
      for (std::int64_t j = 0; j < b; ++j)
        for (std::int64_t k = 0; k < c; ++k) at(want, {o, i, j, k}) = at(in[0], {i, 0, k});
  expect_close(expanded, want, DType::kFloat32);
  const std::vector<std::int64_t> reps = {2, 3, 1};
  const HostTensor tiled =
      run(in, [&](Builder&, const std::vector<Tensor>& t) { return ops::tile(t[0], reps); });
  HostTensor want_tiled = poisoned({2 * a, 3, c});
  for (std::int64_t i = 0; i < 2 * a; ++i)
    for (std::int64_t j = 0; j < 3; ++j)
      for (std::int64_t k = 0; k < c; ++k) at(want_tiled, {i, j, k}) = at(in[0], {i % a, 0, k});
  expect_close(tiled, want_tiled, DType::kFloat32);
}

TEST_F(ReduceLogic, RangeAndConstantOfShape) {
  const HostTensor ints = run({}, [](Builder& b, const std::vector<Tensor>&) {
    return ops::range(b, 10, 4, -3, DType::kInt32);
  });
  EXPECT_EQ(ints.dtype, DType::kInt32);
  EXPECT_EQ(ints.values, (std::vector<double>{10, 7}));
  const HostTensor floats = run({}, [](Builder& b, const std::vector<Tensor>&) {
    return ops::range(b, 1, 2.0, 0.25, DType::kFloat32);
  });
  EXPECT_EQ(floats.values, (std::vector<double>{1, 1.25, 1.5, 1.75}));
  const HostTensor filled = run({}, [](Builder& b, const std::vector<Tensor>&) {
    return ops::constant_of_shape(b, {2, 3}, 1.5, DType::kFloat32);
  });
  EXPECT_EQ(filled.shape, (Shape{2, 3}));
  EXPECT_EQ(filled.values, std::vector<double>(6, 1.5));
  Builder b;
  EXPECT_THROW(ops::range(b, 0, 5, 0, DType::kFloat32), Error);
  EXPECT_THROW(ops::range(b, 5, 0, 1, DType::kFloat32), Error);  // empty: no zero-size tensors
  EXPECT_THROW(ops::range(b, 0, 5, 0.5, DType::kInt32), Error);
}

// ONNX's documented example for DepthToSpace (DCR and CRD) and SpaceToDepth as its inverse.
TEST_F(ReduceLogic, DepthToSpaceAndBack) {
  const std::int64_t n = uniform(1, 2), c = uniform(1, 2), h = uniform(1, 3), w = uniform(1, 3);
  const std::int64_t bs = 2;
  const std::vector<HostTensor> in = {random({n, c * bs * bs, h, w})};
  for (const bool crd : {false, true}) {
    SCOPED_TRACE(crd ? "CRD" : "DCR");
    const HostTensor got = run(in, [&](Builder&, const std::vector<Tensor>& t) {
      return ops::depth_to_space(t[0], bs, crd);
    });
    HostTensor want = poisoned({n, c, h * bs, w * bs});
    for (std::int64_t b = 0; b < n; ++b)
      for (std::int64_t ch = 0; ch < c; ++ch)
        for (std::int64_t y = 0; y < h * bs; ++y)
          for (std::int64_t x = 0; x < w * bs; ++x) {
            const std::int64_t i = y % bs, j = x % bs;
            const std::int64_t src = crd ? ch * bs * bs + i * bs + j : (i * bs + j) * c + ch;
            at(want, {b, ch, y, x}) = at(in[0], {b, src, y / bs, x / bs});
          }
    expect_close(got, want, DType::kFloat32);
  }
  const HostTensor round_trip = run(in, [&](Builder&, const std::vector<Tensor>& t) {
    return ops::space_to_depth(ops::depth_to_space(t[0], bs), bs);
  });
  expect_close(round_trip, in[0], DType::kFloat32);
}

TEST_F(ReduceLogic, ErrorsNameTheOp) {
  Builder b;
  const Tensor f = b.input("f", DType::kFloat32, {2, 3});
  const Tensor g = b.input("g", DType::kFloat32, {4});
  const Tensor t = b.input("t", DType::kBool, {2, 3});
  const auto expect_error = [](const std::function<void()>& op, const std::string& fragment) {
    try {
      op();
      ADD_FAILURE() << "no error for " << fragment;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
      EXPECT_FALSE(e.hint().empty());
    }
  };
  expect_error([&] { ops::logical_and(f, t); }, "logical_and: f is float32, not bool");
  expect_error([&] { ops::where(f, f, f); }, "where: f is float32, not bool");
  expect_error([&] { ops::less(f, g); }, "less: the shapes [2, 3] and [4] do not broadcast");
  expect_error([&] { ops::expand(f, {4}); }, "expand: f [2, 3] does not broadcast to [4]");
  expect_error([&] { ops::tile(f, {2}); }, "tile: 1 repeat counts");
  expect_error([&] { ops::argmax(f, 2); }, "argmax: axis 2 is out of range");
  expect_error(
      [&] {
        ops::depth_to_space(b.input("x", DType::kFloat32, {1, 3, 2, 2}), 2);
      },
      "depth_to_space");
}

}  // namespace
}  // namespace tartan::optest
