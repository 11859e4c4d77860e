// Broadcast batched matmul, 1-D operands and einsum against loops over every index.
#include "op_test_util.h"
#include "tartan/ops/dense.h"
#include "tartan/ops/einsum.h"
#include "tartan/support/error.h"

namespace tartan::optest {
namespace {

// Index of `idx` (an index of the broadcast shape, right-aligned) into a tensor of shape `s`.
std::vector<std::int64_t> broadcast_index(const Shape& s, const std::vector<std::int64_t>& idx) {
  std::vector<std::int64_t> r;
  const std::size_t skip = idx.size() - s.size();
  for (std::size_t d = 0; d < s.size(); ++d) r.push_back(s[d] == 1 ? 0 : idx[skip + d]);
  return r;
}

// Every index of `s` in row-major order.
std::vector<std::vector<std::int64_t>> all_indices(const Shape& s) {
  std::vector<std::vector<std::int64_t>> r;
  std::vector<std::int64_t> idx(s.size(), 0);
  for (std::int64_t n = 0; n < num_elements(s); ++n) {
    r.push_back(idx);
    for (std::size_t d = s.size(); d-- > 0;) {
      if (++idx[d] < s[d]) break;
      idx[d] = 0;
    }
  }
  return r;
}

class MatmulEinsum : public OpTest {};

TEST_F(MatmulEinsum, MatmulBroadcastsBatchDimensions) {
  const std::int64_t m = uniform(1, 4), k = uniform(1, 5), n = uniform(1, 4), p = uniform(2, 3);
  const std::vector<std::pair<Shape, Shape>> batches = {
      {{p}, {p}}, {{p, 1}, {1, 3}}, {{}, {2, p}}, {{2, 1, p}, {p}}, {{1}, {}}};
  for (const auto& [ab, bb] : batches) {
    SCOPED_TRACE(shape_str(ab) + " x " + shape_str(bb));
    Shape as = ab, bs = bb, batch;
    as.insert(as.end(), {m, k});
    bs.insert(bs.end(), {k, n});
    ASSERT_TRUE(broadcast_shapes(ab, bb, &batch));
    const std::vector<HostTensor> in = {random(as), random(bs)};
    const HostTensor got =
        run(in, [](Builder&, const std::vector<Tensor>& t) { return ops::matmul(t[0], t[1]); });
    Shape os = batch;
    os.insert(os.end(), {m, n});
    HostTensor want = poisoned(os);
    for (const std::vector<std::int64_t>& o : all_indices(os)) {
      const std::vector<std::int64_t> bi(o.begin(), o.end() - 2);
      std::vector<std::int64_t> ai = broadcast_index(ab, bi), bj = broadcast_index(bb, bi);
      double acc = 0;
      for (std::int64_t q = 0; q < k; ++q) {
        std::vector<std::int64_t> x = ai, y = bj;
        x.insert(x.end(), {o[o.size() - 2], q});
        y.insert(y.end(), {q, o.back()});
        acc += at(in[0], x) * at(in[1], y);
      }
      at(want, o) = acc;
    }
    expect_close(got, want, DType::kFloat32);
  }
}

TEST_F(MatmulEinsum, MatmulOneDimensionalOperands) {
  const std::int64_t k = uniform(1, 6), n = uniform(1, 4), p = uniform(1, 3);
  const std::vector<HostTensor> v = {random({k}), random({k})};
  const HostTensor dot =
      run(v, [](Builder&, const std::vector<Tensor>& t) { return ops::matmul(t[0], t[1]); });
  HostTensor want = poisoned({});
  want.values[0] = 0;
  for (std::int64_t q = 0; q < k; ++q) want.values[0] += v[0].values[q] * v[1].values[q];
  expect_close(dot, want, DType::kFloat32);
  // [K] x [P, K, N] -> [P, N] and [P, N, K] x [K] -> [P, N].
  const std::vector<HostTensor> left = {random({k}), random({p, k, n})};
  const HostTensor row =
      run(left, [](Builder&, const std::vector<Tensor>& t) { return ops::matmul(t[0], t[1]); });
  HostTensor want_row = poisoned({p, n});
  for (std::int64_t b = 0; b < p; ++b)
    for (std::int64_t j = 0; j < n; ++j) {
      double acc = 0;
      for (std::int64_t q = 0; q < k; ++q) acc += at(left[0], {q}) * at(left[1], {b, q, j});
      at(want_row, {b, j}) = acc;
    }
  expect_close(row, want_row, DType::kFloat32);
  const std::vector<HostTensor> right = {random({p, n, k}), random({k})};
  const HostTensor col =
      run(right, [](Builder&, const std::vector<Tensor>& t) { return ops::matmul(t[0], t[1]); });
  HostTensor want_col = poisoned({p, n});
  for (std::int64_t b = 0; b < p; ++b)
    for (std::int64_t j = 0; j < n; ++j) {
      double acc = 0;
      for (std::int64_t q = 0; q < k; ++q) acc += at(right[0], {b, j, q}) * at(right[1], {q});
      at(want_col, {b, j}) = acc;
    }
  expect_close(col, want_col, DType::kFloat32);
}

// A generic einsum loop: every assignment of the letters, multiplied and summed into the output.
HostTensor einsum_loop(const std::vector<std::string>& terms, const std::string& out,
                       const std::vector<HostTensor>& in) {
  std::map<char, std::int64_t> size;
  for (std::size_t n = 0; n < terms.size(); ++n)
    for (std::size_t d = 0; d < terms[n].size(); ++d) size[terms[n][d]] = in[n].shape[d];
  std::vector<char> letters;
  Shape space, out_shape;
  for (const auto& [c, s] : size) {
    letters.push_back(c);
    space.push_back(s);
  }
  for (const char c : out) out_shape.push_back(size[c]);
  HostTensor want(DType::kFloat32, out_shape,
                  std::vector<double>(static_cast<std::size_t>(num_elements(out_shape)), 0.0));
  for (const std::vector<std::int64_t>& a : all_indices(space)) {
    const auto value = [&](char c) {
      return a[static_cast<std::size_t>(std::find(letters.begin(), letters.end(), c) -
                                        letters.begin())];
    };
    double term = 1;
    for (std::size_t n = 0; n < terms.size(); ++n) {
      std::vector<std::int64_t> idx;
      for (const char c : terms[n]) idx.push_back(value(c));
      term *= at(in[n], idx);
    }
    std::vector<std::int64_t> o;
    for (const char c : out) o.push_back(value(c));
    at(want, o) += term;
  }
  return want;
}

TEST_F(MatmulEinsum, EinsumContractionForms) {
  const std::int64_t i = uniform(1, 3), j = uniform(2, 4), k = uniform(1, 3), l = uniform(2, 3);
  struct Case {
    std::string equation;
    std::vector<std::string> terms;
    std::string out;
    std::vector<Shape> shapes;
  };
  const std::vector<Case> cases = {
      {"ij,jk->ik", {"ij", "jk"}, "ik", {{i, j}, {j, k}}},
      {"ij,jk", {"ij", "jk"}, "ik", {{i, j}, {j, k}}},  // implicit: ik
      {"bij,bjk->bik", {"bij", "bjk"}, "bik", {{l, i, j}, {l, j, k}}},
      {"ij->ji", {"ij"}, "ji", {{i, j}}},
      {"ij->", {"ij"}, "", {{i, j}}},
      {"i,i", {"i", "i"}, "", {{j}, {j}}},
      {"i,k->ik", {"i", "k"}, "ik", {{i}, {k}}},
      {"jj->j", {"jj"}, "j", {{j, j}}},
      {"bjj->bj", {"bjj"}, "bj", {{l, j, j}}},
      {"ij,jk,kl->il", {"ij", "jk", "kl"}, "il", {{i, j}, {j, k}, {k, l}}},
      {"ba , ab -> b", {"ba", "ab"}, "b", {{j, i}, {i, j}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.equation);
    std::vector<HostTensor> in;
    for (const Shape& s : c.shapes) in.push_back(random(s));
    const HostTensor got =
        run(in, [&](Builder&, const std::vector<Tensor>& t) { return ops::einsum(c.equation, t); });
    expect_close(got, einsum_loop(c.terms, c.out, in), DType::kFloat32);
  }
}

TEST_F(MatmulEinsum, EinsumEllipsisBroadcasts) {
  const std::int64_t i = uniform(1, 3), j = uniform(2, 4), k = uniform(1, 3), b = uniform(2, 3);
  // "...ij,...jk->...ik" with batch [b, 1] against [b2]: ... broadcasts to [b, b2].
  const std::vector<HostTensor> in = {random({b, 1, i, j}), random({2, j, k})};
  const HostTensor got = run(in, [](Builder&, const std::vector<Tensor>& t) {
    return ops::einsum("...ij,...jk->...ik", t);
  });
  HostTensor want = poisoned({b, 2, i, k});
  for (const std::vector<std::int64_t>& o : all_indices(want.shape)) {
    double acc = 0;
    for (std::int64_t q = 0; q < j; ++q) {
      acc += at(in[0], {o[0], 0, o[2], q}) * at(in[1], {o[1], q, o[3]});
    }
    at(want, o) = acc;
  }
  expect_close(got, want, DType::kFloat32);
  // Implicit output with an ellipsis: "...ii" -> the diagonal's ... then nothing (summed).
  const std::vector<HostTensor> diag = {random({b, j, j})};
  const HostTensor trace =
      run(diag, [](Builder&, const std::vector<Tensor>& t) { return ops::einsum("...ii", t); });
  HostTensor want_trace = poisoned({b});
  for (std::int64_t n = 0; n < b; ++n) {
    double acc = 0;
    for (std::int64_t q = 0; q < j; ++q) acc += at(diag[0], {n, q, q});
    at(want_trace, {n}) = acc;
  }
  expect_close(trace, want_trace, DType::kFloat32);
}

TEST_F(MatmulEinsum, EinsumErrorsNameTheEquation) {
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {2, 3});
  const Tensor y = b.input("y", DType::kFloat32, {4, 5});
  const auto expect_error = [&](const std::string& eq, const std::vector<Tensor>& xs,
                                const std::string& fragment) {
    SCOPED_TRACE(eq);
    try {
      ops::einsum(eq, xs);
      ADD_FAILURE() << "no error";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(eq), std::string::npos) << e.what();
      EXPECT_FALSE(e.hint().empty());
    }
  };
  expect_error("ij,jk->ik", {x, y}, "'j' is 3 in one place and 4");
  expect_error("ij->ik", {x}, "'k' is in no input term");
  expect_error("ij->ii", {x}, "repeats 'i'");
  expect_error("ijk->i", {x}, "3 subscripts");
  expect_error("ij,jk->ik", {x}, "2 terms for 1 operands");
  expect_error("i1->i", {x}, "'1' is not a subscript");
  expect_error("i..j.->", {x}, "stray '.'");
}

TEST_F(MatmulEinsum, MatmulErrors) {
  Builder b;
  const Tensor a = b.input("a", DType::kFloat32, {2, 3, 4});
  const Tensor c = b.input("c", DType::kFloat32, {3, 4, 5});
  const Tensor d = b.input("d", DType::kFloat32, {2, 5, 4});
  EXPECT_THROW(ops::matmul(a, c), Error);  // batch 2 vs 3
  EXPECT_THROW(ops::matmul(a, d), Error);  // inner 4 vs 5
}

}  // namespace
}  // namespace tartan::optest
