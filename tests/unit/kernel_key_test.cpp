// The tuning key's canonical kernel text (schedule/kernel_key.h) is built from the statements,
// shapes, dtypes and storage, never from generated code: this test links no code generation
// call at all, so no change to codegen can change it.
#include "schedule/kernel_key.h"

#include <gtest/gtest.h>

#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/dense.h"
#include "tartan/schedule/tuning_cache.h"

namespace tartan {
namespace {

LoweredProgram dense(const std::string& prefix, std::int64_t batch, DType dtype = DType::kFloat32) {
  Builder b;
  b.output(ops::relu(ops::dense(b.input(prefix + "x", dtype, {batch, 24}),
                                b.input(prefix + "w", dtype, {24, 20}),
                                b.input(prefix + "bias", dtype, {20}))));
  return run_pipeline(b.build());
}

std::string key_of(const LoweredProgram& l, const runtime::DeviceInfo& device = {}) {
  EXPECT_EQ(l.kernels.size(), 1u);
  return TuningKey::make(canonical_kernel_text(l, l.kernels.at(0)), device).hash.hex();
}

TEST(KernelKey, SameKernelSameKeyWhateverItsTensorsAreCalled) {
  const LoweredProgram a = dense("", 6), b = dense("other_", 6);
  EXPECT_EQ(canonical_kernel_text(a, a.kernels[0]), canonical_kernel_text(b, b.kernels[0]));
  EXPECT_EQ(key_of(a), key_of(b));
  EXPECT_EQ(canonical_kernel_text(a, a.kernels[0]).find("bias"), std::string::npos)
      << canonical_kernel_text(a, a.kernels[0]);
}

TEST(KernelKey, ShapeDtypeDeviceAndStepsChangeTheKey) {
  const LoweredProgram base = dense("", 6);
  EXPECT_NE(key_of(base), key_of(dense("", 7)));
  EXPECT_NE(key_of(base), key_of(dense("", 6, DType::kFloat16)));
  runtime::DeviceInfo other;
  other.name = "another device";
  EXPECT_NE(key_of(base), key_of(base, other));
  runtime::DeviceInfo driver;
  driver.driver_version = "2";
  EXPECT_NE(key_of(base), key_of(base, driver));
  StepStrides steps;
  steps.elements[base.kernels[0].output] = 120;
  EXPECT_NE(canonical_kernel_text(base, base.kernels[0]),
            canonical_kernel_text(base, base.kernels[0], steps));
}

}  // namespace
}  // namespace tartan
