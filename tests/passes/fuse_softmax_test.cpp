#include "tartan/passes/fuse_softmax.h"

#include "passes/passes_test_util.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/reduce.h"
#include "tartan/passes/fuse.h"
#include "tartan/passes/plan_memory.h"

namespace tartan {
namespace {

std::vector<KernelGroup> kernels_of(const Program& p) {
  std::vector<KernelGroup> k = fuse(p);
  fuse_softmax(p, &k);
  return k;
}

int softmax_kernels(const std::vector<KernelGroup>& ks) {
  int n = 0;
  for (const KernelGroup& k : ks) n += k.softmax ? 1 : 0;
  return n;
}

TEST(FuseSoftmax, ARowWiseSoftmaxIsOneKernelWhoseIntermediatesNeverReachMemory) {
  Builder b;
  const Tensor x = b.input("x", DType::kFloat32, {3, 7});
  const Tensor y = ops::softmax(relu(x), -1);
  b.output(y);
  b.output(ops::softmax(b.input("z", DType::kFloat32, {2, 4, 5}), 2));
  const Program p = b.build();
  const std::vector<KernelGroup> unfused = fuse(p);
  const std::vector<KernelGroup> ks = kernels_of(p);
  ASSERT_EQ(softmax_kernels(ks), 2);
  EXPECT_EQ(ks.size(), unfused.size() - 6);  // 4 kernels each become 1
  for (const KernelGroup& k : ks) {
    if (!k.softmax) continue;
    ASSERT_EQ(k.ops.size(), 5u);
    EXPECT_TRUE(std::holds_alternative<Contraction>(p.ops()[k.ops[0]]));
    EXPECT_EQ(k.output, op_output(p.ops()[k.ops[4]]));
  }
  // The max, exp and sum get no buffer: only the softmax's output does.
  const MemoryPlan m = plan_memory(p, ks);
  for (const KernelGroup& k : ks) {
    if (!k.softmax) continue;
    for (std::size_t i = 0; i < 4; ++i) {
      EXPECT_EQ(m.slots[static_cast<std::size_t>(op_output(p.ops()[k.ops[i]]))].kind,
                BufferSlot::Kind::kNone);
    }
  }
}

TEST(FuseSoftmax, NotOverAnotherAxisInFloat16WithAnEpilogueOrWhenAnIntermediateIsReadElsewhere) {
  Builder b;
  b.output(ops::softmax(b.input("a", DType::kFloat32, {3, 7}), 0));
  b.output(ops::softmax(b.input("h", DType::kFloat16, {3, 7}), -1));
  // The row maximum is an output too.
  const Tensor x = b.input("x", DType::kFloat32, {3, 7});
  const Tensor m = ops::reduce_max(x, {1}, true);
  b.output(m);
  const Tensor e = exp(x - m);
  b.output(e / ops::reduce_sum(e, {1}, true));
  // A division with an epilogue fused after it (not handled: the kernel writes Y / S alone).
  b.output(ops::softmax(b.input("q", DType::kFloat32, {3, 7}), -1) * 2.0);
  const Program p = b.build();
  EXPECT_EQ(softmax_kernels(kernels_of(p)), 0);
}

}  // namespace
}  // namespace tartan
