// to_float16 against the float32 program it came from, on the reference executor: the same
// function within half precision, with every float tensor stored as float16.
#include "tartan/passes/to_float16.h"

#include "passes/passes_test_util.h"
#include "tartan/passes/pipeline.h"

namespace tartan {
namespace {

using namespace tartan::testing;

// Half's unit roundoff is 2^-11 ~ 4.9e-4; inputs and weights each carry one rounding, and a
// few layers of sums grow it, but far less than 1e-2 (norm-wise).
constexpr double kHalfTolerance = 1e-2;

// No float32 tensor is stored: literals are weak (they take the tensor's type), and a float32
// result (an int tensor meeting a float literal) is read only by its cast to float16.
void expect_no_float32(const Program& p) {
  std::vector<bool> cast_only(p.tensors().size(), true);
  for (const Op& op : p.ops()) {
    const auto* e = std::get_if<Elementwise>(&op);
    const bool to_half = e && e->op == EwOp::kCast && p.tensor(e->output).dtype == DType::kFloat16;
    for (TensorId t : op_inputs(op))
      cast_only[static_cast<std::size_t>(t)] = cast_only[static_cast<std::size_t>(t)] && to_half;
  }
  for (TensorId t : p.outputs()) cast_only[static_cast<std::size_t>(t)] = false;
  for (std::size_t t = 0; t < p.tensors().size(); ++t) {
    const TensorInfo& info = p.tensors()[t];
    if (info.kind == TensorKind::kLiteral || info.dtype != DType::kFloat32) continue;
    EXPECT_TRUE(info.kind == TensorKind::kIntermediate && cast_only[t]) << info.name;
  }
}

// Inputs for the float16 program (values a half holds exactly) and the same values typed for
// the float32 program.
struct Inputs {
  std::vector<HostTensor> half, single;
};
Inputs shared_inputs(const Program& half, std::mt19937_64& rng) {
  Inputs in;
  in.half = random_inputs(half, rng);
  for (HostTensor t : in.half) {
    if (t.dtype == DType::kFloat16) t.dtype = DType::kFloat32;
    in.single.push_back(std::move(t));
  }
  return in;
}

// conv -> batch norm -> relu6 -> depthwise -> dense-like contraction -> softmax-like exp/sum.
Program small_network(std::mt19937_64& rng) {
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {2, 6, 6, 3});
  TensorId y = conv2d(&p, "C1", x, random_constant(&p, rng, "K1", {3, 3, 3, 4}));
  y = relu6(&p, "R1", batch_norm(&p, rng, "BN1", y));
  y = depthwise2d(&p, "D1", y, random_constant(&p, rng, "KD", {2, 2, 4}));
  const TensorId flat = p.add_reshape("F", y, {2, 3 * 3 * 4});
  const TensorId w = random_constant(&p, rng, "W", {36, 5}, -0.3, 0.3);
  const TensorId logits =
      p.add_contraction("L", {2, 5},
                        contraction({"n", "o", "i"}, {ix(0), ix(1)}, AggOp::kSum, CombOp::kMul,
                                    {{flat, {ix(0), ix(2)}}, {w, {ix(2), ix(1)}}}));
  const TensorId e = p.add_elementwise("E", EwOp::kExp, {logits});
  const TensorId total = p.add_contraction(
      "S", {2, 1},
      contraction({"n", "o"}, {ix(0), k(0)}, AggOp::kSum, CombOp::kNone, {{e, {ix(0), ix(1)}}}));
  p.add_output(p.add_elementwise("P", EwOp::kDiv, {e, total}));
  p.add_output(y);
  return p;
}

TEST(ToFloat16, NetworkMatchesTheFloat32ProgramWithinHalfPrecision) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  const Program single = small_network(seeded.rng);
  const Program half = to_float16(single);
  expect_no_float32(half);
  ASSERT_EQ(half.outputs().size(), single.outputs().size());
  for (std::size_t o = 0; o < half.outputs().size(); ++o) {
    EXPECT_EQ(half.tensor(half.outputs()[o]).dtype, DType::kFloat16);
    EXPECT_EQ(half.tensor(half.outputs()[o]).shape, single.tensor(single.outputs()[o]).shape);
  }
  // The weights really are rounded: their values are now halves, and differ from the floats.
  const TensorInfo& k1 = half.tensor(*half.find("K1"));
  const TensorInfo& k1_single = single.tensor(*single.find("K1"));
  ASSERT_EQ(k1.dtype, DType::kFloat16);
  double max_rounding = 0;
  for (std::size_t i = 0; i < k1.data->size(); ++i) {
    const double want = k1_single.data->at(i), got = k1.data->at(i);
    EXPECT_LE(std::abs(got - want), std::abs(want) * 0x1p-11 + 0x1p-25) << i;
    max_rounding = std::max(max_rounding, std::abs(got - want));
  }
  EXPECT_GT(max_rounding, 0);

