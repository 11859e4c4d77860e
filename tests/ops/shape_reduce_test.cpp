// Shape ops and reductions against plain loops on random shapes and values.
#include <algorithm>
#include <numeric>

#include "op_test_util.h"
#include "tartan/ops/reduce.h"
#include "tartan/ops/shape.h"

namespace tartan::optest {
namespace {

class ShapeOps : public OpTest {};

TEST_F(ShapeOps, ConcatenateThreeOnAMiddleAxis) {
  const std::int64_t a = uniform(1, 3), c = uniform(1, 3);
  const std::vector<std::int64_t> widths = {uniform(1, 3), uniform(1, 3), uniform(1, 3)};
  std::vector<HostTensor> in;
  for (const std::int64_t w : widths) in.push_back(random({a, w, c}));
  const HostTensor got =
      run(in, [](Builder&, const std::vector<Tensor>& t) { return ops::concatenate(t, 1); });
  const std::int64_t total = widths[0] + widths[1] + widths[2];
  HostTensor want = poisoned({a, total, c});
  std::int64_t start = 0;
  for (std::size_t p = 0; p < 3; ++p) {
    for (std::int64_t i = 0; i < a; ++i)
      for (std::int64_t j = 0; j < widths[p]; ++j)
        for (std::int64_t k = 0; k < c; ++k) at(want, {i, start + j, k}) = at(in[p], {i, j, k});
    start += widths[p];
  }
  expect_close(got, want, DType::kFloat32);
}

TEST_F(ShapeOps, ZeroPaddingAndCroppingAsymmetric) {
  const Shape s = {2, uniform(2, 4), uniform(2, 4), uniform(1, 2)};
  const std::vector<HostTensor> in = {random(s)};
  const std::int64_t t = 1, b = 2, l = 0, r = 3;
  HostTensor padded = run(in, [&](Builder&, const std::vector<Tensor>& x) {
    return ops::zero_padding2d(x[0], t, b, l, r);
  });
  HostTensor want = poisoned({s[0], s[1] + t + b, s[2] + l + r, s[3]});
  for (std::int64_t n = 0; n < want.shape[0]; ++n)
    for (std::int64_t y = 0; y < want.shape[1]; ++y)
      for (std::int64_t x = 0; x < want.shape[2]; ++x)
        for (std::int64_t c = 0; c < want.shape[3]; ++c) {
          const bool inside = y >= t && y < t + s[1] && x >= l && x < l + s[2];
          at(want, {n, y, x, c}) = inside ? at(in[0], {n, y - t, x - l, c}) : 0.0;
        }
  expect_close(padded, want, DType::kFloat32);
  // Cropping the padding off again gives back the input.
  const HostTensor cropped = run({padded}, [&](Builder&, const std::vector<Tensor>& x) {
    return ops::cropping2d(x[0], t, b, l, r);
  });
  expect_close(cropped, in[0], DType::kFloat32);
}

TEST_F(ShapeOps, SliceReshapeFlatten) {
  const Shape s = {uniform(1, 3), uniform(3, 5), uniform(1, 3)};
  const std::vector<HostTensor> in = {random(s)};
  const std::int64_t start = uniform(0, 1), size = uniform(1, s[1] - start);
  const HostTensor sliced = run(in, [&](Builder&, const std::vector<Tensor>& x) {
    return ops::slice(x[0], -2, start, size);
  });
  HostTensor want = poisoned({s[0], size, s[2]});
  for (std::int64_t i = 0; i < s[0]; ++i)
    for (std::int64_t j = 0; j < size; ++j)
      for (std::int64_t k = 0; k < s[2]; ++k) at(want, {i, j, k}) = at(in[0], {i, start + j, k});
  expect_close(sliced, want, DType::kFloat32);

  // Row-major reshapes keep the values in order.
  const HostTensor flat =
      run(in, [](Builder&, const std::vector<Tensor>& x) { return ops::flatten(x[0]); });
  expect_close(flat, HostTensor(DType::kFloat32, {s[0], s[1] * s[2]}, in[0].values),
               DType::kFloat32);
  const HostTensor re = run(in, [&](Builder&, const std::vector<Tensor>& x) {
    return ops::reshape(x[0], {-1, s[0]});
  });
  expect_close(re, HostTensor(DType::kFloat32, {s[1] * s[2], s[0]}, in[0].values), DType::kFloat32);
}

TEST_F(ShapeOps, TransposeRank4) {
  const Shape s = {uniform(1, 3), uniform(1, 3), uniform(1, 3), uniform(1, 3)};
  std::vector<int> perm = {0, 1, 2, 3};
  std::shuffle(perm.begin(), perm.end(), rng_);
  SCOPED_TRACE(::testing::Message() << "perm " << perm[0] << perm[1] << perm[2] << perm[3]);
  const std::vector<HostTensor> in = {random(s)};
  const HostTensor got =
      run(in, [&](Builder&, const std::vector<Tensor>& x) { return ops::transpose(x[0], perm); });
  Shape os;
  for (const int d : perm) os.push_back(s[static_cast<std::size_t>(d)]);
  HostTensor want = poisoned(os);
  std::vector<std::int64_t> i(4), o(4);
  for (i[0] = 0; i[0] < s[0]; ++i[0])
    for (i[1] = 0; i[1] < s[1]; ++i[1])
      for (i[2] = 0; i[2] < s[2]; ++i[2])
        for (i[3] = 0; i[3] < s[3]; ++i[3]) {
          for (std::size_t d = 0; d < 4; ++d) o[d] = i[static_cast<std::size_t>(perm[d])];
          at(want, o) = at(in[0], i);
        }
  expect_close(got, want, DType::kFloat32);
}

TEST_F(ShapeOps, Reductions) {
  const Shape s = {uniform(1, 3), uniform(1, 4), uniform(1, 3)};
  const std::vector<HostTensor> in = {random(s)};
  const std::vector<std::vector<int>> axis_sets = {{1}, {0, 2}, {-1}, {0, 1, 2}};
  for (const auto& axes : axis_sets) {
    std::vector<bool> reduced(3, false);
    for (const int a : axes) reduced[static_cast<std::size_t>(a < 0 ? a + 3 : a)] = true;
    for (const bool keepdims : {false, true}) {
      for (int kind = 0; kind < 4; ++kind) {  // sum, mean, max, min
        SCOPED_TRACE(::testing::Message() << "axes " << axes.size() << " first " << axes[0]
                                          << " keepdims " << keepdims << " kind " << kind);
        const HostTensor got = run(in, [&](Builder&, const std::vector<Tensor>& x) {
          switch (kind) {
            case 0:
              return ops::reduce_sum(x[0], axes, keepdims);
            case 1:
              return ops::reduce_mean(x[0], axes, keepdims);
            case 2:
              return ops::reduce_max(x[0], axes, keepdims);
            default:
              return ops::reduce_min(x[0], axes, keepdims);
          }
        });
        // Accumulate into the kept-dims shape, then drop the size-1 axes if asked.
        Shape ks;
        std::int64_t count = 1;
        for (std::size_t d = 0; d < 3; ++d) {
          ks.push_back(reduced[d] ? 1 : s[d]);
          if (reduced[d]) count *= s[d];
        }
        const double init = kind == 2   ? -std::numeric_limits<double>::infinity()
                            : kind == 3 ? std::numeric_limits<double>::infinity()
                                        : 0.0;
        HostTensor want(DType::kFloat32, ks,
                        std::vector<double>(static_cast<std::size_t>(num_elements(ks)), init));
        std::vector<std::int64_t> i(3), o(3);
        for (i[0] = 0; i[0] < s[0]; ++i[0])
          for (i[1] = 0; i[1] < s[1]; ++i[1])
            for (i[2] = 0; i[2] < s[2]; ++i[2]) {
              for (std::size_t d = 0; d < 3; ++d) o[d] = reduced[d] ? 0 : i[d];
              double& w = at(want, o);
              const double v = at(in[0], i);
              w = kind == 2 ? std::max(w, v) : kind == 3 ? std::min(w, v) : w + v;
            }
        if (kind == 1) {
          for (double& v : want.values) v /= static_cast<double>(count);
        }
        if (!keepdims) {
          Shape dropped;
          for (std::size_t d = 0; d < 3; ++d) {
            if (!reduced[d]) dropped.push_back(s[d]);
          }
          want.shape = dropped;
        }
        expect_close(got, want, DType::kFloat32);
      }
    }
  }
}

}  // namespace
}  // namespace tartan::optest
