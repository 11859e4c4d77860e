// The passes on scans: the pipeline optimises bodies like programs (folding, CSE, DCE, fusion
// of the gate chains), CSE merges only equal scans, nothing fuses into a scan, the memory plan
// keeps a scan's operands alive until it runs, and lower_scan prepares bodies for the runtime.
#include <gtest/gtest.h>

#include "passes_test_util.h"
#include "tartan/ir/builder.h"
#include "tartan/lang/parse.h"
#include "tartan/ops/lstm.h"
#include "tartan/passes/cse.h"
#include "tartan/passes/dce.h"
#include "tartan/passes/lower_scan.h"
#include "tartan/support/error.h"

namespace tartan {
namespace {

using testing::expect_equivalent;
using testing::random_inputs;
using testing::Seeded;

const Scan& only_scan(const Program& p) {
  for (const Op& op : p.ops()) {
    if (const auto* s = std::get_if<Scan>(&op)) return *s;
  }
  throw InternalError("no scan");
}

// A body with a foldable literal product, a repeated subexpression and a dead statement.
constexpr const char* kWasteful =
    "function (H0[2, 3], X[4, 2, 3]) -> (Y) {\n"
    "  Y = scan 4 (H0; X; ) last 0 function (H[2, 3], Xt[2, 3]) -> (H2) {\n"
    "    K = 2.0 * 0.25;\n"
    "    A = tanh(H) + Xt;\n"
    "    B = tanh(H) + Xt;\n"
    "    Dead = exp(A);\n"
    "    H2 = A * B * K;\n"
    "  };\n"
    "}\n";

TEST(ScanPasses, PipelineOptimisesTheBody) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const Program p = parse_program(kWasteful);
  const LoweredProgram lowered = run_pipeline(p);
  const Program& body = *only_scan(lowered.program).body;
  // K folds to a constant, B merges into A, Dead goes: tanh, +, *, * remain.
  EXPECT_EQ(body.ops().size(), 4u) << print_program(body);
  expect_equivalent(p, lowered.program, s.rng, 1e-12);
  // The body's elementwise chain fuses into one kernel.
  const LoweredProgram& lowered_body = *lowered.bodies.at(only_scan(lowered.program).output);
  EXPECT_EQ(lowered_body.kernels.size(), 1u);
}

TEST(ScanPasses, LstmBodyIsOneKernelPerGateAndOneForTheCellTanh) {
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {2, 6, 3});
  const Tensor k = b.input("k", DType::kFloat32, {3, 16});
  const Tensor r = b.input("r", DType::kFloat32, {4, 16});
  b.output(ops::lstm(x, k, r));
  const LoweredProgram lowered = run_pipeline(b.build());
  ASSERT_EQ(lowered.bodies.size(), 1u);
  EXPECT_EQ(lowered.bodies.begin()->second->kernels.size(), 5u);
  // Outside the loop: the four input projections; the scan is one kernel group of its own.
  EXPECT_EQ(lowered.kernels.size(), 5u);
}

TEST(ScanPasses, CseMergesEqualScansOnly) {
  const std::string body =
      " function (H[3], Xt[3]) -> (H2) {\n"
      "    H2 = H * Xt;\n"
      "  };\n";
  const std::string other =
      " function (H[3], Xt[3]) -> (H2) {\n"
      "    H2 = H + Xt;\n"
      "  };\n";
  Program p = parse_program(
      "function (H0[3], X[2, 3]) -> (A, B, C) {\n"
      "  A = scan 2 (H0; X; ) last 0" +
      body + "  B = scan 2 (H0; X; ) last 0" + body + "  C = scan 2 (H0; X; ) last 0" + other +
      "}\n");
  cse(&p);
  dce(&p);
  EXPECT_EQ(testing::count_ops(p, 5), 2u) << print_program(p);
  EXPECT_EQ(p.outputs()[0], p.outputs()[1]);
  EXPECT_NE(p.outputs()[0], p.outputs()[2]);
}

TEST(ScanPasses, DceRemovesAnUnusedScan) {
  Program p = parse_program(
      "function (H0[3], X[2, 3]) -> (B) {\n"
      "  A = scan 2 (H0; X; ) last 0 function (H[3], Xt[3]) -> (H2) {\n"
      "    H2 = H * Xt;\n"
      "  };\n"
      "  B = H0 * 2.0;\n"
      "}\n");
  dce(&p);
  EXPECT_EQ(testing::count_ops(p, 5), 0u);
}

// An elementwise consumer of the scan's output does not become the scan's epilogue, and the
// memory plan keeps the scan's arena operands alive until it runs: checked by running the
// planned program in a simulated arena, where an overlap clobbers values.
TEST(ScanPasses, NothingFusesIntoAScanAndItsOperandsStayAlive) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  const Program p = parse_program(
      "function (H0[2, 3], X[3, 2, 3], W[3, 3]) -> (Y, Z) {\n"
      "  E = exp(H0);\n"
      "  V = W * 0.5;\n"
      "  S = X * 2.0;\n"
      "  Y = scan 3 (E; S; V) last 0 function (H[2, 3], Xt[2, 3], Wk[3, 3]) -> (H2) {\n"
      "    P[i, j : 2, 3] = +(H[i, k] * Wk[k, j]);\n"
      "    H2 = tanh(P + Xt);\n"
      "  };\n"
      "  Z = Y * 3.0;\n"
      "}\n");
  const LoweredProgram lowered = run_pipeline(p, {.fold_constants = false});
  const TensorId y = only_scan(lowered.program).output;
  for (const KernelGroup& k : lowered.kernels) {
    if (k.output == y) {
      EXPECT_EQ(k.ops.size(), 1u);
    }
  }
  const std::vector<HostTensor> inputs = random_inputs(p, s.rng);
  const std::vector<HostTensor> want = reference_run(p, inputs);
  const std::vector<HostTensor> got = testing::run_planned(lowered, inputs);
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_LT(relative_error(got[i], want[i]), 1e-12);
}

TEST(ScanPasses, LowerScanCopiesOutputsTheRuntimeCannotBind) {
  // Output 1 is the body's input C, output 2 repeats output 0.
  const Program p = parse_program(
      "function (A0[3], C0[3], D0[3]) -> (Y) {\n"
      "  Y = scan 2 (A0, C0, D0; ; ) stack 0 function (A[3], C[3], D[3]) -> (A2, C, A2) {\n"
      "    A2 = A + C;\n"
      "  };\n"
      "}\n");
  const LoweredProgram body = lower_scan_body(only_scan(p), {});
  const Program& b = body.program;
  ASSERT_EQ(b.outputs().size(), 4u);  // three carried states and the stacked slice
  std::set<TensorId> distinct(b.outputs().begin(), b.outputs().end());
  EXPECT_EQ(distinct.size(), 4u);
  for (TensorId t : b.outputs()) {
    EXPECT_EQ(body.memory.slots[static_cast<std::size_t>(t)].kind, BufferSlot::Kind::kOutput);
    EXPECT_NE(b.producer(t), nullptr);
  }
}

TEST(ScanPasses, LowerScanRejectsNestedScans) {
  const Program p = parse_program(
      "function (A[3], S[2, 3]) -> (N) {\n"
      "  N = scan 2 (A; ; S) last 0 function (P[3], T[2, 3]) -> (P3) {\n"
      "    P3 = scan 2 (P; T; ) last 0 function (Q[3], Tt[3]) -> (Q2) {\n"
      "      Q2 = Q - Tt;\n"
      "    };\n"
      "  };\n"
      "}\n");
  try {
    run_pipeline(p);
    FAIL() << "a nested scan lowered";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("nested"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tartan
