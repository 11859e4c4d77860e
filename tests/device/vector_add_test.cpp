#include <gtest/gtest.h>

#include "common/test_env.h"
#include "device/vadd.h"
#include "tartan/runtime/context.h"
#include "tartan/runtime/device.h"
#include "tartan/runtime/program.h"

namespace tartan::runtime {
namespace {

TEST(VectorAdd, RunsOnEveryDevice) {
  for (const Device& device : enumerate_devices()) {
    SCOPED_TRACE(device.info.id);
    if (!device.info.available || !device.info.compiler_available) continue;
    Context ctx(device);
    Queue queue(ctx);
    const Program program =
        Program::from_source(ctx, testing::kVaddSource, "-cl-std=CL1.2", "vadd");
    testing::run_and_check_vadd(ctx, queue, program, 1000);
    testing::run_and_check_vadd(ctx, queue, program, 1);  // smaller than a work-group
  }
}

TEST(VectorAdd, ProfilingEventHasPositiveDuration) {
  Context ctx(default_device());
  Queue queue(ctx);
  const Program program = Program::from_source(ctx, testing::kVaddSource, "", "vadd");
  const Event e = testing::run_and_check_vadd(ctx, queue, program, 1 << 16);
  const ProfilingTimes t = e.profile();
  EXPECT_LE(t.queued_ns, t.submit_ns);
  EXPECT_LE(t.submit_ns, t.start_ns);
  EXPECT_LT(t.start_ns, t.end_ns);
  EXPECT_GT(e.duration_ns(), 0u);
}

TEST(VectorAdd, NonBlockingTransfersCompleteAfterWait) {
  Context ctx(default_device());
  Queue queue(ctx);
  std::vector<int> src(257), dst(257, -1);
  for (int i = 0; i < 257; ++i) src[i] = i * 7 - 3;
  Buffer buf(ctx, src.size() * sizeof(int));
  buf.write(queue, std::span<const int>(src), Blocking::kNo);
  Event done = buf.read(queue, std::span<int>(dst), Blocking::kNo);
  done.wait();
  EXPECT_EQ(dst, src);

  // fill over a sub-range keeps the rest.
  const int pattern = 42;
  buf.fill(queue, &pattern, sizeof pattern, 16 * sizeof(int), 8 * sizeof(int));
  buf.read(queue, std::span<int>(dst));
  for (int i = 0; i < 257; ++i) EXPECT_EQ(dst[i], i >= 8 && i < 24 ? 42 : src[i]) << i;
}

}  // namespace
}  // namespace tartan::runtime
