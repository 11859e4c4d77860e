// Convolutions against plain loops on random shapes and values.
#include "tartan/ops/conv.h"

#include "op_test_util.h"

namespace tartan::optest {
namespace {

using ops::Conv2DOptions;
using ops::Padding;

// out[n, y, x, co] = bias[co] + sum over window and the group's channels, skipping padding.
HostTensor naive_conv(const HostTensor& x, const HostTensor& k, const HostTensor* bias,
                      const Conv2DOptions& o) {
  const std::int64_t N = x.shape[0], H = x.shape[1], W = x.shape[2];
  const std::int64_t KH = k.shape[0], KW = k.shape[1], CG = k.shape[2], F = k.shape[3];
  const Geometry gy = geometry(H, KH, o.strides[0], o.dilation[0], o.padding, true);
  const Geometry gx = geometry(W, KW, o.strides[1], o.dilation[1], o.padding, false);
  const std::int64_t FG = F / o.groups;
  HostTensor out = poisoned({N, gy.out, gx.out, F});
  for (std::int64_t n = 0; n < N; ++n)
    for (std::int64_t y = 0; y < gy.out; ++y)
      for (std::int64_t xo = 0; xo < gx.out; ++xo)
        for (std::int64_t f = 0; f < F; ++f) {
          const std::int64_t g = f / FG;
          double acc = bias ? bias->values[static_cast<std::size_t>(f)] : 0.0;
          for (std::int64_t i = 0; i < KH; ++i)
            for (std::int64_t j = 0; j < KW; ++j) {
              const std::int64_t iy = y * o.strides[0] + i * o.dilation[0] - gy.before;
              const std::int64_t ix = xo * o.strides[1] + j * o.dilation[1] - gx.before;
              if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
              for (std::int64_t c = 0; c < CG; ++c) {
                acc += at(x, {n, iy, ix, g * CG + c}) * at(k, {i, j, c, f});
              }
            }
          at(out, {n, y, xo, f}) = acc;
        }
  return out;
}

// out[n, y, x, c * M + m] = sum over the window of x[.., c] * k[i, j, c, m].
HostTensor naive_depthwise(const HostTensor& x, const HostTensor& k, const Conv2DOptions& o) {
  const std::int64_t N = x.shape[0], H = x.shape[1], W = x.shape[2], C = x.shape[3];
  const std::int64_t KH = k.shape[0], KW = k.shape[1], M = k.shape[3];
  const Geometry gy = geometry(H, KH, o.strides[0], o.dilation[0], o.padding, true);
  const Geometry gx = geometry(W, KW, o.strides[1], o.dilation[1], o.padding, false);
  HostTensor out = poisoned({N, gy.out, gx.out, C * M});
  for (std::int64_t n = 0; n < N; ++n)
    for (std::int64_t y = 0; y < gy.out; ++y)
      for (std::int64_t xo = 0; xo < gx.out; ++xo)
        for (std::int64_t c = 0; c < C; ++c)
          for (std::int64_t m = 0; m < M; ++m) {
            double acc = 0.0;
            for (std::int64_t i = 0; i < KH; ++i)
              for (std::int64_t j = 0; j < KW; ++j) {
                const std::int64_t iy = y * o.strides[0] + i * o.dilation[0] - gy.before;
                const std::int64_t ix = xo * o.strides[1] + j * o.dilation[1] - gx.before;
                if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
                acc += at(x, {n, iy, ix, c}) * at(k, {i, j, c, m});
              }
            at(out, {n, y, xo, c * M + m}) = acc;
          }
  return out;
}

class Conv : public OpTest {
 protected:
  void check_conv(std::int64_t h, std::int64_t w, std::int64_t cin, std::int64_t cout,
                  std::int64_t kh, std::int64_t kw, const Conv2DOptions& o, bool with_bias) {
    SCOPED_TRACE(::testing::Message()
                 << "H=" << h << " W=" << w << " Cin=" << cin << " Cout=" << cout << " K=" << kh
                 << "x" << kw << " stride=" << o.strides[0] << "," << o.strides[1]
                 << " dilation=" << o.dilation[0] << "," << o.dilation[1]
                 << " padding=" << static_cast<int>(o.padding.kind) << " groups=" << o.groups
                 << " bias=" << with_bias);
    const std::int64_t n = uniform(1, 2);
    std::vector<HostTensor> in = {random({n, h, w, cin}), random({kh, kw, cin / o.groups, cout})};
    if (with_bias) in.push_back(random({cout}));
    const HostTensor got = run(in, [&](Builder&, const std::vector<Tensor>& t) {
      return ops::conv2d(t[0], t[1], with_bias ? std::optional<Tensor>(t[2]) : std::nullopt, o);
    });
    expect_close(got, naive_conv(in[0], in[1], with_bias ? &in[2] : nullptr, o), DType::kFloat32);
  }
};

TEST_F(Conv, RandomShapesAndOptions) {
  for (int round = 0; round < 6; ++round) {
    Conv2DOptions o;
    o.strides = {uniform(1, 3), uniform(1, 3)};
    o.dilation = {uniform(1, 2), uniform(1, 2)};
    o.groups = uniform(1, 2);
    const int kind = static_cast<int>(uniform(0, 2));
    o.padding = kind == 0   ? Padding::valid()
                : kind == 1 ? Padding::same()
                            : Padding::explicit_amounts(uniform(0, 2), uniform(0, 2), uniform(0, 2),
                                                        uniform(0, 2));
    const std::int64_t kh = uniform(1, 3), kw = uniform(1, 3);
    check_conv(uniform(6, 9), uniform(6, 9), o.groups * uniform(1, 3), o.groups * uniform(1, 2), kh,
               kw, o, uniform(0, 1) == 1);
  }
}

TEST_F(Conv, StrideLargerThanKernel) {
  Conv2DOptions o;
  o.strides = {3, 4};
  check_conv(8, 9, 2, 3, 2, 1, o, true);
}

TEST_F(Conv, SamePaddingWithEvenKernelPadsBottomRight) {
  Conv2DOptions o;
  o.padding = Padding::same();
  check_conv(5, 6, 2, 2, 2, 4, o, false);
  o.strides = {2, 2};
  check_conv(7, 6, 2, 3, 4, 2, o, true);
}

TEST_F(Conv, AsymmetricExplicitPaddingAndDilation) {
  Conv2DOptions o;
  o.padding = Padding::explicit_amounts(2, 0, 1, 3);
  o.dilation = {2, 3};
  check_conv(7, 5, 3, 2, 3, 2, o, true);
}

TEST_F(Conv, GroupsReadOnlyTheirChannels) {
  Conv2DOptions o;
  o.groups = 3;
  o.padding = Padding::same();
  check_conv(5, 5, 6, 9, 3, 3, o, true);
}

TEST_F(Conv, DepthwiseWithMultiplier) {
  for (const std::int64_t m : {1, 3}) {
    Conv2DOptions o;
    o.strides = {uniform(1, 2), uniform(1, 2)};
    o.dilation = {uniform(1, 2), 1};
    o.padding = m == 1 ? Padding::valid() : Padding::same();
    const std::int64_t c = uniform(1, 3);
    const std::vector<HostTensor> in = {random({2, 7, 6, c}), random({3, 2, c, m}),
                                        random({c * m})};
    const HostTensor got = run(in, [&](Builder&, const std::vector<Tensor>& t) {
      return ops::depthwise_conv2d(t[0], t[1], t[2], o);
    });
    HostTensor want = naive_depthwise(in[0], in[1], o);
    for (std::size_t e = 0; e < want.values.size(); ++e) {
      want.values[e] += in[2].values[e % static_cast<std::size_t>(c * m)];
    }
    expect_close(got, want, DType::kFloat32);
  }
}

TEST_F(Conv, SeparableIsDepthwiseThenPointwise) {
  Conv2DOptions o;
  o.strides = {2, 2};
  o.padding = Padding::same();
  const std::int64_t c = 2, m = 2, f = 3;
  const std::vector<HostTensor> in = {random({1, 6, 5, c}), random({3, 3, c, m}),
                                      random({1, 1, c * m, f}), random({f})};
  const HostTensor got = run(in, [&](Builder&, const std::vector<Tensor>& t) {
    return ops::separable_conv2d(t[0], t[1], t[2], t[3], o);
  });
  const HostTensor depthwise = naive_depthwise(in[0], in[1], o);
  expect_close(got, naive_conv(depthwise, in[2], &in[3], Conv2DOptions{}), DType::kFloat32);
}

}  // namespace
}  // namespace tartan::optest
