#include "tartan/passes/fuse.h"

#include <set>

#include "passes/passes_test_util.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/shape.h"
#include "tartan/passes/plan_memory.h"

namespace tartan {
namespace {

using namespace tartan::testing;

std::vector<std::vector<TensorId>> group_outputs(const Program& p,
                                                 const std::vector<KernelGroup>& ks) {
  std::vector<std::vector<TensorId>> out;
  for (const KernelGroup& k : ks) {
    out.emplace_back();
    for (std::size_t i : k.ops) out.back().push_back(op_output(p.ops()[i]));
    EXPECT_EQ(k.output, out.back().back());
  }
  return out;
}

// Every tensor a kernel reads is a leaf, or computed inside it, or written by an earlier kernel
// (directly or behind reshapes).
void expect_executable_order(const Program& p, const std::vector<KernelGroup>& ks) {
  std::set<TensorId> ready;
  for (std::size_t t = 0; t < p.tensors().size(); ++t) {
    if (p.tensors()[t].kind != TensorKind::kIntermediate) ready.insert(static_cast<TensorId>(t));
  }
  const auto source = [&](TensorId t) {
    while (const Op* op = p.producer(t)) {
      const auto* r = std::get_if<Reshape>(op);
      if (!r) break;
      t = r->input;
    }
    return t;
  };
  for (const KernelGroup& k : ks) {
    std::set<TensorId> inside;
    std::vector<std::size_t> ops = k.prologue;
    ops.insert(ops.end(), k.ops.begin(), k.ops.end());
    for (std::size_t i : ops) {
      for (TensorId t : op_inputs(p.ops()[i])) {
        EXPECT_TRUE(inside.count(t) || ready.count(source(t))) << p.tensor(t).name;
      }
      inside.insert(op_output(p.ops()[i]));
    }
    ready.insert(k.output);
  }
}

void expect_planned_run_matches(const Program& p, std::mt19937_64& rng) {
  LoweredProgram lp{p, fuse(p), {}};
  lp.memory = plan_memory(lp.program, lp.kernels);
  const std::vector<HostTensor> inputs = random_inputs(p, rng);
  const std::vector<HostTensor> want = reference_run(p, inputs);
  const std::vector<HostTensor> got = run_planned(lp, inputs);
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_LT(relative_error(got[i], want[i]), 1e-9);
}

TEST(Fuse, ElementwiseChainIsOneKernel) {
  Seeded seeded;
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {4, 3});
  const TensorId b = p.add_input("B", DType::kFloat32, {3});
  const TensorId e1 = p.add_elementwise("E1", EwOp::kExp, {x});
  const TensorId e2 = p.add_elementwise("E2", EwOp::kAdd, {e1, b});  // b broadcasts into e1
  const TensorId e3 = p.add_elementwise("E3", EwOp::kTanh, {e2});
  p.add_output(e3);
  const auto ks = fuse(p);
  EXPECT_EQ(group_outputs(p, ks), (std::vector<std::vector<TensorId>>{{e1, e2, e3}}));
  expect_planned_run_matches(p, seeded.rng);
}

TEST(Fuse, BiasActivationAndResidualAddBecomeTheContractionsEpilogue) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {1, 4, 4, 2});
  const TensorId y =
      conv2d(&p, "Y", zero_pad(&p, "P", x), random_constant(&p, seeded.rng, "K", {3, 3, 2, 2}));
  const TensorId biased =
      p.add_elementwise("B", EwOp::kAdd, {y, random_constant(&p, seeded.rng, "b", {2})});
  const TensorId act = relu6(&p, "R", biased);
  const TensorId res = p.add_elementwise("Res", EwOp::kAdd, {x, act});  // residual
  p.add_output(res);
  const auto groups = group_outputs(p, fuse(p));
  ASSERT_EQ(groups.size(), 2u);  // the pad, then the convolution with its epilogue
  EXPECT_EQ(groups[1].front(), y);
  EXPECT_EQ(groups[1].size(), 5u);  // conv, bias, max, min, residual add
  EXPECT_EQ(groups[1].back(), res);
  expect_planned_run_matches(p, seeded.rng);
}

