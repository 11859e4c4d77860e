#include "tartan/passes/plan_memory.h"

#include "passes/passes_test_util.h"
#include "tartan/passes/fuse.h"

namespace tartan {
namespace {

using namespace tartan::testing;
using Kind = BufferSlot::Kind;

struct Interval {
  std::size_t first = 0, last = 0;  // kernel steps, inclusive
};

// Liveness computed independently of plan_memory: a kernel output lives from its kernel to the
// last kernel that reads it or a reshape of it (a reshape is followed through the producer).
std::map<TensorId, Interval> liveness(const Program& p, const std::vector<KernelGroup>& ks) {
  std::map<TensorId, Interval> live;
  for (std::size_t k = 0; k < ks.size(); ++k) live[ks[k].output] = {k, k};
  for (std::size_t k = 0; k < ks.size(); ++k) {
    for (std::size_t i : ks[k].ops) {
      for (TensorId t : op_inputs(p.ops()[i])) {
        while (const Op* op = p.producer(t)) {
          if (!std::holds_alternative<Reshape>(*op)) break;
          t = std::get<Reshape>(*op).input;
        }
        if (live.count(t)) live[t].last = std::max(live[t].last, k);
      }
    }
  }
  return live;
}

// No two arena tensors that are live at the same kernel share a byte, except an elementwise
// kernel's output written exactly over an input that dies at that kernel.
void expect_no_overlap(const Program& p, const std::vector<KernelGroup>& ks,
                       const MemoryPlan& plan) {
  const auto live = liveness(p, ks);
  for (const auto& [a, la] : live) {
    for (const auto& [b, lb] : live) {
      if (a >= b) continue;
      const BufferSlot& sa = plan.slots[static_cast<std::size_t>(a)];
      const BufferSlot& sb = plan.slots[static_cast<std::size_t>(b)];
      if (sa.kind != Kind::kArena || sb.kind != Kind::kArena) continue;
      EXPECT_EQ(sa.offset % kArenaAlignment, 0u);
      EXPECT_LE(sa.offset + sa.bytes, plan.arena_bytes);
      const bool overlap_time = la.first <= lb.last && lb.first <= la.last;
      const bool overlap_bytes =
          sa.offset < sb.offset + sb.bytes && sb.offset < sa.offset + sa.bytes;
      if (!overlap_time || !overlap_bytes) continue;
      const bool in_place_ab = la.last == lb.first && sa.offset == sb.offset &&
                               sa.bytes == sb.bytes &&
                               std::holds_alternative<Elementwise>(p.ops()[ks[lb.first].ops[0]]);
      const bool in_place_ba = lb.last == la.first && sa.offset == sb.offset &&
                               sa.bytes == sb.bytes &&
                               std::holds_alternative<Elementwise>(p.ops()[ks[la.first].ops[0]]);
      EXPECT_TRUE(in_place_ab || in_place_ba)
          << p.tensor(a).name << " and " << p.tensor(b).name << " overlap while both live";
    }
  }
}

LoweredProgram lower(const Program& p) {
  LoweredProgram lp{p, fuse(p), {}};
  lp.memory = plan_memory(lp.program, lp.kernels);
  return lp;
}

void expect_planned_run_matches(const LoweredProgram& lp, std::mt19937_64& rng) {
  const std::vector<HostTensor> inputs = random_inputs(lp.program, rng);
  const std::vector<HostTensor> want = reference_run(lp.program, inputs);
  const std::vector<HostTensor> got = run_planned(lp, inputs);
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_LT(relative_error(got[i], want[i]), 1e-9);
}

TEST(PlanMemory, ChainOfConvolutionsPingPongsBetweenTwoSlots) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  TensorId t = p.add_input("X", DType::kFloat32, {1, 4, 4, 3});
  for (int i = 0; i < 5; ++i) {
    t = conv2d(&p, "C" + std::to_string(i), zero_pad(&p, "P" + std::to_string(i), t),
               random_constant(&p, seeded.rng, "K" + std::to_string(i), {3, 3, 3, 3}));
  }
  p.add_output(t);
  const LoweredProgram lp = lower(p);
  ASSERT_EQ(lp.kernels.size(), 10u);  // pads are not folded here
  // Pad outputs (6*6*3*4 = 432 -> 512 B) and conv outputs (4*4*3*4 = 192 -> 256 B): at most one
  // pad and one conv output are live at once, plus the pad being written from the conv.
  EXPECT_EQ(lp.memory.arena_bytes, 512u + 256u);
  EXPECT_EQ(lp.memory.slots[static_cast<std::size_t>(t)].kind, Kind::kOutput);
  EXPECT_EQ(lp.memory.io_bytes, 2 * 192u);
  EXPECT_EQ(lp.memory.constant_bytes, 5 * 3 * 3 * 3 * 3 * 4u);
  EXPECT_EQ(lp.memory.peak_bytes(),
            lp.memory.arena_bytes + lp.memory.io_bytes + lp.memory.constant_bytes);
  expect_no_overlap(lp.program, lp.kernels, lp.memory);
  expect_planned_run_matches(lp, seeded.rng);
}

TEST(PlanMemory, ElementwiseKernelWritesInPlaceOverADyingInput) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {2, 8});
  const TensorId a = p.add_elementwise("A", EwOp::kMul, {x, p.add_literal(2.0, DType::kFloat32)});
  const TensorId r = p.add_reshape("R", a, {4, 4});  // a view: A is now read by R, not fusable
  // tanh: too costly to become the contraction's prologue (repeated at every reload).
  const TensorId e = p.add_elementwise("E", EwOp::kTanh, {r});
  const TensorId o = p.add_contraction(
      "O", {4, 4},
      contraction(
          {"i", "m", "j"}, {ix(0), ix(1)}, AggOp::kSum, CombOp::kMul,
          {{e, {ix(0), ix(2)}}, {random_constant(&p, seeded.rng, "W", {4, 4}), {ix(2), ix(1)}}}));
  p.add_output(o);
  const LoweredProgram lp = lower(p);
  ASSERT_EQ(lp.kernels.size(), 3u);
  const auto slot = [&](TensorId t) { return lp.memory.slots[static_cast<std::size_t>(t)]; };
  EXPECT_EQ(slot(r).kind, Kind::kAlias);
  EXPECT_EQ(slot(r).alias_of, a);
  EXPECT_EQ(slot(a).kind, Kind::kArena);
  EXPECT_EQ(slot(e).kind, Kind::kArena);
  EXPECT_EQ(slot(e).offset, slot(a).offset);
  EXPECT_EQ(lp.memory.arena_bytes, 256u);
  expect_no_overlap(lp.program, lp.kernels, lp.memory);
  expect_planned_run_matches(lp, seeded.rng);
}

