// Every op of the op library, compiled for every device and compared with the reference
// executor on fresh random inputs. All ops go into one program per device (one build), each
// as its own output; a second program gives the weights as constants, so that constant
// folding, batch-norm folding and fusion are exercised on the same ops.
#include <gtest/gtest.h>

#include <functional>

#include "common/device_check.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/conv.h"
#include "tartan/ops/dense.h"
#include "tartan/ops/embedding.h"
#include "tartan/ops/lstm.h"
#include "tartan/ops/norm.h"
#include "tartan/ops/pool.h"
#include "tartan/ops/reduce.h"
#include "tartan/ops/shape.h"
#include "tartan/reference/host_tensor.h"

namespace tartan {
namespace {

struct OpCase {
  std::string name;
  // Builds the op on `x`-like inputs made by `in(name, shape)`; returns its result.
  std::function<Tensor(const std::function<Tensor(const std::string&, Shape)>& in)> build;
};

std::vector<OpCase> op_cases() {
  using ops::Padding;
  std::vector<OpCase> cases = {
      {"conv2d_same_stride2",
       [](auto in) {
         return ops::conv2d(in("x", {1, 9, 8, 3}), in("k", {3, 3, 3, 5}), in("b", {5}),
                            {.strides = {2, 2}, .padding = Padding::same()});
       }},
      {"conv2d_even_kernel_dilated",
       [](auto in) {
         return ops::conv2d(in("x", {2, 10, 9, 4}), in("k", {2, 2, 4, 3}), {},
                            {.dilation = {2, 2}, .padding = Padding::same()});
       }},
      {"conv2d_asymmetric_groups",
       [](auto in) {
         return ops::conv2d(in("x", {1, 7, 7, 4}), in("k", {3, 3, 2, 6}), {},
                            {.padding = Padding::explicit_amounts(0, 2, 1, 0), .groups = 2});
       }},
      {"conv2d_stride_larger_than_kernel",
       [](auto in) {
         return ops::conv2d(in("x", {1, 11, 11, 2}), in("k", {1, 1, 2, 3}), {},
                            {.strides = {3, 3}});
       }},
      {"depthwise_multiplier2",
       [](auto in) {
         return ops::depthwise_conv2d(in("x", {1, 9, 9, 3}), in("k", {3, 3, 3, 2}), in("b", {6}),
                                      {.strides = {2, 2}, .padding = Padding::same()});
       }},
      {"separable",
       [](auto in) {
         return ops::separable_conv2d(in("x", {1, 6, 6, 3}), in("dk", {3, 3, 3, 1}),
                                      in("pk", {1, 1, 3, 4}), in("b", {4}),
                                      {.padding = Padding::same()});
       }},
      {"dense",
       [](auto in) {
         return ops::dense(in("x", {3, 17}), in("k", {17, 5}), in("b", {5}));
       }},
      {"matmul_batched",
       [](auto in) {
         return ops::matmul(in("a", {2, 3, 7}), in("b", {2, 7, 4}));
       }},
      {"max_pool_same",
       [](auto in) {
         return ops::max_pool2d(
             in("x", {1, 7, 7, 3}),
             {.pool_size = {3, 3}, .strides = {2, 2}, .padding = Padding::same()});
       }},
      {"avg_pool_same",
       [](auto in) {
         return ops::avg_pool2d(
             in("x", {1, 7, 6, 2}),
             {.pool_size = {3, 3}, .strides = {2, 2}, .padding = Padding::same()});
       }},
      {"global_avg_pool",
       [](auto in) {
         return ops::global_avg_pool2d(in("x", {2, 5, 4, 3}), true);
       }},
      {"global_max_pool",
       [](auto in) {
         return ops::global_max_pool2d(in("x", {2, 5, 4, 3}));
       }},
      {"batch_norm",
       [](auto in) {
         const Tensor var = ops::add(ops::mul(in("v", {4}), in("v2", {4})), in("one", {4}));
         return ops::batch_norm(in("x", {2, 3, 3, 4}), in("m", {4}), var, in("g", {4}),
                                in("be", {4}));
       }},
      {"relu6",
       [](auto in) {
         return ops::relu6(ops::mul(in("x", {2, 9}), in("s", {1})));
       }},
      {"leaky_relu",
       [](auto in) {
         return ops::leaky_relu(in("x", {4, 5}), 0.2);
       }},
      {"elu",
       [](auto in) {
         return ops::elu(in("x", {4, 5}));
       }},
      {"hard_sigmoid",
       [](auto in) {
         return ops::hard_sigmoid(in("x", {4, 5}));
       }},
      {"swish",
       [](auto in) {
         return ops::swish(in("x", {4, 5}));
       }},
      {"softmax_axis1",
       [](auto in) {
         return ops::softmax(in("x", {2, 5, 3}), 1);
       }},
      {"broadcast_binary",
       [](auto in) {
         return ops::maximum(ops::div(in("a", {3, 1, 4}), in("b", {2, 1})), in("c", {4}));
       }},
      {"concatenate",
       [](auto in) {
         return ops::concatenate({in("a", {2, 3, 2}), in("b", {2, 1, 2}), in("c", {2, 4, 2})}, 1);
       }},
      {"zero_padding_cropping",
       [](auto in) {
         return ops::cropping2d(ops::zero_padding2d(in("x", {1, 4, 5, 2}), 1, 2, 0, 1), 0, 1, 1, 0);
       }},
      {"transpose",
       [](auto in) {
         return ops::transpose(in("x", {2, 3, 4, 5}), {3, 1, 0, 2});
       }},
      {"flatten_reshape",
       [](auto in) {
         return ops::flatten(ops::reshape(in("x", {2, 6, 2}), {2, 3, 4}));
       }},
      {"reduce_mean_max",
       [](auto in) {
         return ops::add(ops::reduce_mean(in("x", {3, 4, 5}), {0, 2}),
                         ops::reduce_max(in("y", {3, 4, 5}), {0, 2}));
       }},
      {"lstm_step",
       [](auto in) {
         const ops::LstmState s =
             ops::lstm_step(in("x", {2, 6}), {in("h", {2, 4}), in("c", {2, 4})}, in("k", {6, 16}),
                            in("rk", {4, 16}), in("b", {16}));
         return ops::add(s.h, s.c);
       }},
  };
  return cases;
}

// Builds every case into one program; `constant_weights` turns every input after the first
// of each case into a constant.
Program build_all(bool constant_weights, std::mt19937_64& rng, std::vector<std::string>* labels) {
  Builder b;
  for (const OpCase& c : op_cases()) {
    bool first = true;
    const auto in = [&](const std::string& name, Shape shape) {
      const std::string full = c.name + "_" + name;
      if (!constant_weights || first) {
        first = false;
        return b.input(full, DType::kFloat32, std::move(shape));
      }
      const HostTensor values = random_tensor(DType::kFloat32, shape, rng);
      return b.constant(full, shape,
                        std::vector<float>(values.values.begin(), values.values.end()));
    };
    b.output(c.build(in));
    labels->push_back(c.name);
  }
  return b.build();
}

TEST(OpsOnDevice, EveryOpMatchesReference) {
  const std::uint64_t seed = testing::test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (const runtime::Device& device : testing::test_devices()) {
    for (bool constant_weights : {false, true}) {
      SCOPED_TRACE(constant_weights ? "constant weights" : "weights as inputs");
      testing::CheckOptions options;
      const Program program = build_all(constant_weights, rng, &options.output_labels);
      testing::check_on_device(program, device, rng, options);
    }
  }
}

TEST(OpsOnDevice, EmbeddingGathersRows) {
  std::mt19937_64 rng(testing::test_seed());
  Builder b;
  const Tensor ids = b.input("ids", DType::kInt32, {3, 4});
  b.output(ops::embedding(ids, b.input("table", DType::kFloat32, {7, 5})));
  const Program program = b.build();
  // Token ids from the harness are in {-2, ..., 2}: negative ones exercise clamping.
  for (const runtime::Device& device : testing::test_devices()) {
    testing::check_on_device(program, device, rng);
  }
}

}  // namespace
}  // namespace tartan
