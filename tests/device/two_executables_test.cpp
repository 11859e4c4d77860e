// Two executables of one program at a time: the benchmark device's and the CPU's, as
// tartan-bench --cpu-compare makes them. Neither may disturb the other's buffers or kernels,
// whichever is destroyed first; and a float16 program (tartan-bench --fp16) runs on each device.
#include <gtest/gtest.h>

#include <memory>

#include "common/device_check.h"
#include "common/random_program.h"
#include "tartan/compiler.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/conv.h"
#include "tartan/passes/to_float16.h"
#include "tartan/reference/executor.h"
#include "tartan/support/error.h"

namespace tartan {
namespace {

using testing::test_devices;
using testing::test_seed;

// A depthwise + pointwise block with constant weights, as MobileNet has them.
Program block(std::mt19937_64& rng) {
  Builder b;
  const auto weights = [&](const std::string& name, const Shape& shape) {
    return testing::random_constant(b, name, shape, rng);
  };
  const Tensor x = b.input("x", DType::kFloat32, {2, 7, 6, 4});
  const Tensor d = ops::depthwise_conv2d(x, weights("dw", {3, 3, 4, 1}), weights("db", {4}),
                                         {.padding = ops::Padding::same()});
  b.output(relu(ops::conv2d(relu(d), weights("pw", {1, 1, 4, 8}), weights("pb", {8}))));
  return b.build();
}

std::optional<runtime::Device> cpu_device() {
  for (const runtime::Device& d : test_devices()) {
    if (d.info.type == runtime::DeviceType::kCpu) return d;
  }
  return std::nullopt;
}

void expect_matches(Executable& exe, const Program& p, std::mt19937_64& rng, const char* what) {
  const std::vector<HostTensor> inputs = {random_tensor(DType::kFloat32, {2, 7, 6, 4}, rng)};
  const std::vector<HostTensor> want = reference_run(p, inputs);
  const std::vector<HostTensor> got = exe.run(inputs, {.poison = true});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_LT(relative_error(got[0], want[0]), 1e-5) << what << " on " << exe.device().id;
}

TEST(TwoExecutables, BothAliveAndDestroyedInEitherOrder) {
  const std::uint64_t seed = test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const Program p = block(rng);
  const std::optional<runtime::Device> cpu = cpu_device();
  if (!cpu) GTEST_SKIP() << "no CPU device";
  for (const runtime::Device& device : test_devices()) {
    for (const bool first_goes_first : {true, false}) {
      auto first = std::make_unique<Executable>(compile(p, device));
      expect_matches(*first, p, rng, "the first alone");
      auto second = std::make_unique<Executable>(compile(p, *cpu));
      // Interleaved: each run on its own inputs, outputs poisoned first.
      expect_matches(*first, p, rng, "the first beside the second");
      expect_matches(*second, p, rng, "the second beside the first");
      expect_matches(*first, p, rng, "the first again");
      if (first_goes_first) {
        first.reset();
        expect_matches(*second, p, rng, "the second after the first is gone");
      } else {
        second.reset();
        expect_matches(*first, p, rng, "the first after the second is gone");
      }
    }
  }
}

// tartan-bench --no-kernel-timing compiles without profiling: the results are the same, every
// run (including a scan's steps) still completes, and asking for kernel times is a clear Error.
TEST(TwoExecutables, WithoutProfilingRunsAndRefusesKernelTimes) {
  const std::uint64_t seed = test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const Program p = block(rng);
  for (const runtime::Device& device : test_devices()) {
    CompileOptions options;
    options.profiling = false;
    Executable exe = compile(p, device, options);
    expect_matches(exe, p, rng, "without profiling");
    expect_matches(exe, p, rng, "without profiling, again");
    EXPECT_THROW(exe.profile(), Error);
    Executable profiled = compile(p, device);
    expect_matches(profiled, p, rng, "with profiling");
    EXPECT_EQ(profiled.profile().size(), profiled.kernels().size());
  }
}

TEST(TwoExecutables, Float16ProgramRunsOnEveryDevice) {
  const std::uint64_t seed = test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  // The kernels store half through vload_half / vstore_half, core OpenCL on every device.
  const Program half = to_float16(block(rng));
  for (const runtime::Device& device : test_devices()) testing::check_on_device(half, device, rng);
}

}  // namespace
}  // namespace tartan