TEST(PlanMemory, TensorsLiveAcrossABranchDoNotShareSpace) {
  Seeded seeded;
  SCOPED_TRACE(seeded.trace());
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {1, 4, 4, 2});
  const TensorId k1 = random_constant(&p, seeded.rng, "K1", {1, 1, 2, 2});
  const TensorId k2 = random_constant(&p, seeded.rng, "K2", {1, 1, 2, 2});
  const TensorId skip = conv2d(&p, "Skip", x, k1);
  TensorId t = skip;
  for (int i = 0; i < 4; ++i) t = conv2d(&p, "C" + std::to_string(i), t, k2);
  // The residual reads Skip only through two views, which must keep it alive.
  const TensorId view =
      p.add_reshape("SkipBack", p.add_reshape("SkipFlat", skip, {16, 2}), {1, 4, 4, 2});
  const TensorId sum = p.add_elementwise("Sum", EwOp::kAdd, {t, view});  // residual over 4 convs
  const TensorId half = p.add_reshape("H", sum, {2, 16});
  p.add_output(conv2d(&p, "Out", p.add_reshape("Back", half, {1, 4, 4, 2}), k1));
  p.add_output(half);  // an output that is a view: its source owns an output buffer
  const LoweredProgram lp = lower(p);
  EXPECT_EQ(lp.memory.slots[static_cast<std::size_t>(sum)].kind, Kind::kOutput);
  EXPECT_EQ(lp.memory.slots[static_cast<std::size_t>(half)].kind, Kind::kAlias);
  // Skip stays live while C0..C3 ping-pong: three 128 -> 256 B slots.
  EXPECT_EQ(lp.memory.arena_bytes, 3 * 256u);
  expect_no_overlap(lp.program, lp.kernels, lp.memory);
  expect_planned_run_matches(lp, seeded.rng);
}

}  // namespace
}  // namespace tartan
