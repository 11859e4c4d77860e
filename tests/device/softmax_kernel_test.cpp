// The one-kernel row-wise softmax (KernelGroup::softmax, codegen/softmax_kernel.h) on every
// device against the reference: random rows, and rows holding NaN, -inf, +inf and values whose
// exp overflows unless the maximum is subtracted; NaN must come out exactly where the reference
// (the unfused ops) puts it.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "common/device_check.h"
#include "tartan/compiler.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/reference/executor.h"

namespace tartan {
namespace {

Program softmax_program() {
  Builder b;
  b.output(ops::softmax(b.input("x", DType::kFloat32, {6, 37}), -1));
  b.output(ops::softmax(b.input("z", DType::kFloat32, {2, 3, 1000}), 2));
  return b.build();
}

CompileOptions fused() {
  CompileOptions o;
  o.pipeline.fuse_softmax = true;  // on every device, whatever its profile says
  return o;
}

int softmax_kernels(const Executable& exe) {
  int n = 0;
  for (const KernelSource& k : exe.kernels()) n += k.statement.rfind("softmax: ", 0) == 0;
  return n;
}

TEST(SoftmaxKernel, MatchesTheReferenceOnRandomInputs) {
  std::mt19937_64 rng(testing::test_seed());
  const Program program = softmax_program();
  for (const runtime::Device& device : testing::test_devices()) {
    SCOPED_TRACE(device.info.name);
    testing::CheckOptions options;
    options.compile = fused();
    testing::check_on_device(program, device, rng, options);
    EXPECT_EQ(softmax_kernels(compile(program, device, fused())), 2);
  }
}

TEST(SoftmaxKernel, PropagatesNaNAndInfinityLikeTheReference) {
  std::mt19937_64 rng(testing::test_seed());
  const Program program = softmax_program();
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<HostTensor> inputs;
  for (TensorId id : program.inputs()) {
    const TensorInfo& t = program.tensor(id);
    inputs.push_back(random_tensor(t.dtype, t.shape, rng));
  }
  std::vector<double>& x = inputs[0].values;             // rows of 37
  x[3] = NAN;                                            // row 0: NaN
  for (int j = 0; j < 37; ++j) x[37 + j] = -inf;         // row 1: all -inf (-inf - -inf: NaN)
  x[2 * 37 + 5] = inf;                                   // row 2: +inf (inf - inf: NaN)
  x[3 * 37 + 1] = -inf;                                  // row 3: one -inf (exp gives 0 there)
  for (int j = 0; j < 37; ++j) x[4 * 37 + j] = 500 + j;  // row 4: exp overflows unshifted
  const std::vector<HostTensor> want = reference_run(program, inputs);
  for (const runtime::Device& device : testing::test_devices()) {
    SCOPED_TRACE(device.info.name);
    Executable exe = compile(program, device, fused());
    ASSERT_EQ(softmax_kernels(exe), 2);
    const std::vector<HostTensor> got = exe.run(inputs, {.poison = true});
    ASSERT_EQ(got.size(), want.size());
    int nans = 0;
    for (std::size_t o = 0; o < want.size(); ++o) {
      for (std::size_t i = 0; i < want[o].values.size(); ++i) {
        const double w = want[o].values[i], g = got[o].values[i];
        nans += std::isnan(w) ? 1 : 0;
        ASSERT_EQ(std::isnan(g), std::isnan(w)) << "output " << o << " element " << i;
        if (!std::isnan(w)) {
          EXPECT_NEAR(g, w, 1e-5 * (1 + std::abs(w))) << "output " << o << " element " << i;
        }
      }
    }
    EXPECT_EQ(nans, 3 * 37);  // rows 0, 1 and 2
  }
}

}  // namespace
}  // namespace tartan