  for (int trial = 0; trial < 3; ++trial) {
    const Inputs in = shared_inputs(half, seeded.rng);
    const std::vector<HostTensor> want = reference_run(single, in.single);
    const std::vector<HostTensor> got = reference_run(half, in.half);
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t o = 0; o < want.size(); ++o) {
      const double error = relative_error(got[o], want[o]);
      EXPECT_LT(error, kHalfTolerance) << "output " << o;
      EXPECT_GT(error, 0) << "output " << o << ": identical, so nothing was rounded";
    }
  }
}

TEST(ToFloat16, CastsAndIntegerPathsKeepTheirTypes) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {4, 3});
  const TensorId n = p.add_input("N", DType::kInt32, {4, 3});
  // An int tensor meeting a float literal computes in float32: a cast to half must follow.
  const TensorId scaled =
      p.add_elementwise("S", EwOp::kMul, {n, p.add_literal(0.5, DType::kFloat32)});
  const TensorId as_int = p.add_elementwise("I", EwOp::kCast, {x}, DType::kInt32);
  const TensorId back = p.add_elementwise("B", EwOp::kCast, {as_int}, DType::kFloat32);
  const TensorId cmp = p.add_elementwise("G", EwOp::kGt, {x, scaled});
  const TensorId sel = p.add_elementwise("Y", EwOp::kSelect, {cmp, back, scaled});
  const TensorId iota = p.add_index("J", x, 1);
  p.add_output(sel);
  p.add_output(as_int);
  p.add_output(p.add_elementwise("Z", EwOp::kAdd, {iota, n}));
  const Program half = to_float16(p);
  expect_no_float32(half);
  EXPECT_EQ(half.tensor(half.outputs()[0]).dtype, DType::kFloat16);
  EXPECT_EQ(half.tensor(half.outputs()[1]).dtype, DType::kInt32);
  EXPECT_EQ(half.tensor(half.outputs()[2]).dtype, DType::kInt32);
  EXPECT_EQ(half.tensor(*half.find("S")).dtype, DType::kFloat32);  // before its cast
  std::vector<HostTensor> in_half = {random_tensor(DType::kFloat16, {4, 3}, seeded.rng, -8, 8),
                                     random_tensor(DType::kInt32, {4, 3}, seeded.rng, -8, 8)};
  std::vector<HostTensor> in_single = in_half;
  in_single[0].dtype = DType::kFloat32;
  const std::vector<HostTensor> want = reference_run(p, in_single);
  const std::vector<HostTensor> got = reference_run(half, in_half);
  ASSERT_EQ(got.size(), 3u);
  // Halves of small integers and of the inputs are exact: every value agrees.
  for (std::size_t o = 0; o < 3; ++o) EXPECT_EQ(got[o].values, want[o].values) << "output " << o;
}

TEST(ToFloat16, HalfProgramGoesThroughThePipeline) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  const Program single = small_network(seeded.rng);
  const Program half = to_float16(single);
  const LoweredProgram lowered = run_pipeline(half);
  expect_no_float32(lowered.program);
  const Inputs in = shared_inputs(half, seeded.rng);
  const std::vector<HostTensor> want = reference_run(single, in.single);
  const std::vector<HostTensor> got = run_planned(lowered, in.half);
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t o = 0; o < want.size(); ++o) {
    EXPECT_LT(relative_error(got[o], want[o]), kHalfTolerance) << "output " << o;
  }
}

}  // namespace
}  // namespace tartan
