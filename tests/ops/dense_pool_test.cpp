// Dense, matmul and pooling against plain loops on random shapes and values.
#include "op_test_util.h"
#include "tartan/ops/dense.h"
#include "tartan/ops/pool.h"

namespace tartan::optest {
namespace {

using ops::Padding;
using ops::Pool2DOptions;

class DensePool : public OpTest {};

TEST_F(DensePool, DenseOnRank3WithBias) {
  const std::int64_t a = uniform(1, 3), b = uniform(1, 4), k = uniform(1, 5), n = uniform(1, 4);
  const std::vector<HostTensor> in = {random({a, b, k}), random({k, n}), random({n})};
  const HostTensor got =
      run(in, [](Builder&, const std::vector<Tensor>& t) { return ops::dense(t[0], t[1], t[2]); });
  HostTensor want = poisoned({a, b, n});
  for (std::int64_t i = 0; i < a; ++i)
    for (std::int64_t j = 0; j < b; ++j)
      for (std::int64_t o = 0; o < n; ++o) {
        double acc = in[2].values[static_cast<std::size_t>(o)];
        for (std::int64_t q = 0; q < k; ++q) acc += at(in[0], {i, j, q}) * at(in[1], {q, o});
        at(want, {i, j, o}) = acc;
      }
  expect_close(got, want, DType::kFloat32);
}

TEST_F(DensePool, BatchedAndSharedMatmul) {
  const std::int64_t batch = uniform(1, 3), m = uniform(1, 4), k = uniform(1, 4), n = uniform(1, 4);
  for (const bool shared : {false, true}) {
    SCOPED_TRACE(shared ? "shared right operand" : "batched right operand");
    const Shape bs = shared ? Shape{k, n} : Shape{batch, k, n};
    const std::vector<HostTensor> in = {random({batch, m, k}), random(bs)};
    const HostTensor got =
        run(in, [](Builder&, const std::vector<Tensor>& t) { return ops::matmul(t[0], t[1]); });
    HostTensor want = poisoned({batch, m, n});
    for (std::int64_t p = 0; p < batch; ++p)
      for (std::int64_t i = 0; i < m; ++i)
        for (std::int64_t j = 0; j < n; ++j) {
          double acc = 0;
          for (std::int64_t q = 0; q < k; ++q) {
            acc += at(in[0], {p, i, q}) * (shared ? at(in[1], {q, j}) : at(in[1], {p, q, j}));
          }
          at(want, {p, i, j}) = acc;
        }
    expect_close(got, want, DType::kFloat32);
  }
}

// Max or mean over the in-bounds part of each window; the count excludes padding.
HostTensor naive_pool(const HostTensor& x, const Pool2DOptions& o, bool average) {
  const std::int64_t N = x.shape[0], H = x.shape[1], W = x.shape[2], C = x.shape[3];
  const Geometry gy = geometry(H, o.pool_size[0], o.strides[0], o.dilation[0], o.padding, true);
  const Geometry gx = geometry(W, o.pool_size[1], o.strides[1], o.dilation[1], o.padding, false);
  HostTensor out = poisoned({N, gy.out, gx.out, C});
  for (std::int64_t n = 0; n < N; ++n)
    for (std::int64_t y = 0; y < gy.out; ++y)
      for (std::int64_t xo = 0; xo < gx.out; ++xo)
        for (std::int64_t c = 0; c < C; ++c) {
          double acc = average ? 0.0 : -std::numeric_limits<double>::infinity();
          int count = 0;
          for (std::int64_t i = 0; i < o.pool_size[0]; ++i)
            for (std::int64_t j = 0; j < o.pool_size[1]; ++j) {
              const std::int64_t iy = y * o.strides[0] + i * o.dilation[0] - gy.before;
              const std::int64_t ix = xo * o.strides[1] + j * o.dilation[1] - gx.before;
              if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
              const double v = at(x, {n, iy, ix, c});
              acc = average ? acc + v : std::max(acc, v);
              ++count;
            }
          at(out, {n, y, xo, c}) = average ? acc / count : acc;
        }
  return out;
}

class Pool : public OpTest {
 protected:
  void check(const Pool2DOptions& o, std::int64_t h, std::int64_t w) {
    SCOPED_TRACE(::testing::Message()
                 << "H=" << h << " W=" << w << " pool=" << o.pool_size[0] << "x" << o.pool_size[1]
                 << " strides=" << o.strides[0] << "," << o.strides[1]
                 << " dilation=" << o.dilation[0] << "," << o.dilation[1]
                 << " padding kind=" << static_cast<int>(o.padding.kind));
    const std::vector<HostTensor> in = {random({2, h, w, uniform(1, 3)})};
    for (const bool average : {false, true}) {
      const HostTensor got = run(in, [&](Builder&, const std::vector<Tensor>& t) {
        return average ? ops::avg_pool2d(t[0], o) : ops::max_pool2d(t[0], o);
      });
      expect_close(got, naive_pool(in[0], o, average), DType::kFloat32);
    }
  }
};

TEST_F(Pool, RandomWindows) {
  for (int round = 0; round < 4; ++round) {
    Pool2DOptions o;
    o.pool_size = {uniform(1, 3), uniform(1, 3)};
    o.strides = {uniform(1, 3), uniform(1, 3)};
    o.padding = uniform(0, 1) == 1 ? Padding::same() : Padding::valid();
    check(o, uniform(3, 8), uniform(3, 8));
  }
}

// ONNX's pools: explicit (asymmetric) padding, skipped by max and excluded from the average,
// and dilated windows.
TEST_F(Pool, ExplicitPaddingAndDilation) {
  for (int round = 0; round < 4; ++round) {
    Pool2DOptions o;
    o.pool_size = {uniform(1, 3), uniform(1, 3)};
    o.strides = {uniform(1, 2), uniform(1, 2)};
    o.dilation = {uniform(1, 2), uniform(1, 2)};
    // At most the window's span less one, so every window reaches into the input.
    const std::int64_t ry = std::min<std::int64_t>(2, (o.pool_size[0] - 1) * o.dilation[0]);
    const std::int64_t rx = std::min<std::int64_t>(2, (o.pool_size[1] - 1) * o.dilation[1]);
    o.padding =
        Padding::explicit_amounts(uniform(0, ry), uniform(0, ry), uniform(0, rx), uniform(0, rx));
    check(o, uniform(5, 8), uniform(5, 8));
  }
}

TEST_F(Pool, SamePaddingIsExcludedFromTheAverage) {
  Pool2DOptions o;
  o.pool_size = {3, 2};
  o.strides = {1, 1};
  o.padding = Padding::same();
  check(o, 5, 4);
  o.strides = {2, 2};
  check(o, 7, 5);
}

TEST_F(Pool, StrideLargerThanWindowOnOddSizes) {
  Pool2DOptions o;
  o.pool_size = {2, 1};
  o.strides = {3, 2};
  check(o, 7, 5);
  o.padding = Padding::same();
  check(o, 7, 5);
}

TEST_F(Pool, GlobalPools) {
  const std::int64_t n = 2, h = uniform(1, 4), w = uniform(1, 4), c = uniform(1, 3);
  const std::vector<HostTensor> in = {random({n, h, w, c})};
  for (const bool keepdims : {false, true}) {
    for (const bool average : {false, true}) {
      const HostTensor got = run(in, [&](Builder&, const std::vector<Tensor>& t) {
        return average ? ops::global_avg_pool2d(t[0], keepdims)
                       : ops::global_max_pool2d(t[0], keepdims);
      });
      HostTensor want = poisoned(keepdims ? Shape{n, 1, 1, c} : Shape{n, c});
      for (std::int64_t b = 0; b < n; ++b)
        for (std::int64_t k = 0; k < c; ++k) {
          double acc = average ? 0.0 : -std::numeric_limits<double>::infinity();
          for (std::int64_t y = 0; y < h; ++y)
            for (std::int64_t x = 0; x < w; ++x) {
              acc =
                  average ? acc + at(in[0], {b, y, x, k}) : std::max(acc, at(in[0], {b, y, x, k}));
            }
          want.values[static_cast<std::size_t>(b * c + k)] = average ? acc / (h * w) : acc;
        }
      expect_close(got, want, DType::kFloat32);
    }
  }
}

}  // namespace
}  // namespace tartan::optest
