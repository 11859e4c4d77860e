#include "tartan/passes/winograd.h"

#include <limits>

#include "passes/passes_test_util.h"
#include "tartan/passes/dce.h"
#include "tartan/passes/infer_shapes.h"

namespace tartan {
namespace {

using namespace tartan::testing;

// O[n, y, x, k] = +(I[n, y + i - pad, x + j - pad, c] * W[i, j, c, k]) with `stride` and
// `dilation`, output size (H + 2 pad - (dilation * (kh - 1) + 1)) / stride + 1: padding folded
// into the offsets, as fold_padding leaves a convolution.
TensorId conv(Program* p, const std::string& name, TensorId in, TensorId w, std::int64_t pad,
              std::int64_t stride = 1, std::int64_t dilation = 1) {
  const Shape& is = p->tensor(in).shape;
  const Shape& ws = p->tensor(w).shape;
  const auto out = [&](std::int64_t size, std::int64_t kernel) {
    return (size + 2 * pad - (dilation * (kernel - 1) + 1)) / stride + 1;
  };
  return p->add_contraction(name, {is[0], out(is[1], ws[0]), out(is[2], ws[1]), ws[3]},
                            contraction({"n", "y", "x", "k", "i", "j", "c"},
                                        {ix(0), ix(1), ix(2), ix(3)}, AggOp::kSum, CombOp::kMul,
                                        {{in,
                                          {ix(0), ix(1, stride) + ix(4, dilation) - k(pad),
                                           ix(2, stride) + ix(5, dilation) - k(pad), ix(6)}},
                                         {w, {ix(4), ix(5), ix(6), ix(3)}}}));
}

// Every convolution, whatever its size and cost (even where it adds multiplications: a 1x1
// output computes a whole 2x2 tile).
WinogradOptions always() { return {true, 1, 1, -std::numeric_limits<double>::infinity()}; }

struct Case {
  std::int64_t n, h, w, c, k, pad;
  bool bias_relu;
};

// The program: X -> conv (-> + bias -> relu) -> output.
Program conv_program(std::mt19937_64& rng, const Case& t) {
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {t.n, t.h, t.w, t.c});
  TensorId y = conv(&p, "conv", x, random_constant(&p, rng, "W", {3, 3, t.c, t.k}), t.pad);
  if (t.bias_relu) {
    y = p.add_elementwise("biased", EwOp::kAdd, {y, random_constant(&p, rng, "B", {t.k})});
    y = p.add_elementwise("relu", EwOp::kRelu, {y});
  }
  p.add_output(y);
  return p;
}

std::size_t contractions(const Program& p) { return count_ops(p, 0); }

// Odd and even sizes, same and valid padding, channel counts that are not multiples of 4,
// with and without the fused bias + ReLU: the pipeline with Winograd on, each kernel run over
// a NaN-filled simulated arena (an element no kernel writes stays NaN and fails), against the
// reference executor of the original program.
TEST(Winograd, RandomConvolutionsMatchTheReference) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  const Case cases[] = {{2, 5, 7, 3, 5, 1, false}, {1, 6, 5, 5, 6, 0, true},
                        {1, 7, 7, 6, 3, 1, true},  {3, 4, 4, 2, 7, 0, false},
                        {1, 3, 8, 9, 1, 1, true},  {2, 1, 1, 3, 2, 1, false}};
  for (const Case& t : cases) {
    SCOPED_TRACE(::testing::Message() << "N H W C K pad = " << t.n << " " << t.h << " " << t.w
                                      << " " << t.c << " " << t.k << " " << t.pad);
    const Program p = conv_program(seeded.rng, t);
    PipelineOptions options;
    options.winograd = always();
    const LoweredProgram lp = run_pipeline(p, options);
    EXPECT_EQ(contractions(lp.program), 3u);  // V, M, O
    // The output transform keeps the convolution's epilogue: bias and ReLU fuse into it.
    ASSERT_EQ(lp.kernels.size(), 3u);
    EXPECT_EQ(lp.kernels.back().ops.size(), t.bias_relu ? 3u : 1u);
    const std::vector<HostTensor> inputs = random_inputs(p, seeded.rng);
    const HostTensor want = reference_run(p, inputs).at(0);
    const HostTensor got = run_planned(lp, inputs).at(0);
    ASSERT_EQ(got.shape, want.shape);
    // U = G W G^T is rounded to float32 once; everything else is float64 here.
    EXPECT_LT(relative_error(got, want), 1e-6);
  }
}