TEST(Fuse, MultiUseOutputsAndBroadcastingConsumersDoNotFuse) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {3, 4});
  const TensorId w = random_constant(&p, seeded.rng, "W", {4, 4});
  const TensorId y =
      p.add_contraction("Y", {3, 4},
                        contraction({"b", "m", "k"}, {ix(0), ix(1)}, AggOp::kSum, CombOp::kMul,
                                    {{x, {ix(0), ix(2)}}, {w, {ix(2), ix(1)}}}));
  const TensorId a = p.add_elementwise("A", EwOp::kExp, {y});  // Y is read twice
  const TensorId b = p.add_elementwise("B", EwOp::kNeg, {y});
  const TensorId s = p.add_contraction(
      "S", {4},
      contraction({"m", "b"}, {ix(0)}, AggOp::kSum, CombOp::kNone, {{a, {ix(1), ix(0)}}}));
  const TensorId grown = p.add_elementwise("G", EwOp::kMul, {s, b});  // [4] * [3, 4] -> [3, 4]
  const TensorId out = p.add_elementwise("O", EwOp::kExp, {grown});
  p.add_output(out);
  const TensorId after_out = p.add_elementwise("Z", EwOp::kNeg, {out});  // O is an output
  p.add_output(after_out);
  const auto groups = group_outputs(p, fuse(p));
  // Y; A; B; S; G (grows S: joins B's kernel instead) with O; Z alone.
  EXPECT_EQ(groups,
            (std::vector<std::vector<TensorId>>{{y}, {a}, {s}, {b, grown, out}, {after_out}}));
  expect_executable_order(p, fuse(p));
  expect_planned_run_matches(p, seeded.rng);
}

TEST(Fuse, KernelsRunWhereTheirLastOpIs) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {2, 3});
  const TensorId a = p.add_elementwise("A", EwOp::kExp, {x});
  const TensorId r = p.add_reshape("R", p.add_elementwise("U", EwOp::kNeg, {x}), {3, 2});
  const TensorId v = p.add_reshape("V", p.add_elementwise("W", EwOp::kAbs, {r}), {2, 3});
  p.add_output(p.add_elementwise("O", EwOp::kAdd, {a, v}));  // joins A's kernel after U, W
  const auto ks = fuse(p);
  EXPECT_EQ(ks.size(), 3u);
  expect_executable_order(p, ks);
  EXPECT_EQ(fuse(p, /*enabled=*/false).size(), 4u);
  expect_planned_run_matches(p, seeded.rng);
}

// A concatenation is a chain of placements, each the default of the next: one kernel, whose
// intermediates (the partial concatenations) never reach memory.
TEST(Fuse, ConcatenationIsOneKernel) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {2, 3, 4});
  const Tensor y = b.input("y", DType::kFloat32, {2, 3, 2});
  const Tensor z = b.input("z", DType::kFloat32, {2, 5, 4});
  b.output(ops::relu(ops::concatenate({x, y, ops::mul(x, x)}, -1)));  // the relu joins too
  b.output(ops::concatenate({x, z}, 1));
  const Program p = b.build();
  const auto groups = group_outputs(p, fuse(p));
  // x * x; the three placements with the relu; the two placements along axis 1.
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[1].size(), 4u);
  EXPECT_EQ(groups[2].size(), 2u);
  expect_executable_order(p, fuse(p));
  expect_planned_run_matches(p, seeded.rng);
}

