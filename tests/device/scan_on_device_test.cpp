// Scans (loops) compiled for every device and compared with the reference executor on fresh
// random inputs, outputs and intermediates poisoned with NaN before each run: one step, several,
// stacked outputs, carried state passed through unchanged, and the LSTM layer. Also checks that
// the body's kernels are built once whatever the trip count.
#include <gtest/gtest.h>

#include "common/device_check.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/lstm.h"

namespace tartan {
namespace {

// Carried A [2, 3] and B [3], sequence X [T, 2, 3], invariant W [3, 3]:
//   A' = tanh(A W + X[t]) * B;  B' = B * 0.5 + sum_i A'[i, :]
// `passthrough` adds a third carried state K returned unchanged (the body's output is its
// input), and returns A' twice through a reshape view, so the lowering must copy them.
Program loop_body(bool passthrough) {
  Builder b;
  const Tensor a = b.input("A", DType::kFloat32, {2, 3});
  const Tensor bb = b.input("B", DType::kFloat32, {3});
  const Tensor k = passthrough ? b.input("K", DType::kFloat32, {2, 3}) : a;
  const Tensor x = b.input("Xt", DType::kFloat32, {2, 3});
  const Tensor w = b.input("W", DType::kFloat32, {3, 3});
  Index i("i"), j("j"), m("m");
  TensorDecl aw = b.declare("AW", {2, 3});
  aw(i, j) = sum(a(i, m) * w(m, j));
  const Tensor a2 = tanh(Tensor(aw) + x) * bb;
  TensorDecl s = b.declare("S", {3});
  s(j) = sum(a2(i, j));
  const Tensor b2 = bb * 0.5 + Tensor(s);
  b.output(a2);
  b.output(b2);
  if (passthrough) b.output(k);
  return b.build();
}

struct Loop {
  std::int64_t trips = 1;
  bool stacked = false;
  int result = 0;
  bool passthrough = false;
};

// One program holding every loop of `loops`, each with its own inputs, so a test builds once.
Program loop_program(const std::vector<Loop>& loops) {
  Builder b;
  for (std::size_t n = 0; n < loops.size(); ++n) {
    const Loop& l = loops[n];
    const std::string id = std::to_string(n);
    Builder::ScanArgs args;
    args.trip_count = l.trips;
    args.carried = {b.input("A" + id, DType::kFloat32, {2, 3}),
                    b.input("B" + id, DType::kFloat32, {3})};
    if (l.passthrough) args.carried.push_back(b.input("K" + id, DType::kFloat32, {2, 3}));
    args.sequences = {b.input("X" + id, DType::kFloat32, {l.trips, 2, 3})};
    args.invariants = {b.input("W" + id, DType::kFloat32, {3, 3})};
    args.result = l.result;
    args.stacked = l.stacked;
    const Tensor y = b.scan(args, loop_body(l.passthrough), "Y" + id);
    b.output(y);
    b.output(y * 2.0);  // a consumer of the scan's output
  }
  return b.build();
}

class ScanOnDevice : public ::testing::Test {
 protected:
  std::uint64_t seed_ = (std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}();
  std::mt19937_64 rng_{seed_};
  ::testing::ScopedTrace trace_{__FILE__, __LINE__, "random seed " + std::to_string(seed_)};

  void check(const Program& p) {
    for (const runtime::Device& d : testing::test_devices()) testing::check_on_device(p, d, rng_);
  }
};

TEST_F(ScanOnDevice, OneStep) {
  check(loop_program({{.trips = 1}, {.trips = 1, .stacked = true, .result = 1}}));
}

// Odd and even trip counts end in either carried buffer.
TEST_F(ScanOnDevice, SeveralStepsLastValueOfEachCarriedState) {
  check(loop_program({{.trips = 5}, {.trips = 5, .result = 1}, {.trips = 4, .result = 1}}));
}

TEST_F(ScanOnDevice, StackedOutputs) {
  check(loop_program({{.trips = 4, .stacked = true}, {.trips = 3, .stacked = true, .result = 1}}));
}

TEST_F(ScanOnDevice, PassthroughCarriedStateIsCopied) {
  check(loop_program({{.trips = 3, .result = 2, .passthrough = true},
                      {.trips = 2, .stacked = true, .result = 2, .passthrough = true}}));
}

TEST_F(ScanOnDevice, LstmLayer) {
  Builder b;
  for (const bool sequences : {false, true}) {
    const std::string id = sequences ? "s" : "l";
    const Tensor x = b.input("x" + id, DType::kFloat32, {2, 5, 3});
    const Tensor kernel = b.input("kernel" + id, DType::kFloat32, {3, 16});
    const Tensor recurrent = b.input("recurrent" + id, DType::kFloat32, {4, 16});
    const Tensor bias = b.input("bias" + id, DType::kFloat32, {16});
    b.output(ops::lstm(x, kernel, recurrent, bias, sequences));
  }
  check(b.build());
}

// One kernel serves every step: the body's kernels do not depend on the trip count, each runs
// once per step, and the profile sums a body kernel's launches into one record.
TEST_F(ScanOnDevice, BodyKernelsAreBuiltOnceAndLaunchedPerStep) {
  for (const runtime::Device& d : testing::test_devices()) {
    int body_kernels[2] = {0, 0};
    int unique[2] = {0, 0};
    const std::int64_t trips[2] = {2, 9};
    for (int v = 0; v < 2; ++v) {
      const Program p = loop_program({{.trips = trips[v], .stacked = true}});
      Executable exe = compile(p, d);
      std::vector<HostTensor> inputs;
      for (TensorId id : p.inputs()) {
        inputs.push_back(random_tensor(DType::kFloat32, p.tensor(id).shape, rng_));
      }
      exe.run(inputs);
      const std::vector<KernelProfile> profile = exe.profile();
      ASSERT_EQ(profile.size(), exe.kernels().size());
      int launches = 0;
      for (std::size_t k = 0; k < profile.size(); ++k) {
        launches += profile[k].launches;
        if (profile[k].launches == trips[v]) {
          ++body_kernels[v];
          EXPECT_NEAR(profile[k].flops, exe.kernels()[k].flops * static_cast<double>(trips[v]),
                      1e-9 * profile[k].flops);
        } else {
          EXPECT_EQ(profile[k].launches, 1);
        }
      }
      EXPECT_EQ(launches, exe.stats().kernels);
      unique[v] = exe.stats().unique_kernels;
    }
    EXPECT_GT(body_kernels[0], 0);
    EXPECT_EQ(body_kernels[0], body_kernels[1]);
    EXPECT_EQ(unique[0], unique[1]);
  }
}

}  // namespace
}  // namespace tartan
