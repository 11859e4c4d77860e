// Kernel FLOPs: the number of valid assignments of a contraction, not the box of its index
// ranges. Checked by hand on a matmul and a depthwise convolution (whose output index `c + m`
// couples two variables, and whose padding is folded into the bounds), and against brute-force
// enumeration with assignment_valid on spaces with strides, fractions and constraints.
#include "codegen/kernel_flops.h"

#include <gtest/gtest.h>

#include "tartan/codegen/kernel_writer.h"
#include "tartan/ir/bounds.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/conv.h"
#include "tartan/ops/dense.h"

namespace tartan {
namespace {

Affine ix(int var, std::int64_t coeff = 1) { return Affine::index(var, coeff); }
Affine k(std::int64_t c) { return Affine::constant(c); }

const Contraction& only_contraction(const LoweredProgram& l) {
  EXPECT_EQ(l.kernels.size(), 1u);
  return std::get<Contraction>(l.program.ops()[l.kernels[0].ops[0]]);
}

// What the writer reports is what kernel_flops counts.
double written_flops(const LoweredProgram& l) {
  return write_kernel(l, l.kernels[0], KernelPlan{}).flops;
}

TEST(KernelFlops, MatmulIsTwiceTheMultiplyAdds) {
  Builder b;
  b.output(
      ops::matmul(b.input("a", DType::kFloat32, {7, 13}), b.input("b", DType::kFloat32, {13, 5})));
  const LoweredProgram l = run_pipeline(b.build());
  const double want = 2.0 * 7 * 13 * 5;
  EXPECT_EQ(kernel_flops(l.program, l.kernels[0]), want);
  EXPECT_EQ(written_flops(l), want);
}

TEST(KernelFlops, DepthwiseConvolutionCountsOneChannelPerOutput) {
  // 3x3 depthwise with `same` padding at batch 4: for each output row y, the rows y + i - 1 in
  // [0, H) number 3 except at the two edges (2), so 3H - 2 (row, tap) pairs; likewise columns.
  constexpr std::int64_t N = 4, H = 6, W = 5, C = 16;
  Builder b;
  b.output(ops::depthwise_conv2d(b.input("x", DType::kFloat32, {N, H, W, C}),
                                 b.input("k", DType::kFloat32, {3, 3, C, 1}), {},
                                 {.padding = ops::Padding::same()}));
  const LoweredProgram l = run_pipeline(b.build());
  const Contraction& c = only_contraction(l);
  const double want = 2.0 * N * (3 * H - 2) * (3 * W - 2) * C;
  EXPECT_EQ(kernel_flops(l.program, l.kernels[0]), want);
  EXPECT_EQ(written_flops(l), want);
  // The count this replaces, output elements x the box of the variables the output does not
  // fix (i, j, and both c and m, since `c + m` fixes neither), is C times too high.
  const std::vector<IndexRange> r = derive_index_ranges(l.program, c);
  double old_count = 2.0 * N * H * W * C;
  for (std::size_t v = 0; v < r.size(); ++v) {
    if (c.index_names[v] != "n" && c.index_names[v] != "y" && c.index_names[v] != "x") {
      old_count *= static_cast<double>(r[v].size());
    }
  }
  EXPECT_GE(old_count, want * C);
}

double brute_force(const Program& p, const Contraction& c) {
  const std::vector<IndexRange> ranges = derive_index_ranges(p, c);
  std::vector<std::int64_t> values(ranges.size());
  double n = 0;
  const auto walk = [&](auto&& self, std::size_t v) -> void {
    if (v == ranges.size()) {
      std::int64_t offset = 0;
      n += assignment_valid(p, c, values, &offset) ? 1 : 0;
      return;
    }
    for (values[v] = ranges[v].lo; values[v] < ranges[v].hi; ++values[v]) self(self, v + 1);
  };
  walk(walk, 0);
  return n;
}

TEST(KernelFlops, IterationsEqualBruteForceEnumeration) {
  struct Case {
    const char* what;
    std::vector<std::string> names;
    Shape out;
    std::vector<Affine> out_idx;
    Shape in;
    std::vector<Affine> in_idx;
    std::vector<Constraint> constraints;
  };
  const std::vector<Case> cases = {
      {"strided window", {"y", "i"}, {3}, {ix(0)}, {8}, {ix(0, 2) + ix(1) - k(1)}, {{ix(1), 3}}},
      {"coupled output", {"c", "m"}, {6}, {ix(0, 2) + ix(1)}, {3, 2}, {ix(0), ix(1)}, {}},
      {"fractional input", {"x", "j"}, {4}, {ix(0)}, {5}, {(ix(0) + ix(1)) / 2}, {{ix(1), 4}}},
      {"triangle", {"i", "j"}, {5}, {ix(0)}, {5}, {ix(1)}, {{ix(0) - ix(1), 5}}},
      {"three coupled",
       {"a", "b", "c"},
       {4, 4},
       {ix(0) + ix(1), ix(1) + ix(2)},
       {3, 3, 3},
       {ix(0), ix(1), ix(2)},
       {{ix(0) + ix(2), 3}}},
  };
  for (const Case& t : cases) {
    Program p;
    const TensorId a = p.add_input("A", DType::kFloat32, t.in);
    Contraction c;
    c.index_names = t.names;
    c.output_indices = t.out_idx;
    c.comb = CombOp::kNone;
    c.inputs = {{a, t.in_idx}};
    c.constraints = t.constraints;
    const TensorId o = p.add_contraction("O", t.out, c);
    const Contraction& added = std::get<Contraction>(*p.producer(o));
    const double want = brute_force(p, added);
    EXPECT_GT(want, 0) << t.what;
    EXPECT_EQ(contraction_iterations(p, added), want) << t.what;
  }
}

}  // namespace
}  // namespace tartan