TEST(Winograd, OffByDefault) {
  Seeded seeded;
  Program p = conv_program(seeded.rng, {1, 6, 6, 4, 4, 1, false});
  expect_unchanged(&p, [](Program* q) { winograd(q, {}); });
}

// Only 3x3, stride-1, undilated sums of products with constant float32 weights.
TEST(Winograd, AppliesOnlyToStrideOne3x3ConvolutionsWithConstantWeights) {
  Seeded seeded;
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {1, 9, 9, 4});
  p.add_output(conv(&p, "strided", x, random_constant(&p, seeded.rng, "W1", {3, 3, 4, 4}), 1, 2));
  p.add_output(
      conv(&p, "dilated", x, random_constant(&p, seeded.rng, "W2", {3, 3, 4, 4}), 2, 1, 2));
  p.add_output(conv(&p, "five", x, random_constant(&p, seeded.rng, "W3", {5, 5, 4, 4}), 2));
  p.add_output(conv(&p, "one", x, random_constant(&p, seeded.rng, "W4", {1, 1, 4, 4}), 0));
  const TensorId w_in = p.add_input("Win", DType::kFloat32, {3, 3, 4, 4});
  p.add_output(conv(&p, "weights_input", x, w_in, 1));
  // Max over products is not a convolution.
  const TensorId w6 = random_constant(&p, seeded.rng, "W6", {3, 3, 4, 4});
  p.add_output(
      p.add_contraction("max", {1, 7, 7, 4},
                        contraction({"n", "y", "x", "k", "i", "j", "c"},
                                    {ix(0), ix(1), ix(2), ix(3)}, AggOp::kMax, CombOp::kMul,
                                    {{x, {ix(0), ix(1) + ix(4), ix(2) + ix(5), ix(6)}},
                                     {w6, {ix(4), ix(5), ix(6), ix(3)}}})));
  expect_unchanged(&p, [](Program* q) { winograd(q, always()); });

  // The same input through a plain 3x3 convolution is rewritten.
  Program q;
  const TensorId xq = q.add_input("X", DType::kFloat32, {1, 9, 9, 4});
  q.add_output(conv(&q, "conv", xq, random_constant(&q, seeded.rng, "W", {3, 3, 4, 4}), 1));
  const Program before = q;
  winograd(&q, always());
  dce(&q);
  infer_shapes(q);
  EXPECT_EQ(contractions(q), 3u);
  expect_equivalent(before, q, seeded.rng, 1e-6);
}

// The cost rule: channels, tiles, and FLOPs saved per extra byte, 0.3125 C K / (C + K) for
// the tile counts here (C = K = 64: 10; C = K = 128: 20).
TEST(Winograd, CostRuleDecides) {
  Seeded seeded;
  const auto rewritten = [&](std::int64_t n, std::int64_t hw, std::int64_t ch,
                             const WinogradOptions& o) {
    Program p;
    const TensorId x = p.add_input("X", DType::kFloat32, {n, hw, hw, ch});
    p.add_output(conv(&p, "conv", x, random_constant(&p, seeded.rng, "W", {3, 3, ch, ch}), 1));
    winograd(&p, o);
    return contractions(p) == 3;
  };
  const WinogradOptions rule{true, 64, 16, 16.0};
  EXPECT_TRUE(rewritten(1, 8, 128, rule));   // 16 tiles, ratio 20
  EXPECT_FALSE(rewritten(1, 8, 64, rule));   // ratio 10
  EXPECT_FALSE(rewritten(1, 6, 128, rule));  // 9 tiles
  EXPECT_TRUE(rewritten(4, 4, 128, rule));   // 4 images x 2 x 2 tiles
  // 3x3 outputs in 2 x 2 tiles of 2x2: 7 of 16 outputs computed in vain, ratio 4.25.
  EXPECT_FALSE(rewritten(4, 3, 128, rule));
  EXPECT_FALSE(rewritten(1, 8, 32, WinogradOptions{true, 64, 1, 0.0}));
  EXPECT_TRUE(rewritten(1, 8, 32, WinogradOptions{true, 32, 1, 0.0}));
}

}  // namespace
}  // namespace tartan