// A partial concatenation that something else reads is a kernel output; a placement reading
// a tensor its would-be kernel computes (a shift of its own default) starts a new kernel; a
// default written by an elementwise kernel is not joined.
TEST(Fuse, PlacementChainsStopWhereIntermediatesAreNeeded) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId a = p.add_input("A", DType::kFloat32, {3, 4});
  const TensorId bb = p.add_input("B", DType::kFloat32, {3, 2});
  const auto place = [&](const std::string& name, TensorId in, std::int64_t offset,
                         std::optional<TensorId> onto) {
    return p.add_contraction(name, {3, 6},
                             contraction({"i", "j"}, {ix(0), ix(1) + k(offset)}, AggOp::kAssign,
                                         CombOp::kNone, {{in, {ix(0), ix(1)}}}, {}, onto));
  };
  const TensorId t1 = place("T1", a, 0, std::nullopt);
  const TensorId t2 = place("T2", bb, 4, t1);                   // joins T1
  const TensorId shifted = place("S", t2, 1, t2);               // reads T2: its own kernel
  const TensorId e = p.add_elementwise("E", EwOp::kExp, {t1});  // T1 read twice: T2 stays apart
  const TensorId neg = p.add_elementwise("N", EwOp::kNeg, {shifted});
  const TensorId t3 = place("T3", bb, 2, neg);  // onto an elementwise kernel's output: apart
  p.add_output(e);
  p.add_output(t3);
  const auto groups = group_outputs(p, fuse(p));
  EXPECT_EQ(groups, (std::vector<std::vector<TensorId>>{{t1}, {t2}, {e}, {shifted, neg}, {t3}}));
  expect_executable_order(p, fuse(p));
  expect_planned_run_matches(p, seeded.rng);
}

// A batch norm's scale, shift and relu whose result only a contraction reads become that
// contraction's prologue: the contraction reads the tensor before them, and the elementwise
// kernel is gone. Read twice, or with a costly op, it stays a kernel of its own.
TEST(Fuse, CheapElementwiseKernelBecomesTheContractionsPrologue) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {1, 4, 4, 3});
  const TensorId s = random_constant(&p, seeded.rng, "S", {3});
  const TensorId t = random_constant(&p, seeded.rng, "T", {3});
  const auto pre = [&](const std::string& name, TensorId in, EwOp act) {
    const TensorId scaled = p.add_elementwise(name + "s", EwOp::kMul, {in, s});
    return p.add_elementwise(name, act, {p.add_elementwise(name + "t", EwOp::kAdd, {scaled, t})});
  };
  const TensorId a = pre("A", x, EwOp::kRelu);
  const TensorId y = conv2d(&p, "Y", a, random_constant(&p, seeded.rng, "K", {1, 1, 3, 3}));
  const TensorId b = pre("B", y, EwOp::kRelu);  // read by two contractions
  const TensorId z1 = conv2d(&p, "Z1", b, random_constant(&p, seeded.rng, "K1", {1, 1, 3, 3}));
  const TensorId z2 = conv2d(&p, "Z2", b, random_constant(&p, seeded.rng, "K2", {1, 1, 3, 2}));
  const TensorId c = pre("C", x, EwOp::kTanh);  // tanh is not cheap
  const TensorId w = conv2d(&p, "W", c, random_constant(&p, seeded.rng, "K3", {1, 1, 3, 2}));
  p.add_output(z1);
  p.add_output(z2);
  p.add_output(w);
  const auto ks = fuse(p);
  ASSERT_EQ(ks.size(), 5u);  // Y with A's prologue and B as its epilogue; Z1; Z2; C; W
  EXPECT_EQ(ks[0].output, b);
  EXPECT_EQ(op_output(p.ops()[ks[0].ops.front()]), y);
  EXPECT_EQ(ks[0].prologue.size(), 3u);
  for (std::size_t k = 1; k < ks.size(); ++k) EXPECT_TRUE(ks[k].prologue.empty()) << k;
  LoweredProgram lp{p, ks, {}};
  lp.memory = plan_memory(lp.program, lp.kernels);
  EXPECT_EQ(lp.memory.slots[static_cast<std::size_t>(a)].kind, BufferSlot::Kind::kNone);
  expect_executable_order(p, ks);
  expect_planned_run_matches(p, seeded.rng);
}

}  // namespace
}  // namespace tartan
