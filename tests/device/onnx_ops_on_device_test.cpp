// The ops the ONNX importer added to the op library (activations, normalisations, broadcast
// matmul, einsum, reductions, logic, array construction, resize), compiled for every device and
// compared with the reference executor on fresh random inputs, outputs poisoned. All cases go
// into one program per device (one build), each as its own output.
#include <gtest/gtest.h>

#include <functional>

#include "common/device_check.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/array.h"
#include "tartan/ops/dense.h"
#include "tartan/ops/einsum.h"
#include "tartan/ops/logic.h"
#include "tartan/ops/norm.h"
#include "tartan/ops/reduce.h"
#include "tartan/ops/resize.h"

namespace tartan {
namespace {

using In = std::function<Tensor(const std::string&, Shape)>;
struct OpCase {
  std::string name;
  std::function<std::vector<Tensor>(const In& in)> build;  // one or more outputs
};

ops::ResizeOptions resize_options(ops::ResizeOptions::Mode mode,
                                  ops::ResizeOptions::Coordinates coordinates,
                                  std::vector<double> scales) {
  ops::ResizeOptions o;
  o.mode = mode;
  o.coordinates = coordinates;
  o.scales = std::move(scales);
  return o;
}

std::vector<OpCase> op_cases() {
  using R = ops::ResizeOptions;
  const auto unary = [](std::string name, Tensor (*op)(const Tensor&)) {
    return OpCase{name, [op](const In& in) { return std::vector<Tensor>{op(in("x", {3, 7}))}; }};
  };
  std::vector<OpCase> cases = {
      unary("erf", ops::erf),
      unary("gelu", ops::gelu),
      unary("gelu_tanh", ops::gelu_tanh),
      unary("hard_swish", ops::hard_swish),
      unary("softplus", ops::softplus),
      unary("softsign", ops::softsign),
      unary("mish", ops::mish),
      {"hard_sigmoid_selu_celu_thresholded",
       [](const In& in) {
         const Tensor x = in("x", {4, 5});
         return std::vector<Tensor>{ops::hard_sigmoid_scaled(x, 0.3, 0.4), ops::selu(x),
                                    ops::celu(x, 0.5), ops::thresholded_relu(x, 0.2)};
       }},
      {"prelu",
       [](const In& in) {
         return std::vector<Tensor>{ops::prelu(in("x", {2, 3, 4}), in("slope", {3, 1}))};
       }},
      {"log_softmax_softmax",
       [](const In& in) {
         const Tensor x = in("x", {3, 4, 5});
         return std::vector<Tensor>{ops::log_softmax(x, 0), ops::log_softmax(x, -1),
                                    ops::softmax(x, 1)};
       }},
      {"layer_norm",
       [](const In& in) {
         const ops::LayerNorm ln =
             ops::layer_norm(in("x", {2, 3, 6}), 1, in("scale", {3, 6}), in("bias", {6}), 1e-4);
         return std::vector<Tensor>{ln.y, ln.mean, ln.inv_std_dev};
       }},
      {"rms_norm",
       [](const In& in) {
         return std::vector<Tensor>{ops::rms_norm(in("x", {3, 8}), -1, in("scale", {8}))};
       }},
      {"matmul_broadcast_vector",
       [](const In& in) {
         return std::vector<Tensor>{ops::matmul(in("a", {2, 1, 3, 5}), in("b", {4, 5, 2})),
                                    ops::matmul(in("v", {5}), in("m", {2, 5, 3}))};
       }},
      {"einsum",
       [](const In& in) {
         return std::vector<Tensor>{
             ops::einsum("bij,bjk->bik", {in("a", {2, 3, 4}), in("b", {2, 4, 5})}),
             ops::einsum("ii->i", {in("d", {4, 4})}),
             ops::einsum("ij,jk,kl->il", {in("p", {2, 3}), in("q", {3, 4}), in("r", {4, 2})})};
       }},
      {"reductions",
       [](const In& in) {
         const Tensor x = in("x", {3, 4, 5});
         const Tensor positive = ops::softplus(x) + 0.5;
         return std::vector<Tensor>{ops::reduce_prod(positive, {1}),
                                    ops::reduce_l1(x, {0, 2}, true),
                                    ops::reduce_l2(x, {-1}),
                                    ops::reduce_sum_square(x, {0}),
                                    ops::reduce_log_sum_exp(x, {1, 2}),
                                    ops::argmax(x, 1),
                                    ops::argmin(x, 2, false, true)};
       }},
      {"logic_where_cast",
       [](const In& in) {
         // Rounded to halves, so that equal elements occur.
         const Tensor a = floor(in("a", {3, 4}) * 2.0), b = floor(in("b", {4}) * 2.0);
         const Tensor x = ops::logical_xor(ops::equal(a, b), ops::greater_equal(a, b));
         const Tensor y = ops::logical_or(ops::less(a, b), ops::logical_not(ops::greater(a, b)));
         return std::vector<Tensor>{ops::where(ops::logical_and(x, y), a, b), ops::less_equal(a, b),
                                    ops::cast(in("c", {6}) * 5.0, DType::kInt32),
                                    ops::cast(ops::cast(a, DType::kBool), DType::kFloat32)};
       }},
      {"expand_tile_range_constant",
       [](const In& in) {
         const Tensor x = in("x", {3, 1});
         Builder& b = x.builder();
         return std::vector<Tensor>{
             ops::expand(x, {2, 3, 4}), ops::tile(x, {2, 3}),
             ops::range(b, 1.0, 3.0, 0.5, DType::kFloat32) + in("r", {4}),
             ops::constant_of_shape(b, {2, 2}, 0.25, DType::kFloat32) * in("c", {2, 1})};
       }},
      {"depth_space",
       [](const In& in) {
         const Tensor x = in("x", {1, 8, 2, 3});
         return std::vector<Tensor>{ops::depth_to_space(x, 2), ops::depth_to_space(x, 2, true),
                                    ops::space_to_depth(in("y", {1, 2, 4, 6}), 2)};
       }},
      {"resize",
       [](const In& in) {
         const Tensor x = in("x", {1, 2, 4, 5});
         R crop = resize_options(R::Mode::kLinear, R::Coordinates::kTfCropAndResize, {});
         crop.sizes = {1, 2, 3, 3};
         crop.roi = {0, 0, 0.2, -0.1, 1, 1, 0.8, 1.1};
         crop.extrapolation_value = 3.0;
         R nearest = resize_options(R::Mode::kNearest, R::Coordinates::kAsymmetric, {1, 1, 2, 1.5});
         nearest.rounding = R::Rounding::kFloor;
         return std::vector<Tensor>{
             ops::resize(x, nearest),
             ops::resize(
                 x, resize_options(R::Mode::kLinear, R::Coordinates::kHalfPixel, {1, 1, 0.5, 2})),
             ops::resize(x, resize_options(R::Mode::kCubic, R::Coordinates::kAlignCorners,
                                           {1, 1, 1.5, 0.8})),
             ops::resize(x, crop)};
       }},
  };
  return cases;
}

TEST(OnnxOpsOnDevice, EveryOpMatchesReference) {
  const std::uint64_t seed = testing::test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  Builder b;
  testing::CheckOptions options;
  for (const OpCase& c : op_cases()) {
    const In in = [&](const std::string& name, Shape shape) {
      return b.input(c.name + "_" + name, DType::kFloat32, std::move(shape));
    };
    const std::vector<Tensor> outs = c.build(in);
    for (std::size_t i = 0; i < outs.size(); ++i) {
      b.output(outs[i]);
      options.output_labels.push_back(c.name + " output " + std::to_string(i));
    }
  }
  const Program program = b.build();
  for (const runtime::Device& device : testing::test_devices()) {
    testing::check_on_device(program, device, rng, options);
  }
}

}  // namespace
}  // namespace tartan
