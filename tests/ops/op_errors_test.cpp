// Bad arguments give one tartan::Error that names the problem and says how to fix it.
#include <gtest/gtest.h>

#include "tartan/ops/activation.h"
#include "tartan/ops/conv.h"
#include "tartan/ops/dense.h"
#include "tartan/ops/embedding.h"
#include "tartan/ops/pool.h"
#include "tartan/ops/reduce.h"
#include "tartan/ops/shape.h"
#include "tartan/support/error.h"

namespace tartan {
namespace {

// Runs `f`, expects an Error whose message contains every fragment and that has a hint.
template <typename F>
void expect_error(F f, const std::vector<std::string>& fragments) {
  try {
    f();
    ADD_FAILURE() << "no error thrown";
  } catch (const Error& e) {
    for (const std::string& s : fragments) {
      EXPECT_NE(std::string(e.what()).find(s), std::string::npos) << e.what();
    }
    EXPECT_FALSE(e.hint().empty()) << e.what();
  }
}

class OpErrors : public ::testing::Test {
 protected:
  Builder b_;
  Tensor x_ = b_.input("x", DType::kFloat32, {1, 5, 5, 4});
};

TEST_F(OpErrors, ConvChannelMismatchNamesBothSizes) {
  const Tensor k = b_.input("k", DType::kFloat32, {3, 3, 3, 8});
  expect_error([&] { ops::conv2d(x_, k); }, {"conv2d", "3 input channels", "4 channels"});
}

TEST_F(OpErrors, GroupsMustDivideChannels) {
  const Tensor k = b_.input("k", DType::kFloat32, {3, 3, 1, 6});
  ops::Conv2DOptions o;
  o.groups = 3;
  expect_error([&] { ops::conv2d(x_, k, {}, o); }, {"3 groups", "4 input channels"});
}

TEST_F(OpErrors, WindowLargerThanInput) {
  const Tensor k = b_.input("k", DType::kFloat32, {4, 4, 4, 2});
  ops::Conv2DOptions o;
  o.dilation = {2, 1};
  expect_error([&] { ops::conv2d(x_, k, {}, o); }, {"conv2d", "window spans 7 rows"});
  ops::Pool2DOptions p;
  p.strides = {0, 1};
  expect_error([&] { ops::max_pool2d(x_, p); }, {"max_pool2d", "stride"});
}

TEST_F(OpErrors, DepthwiseAndBiasShapes) {
  const Tensor k = b_.input("k", DType::kFloat32, {3, 3, 2, 1});
  expect_error([&] { ops::depthwise_conv2d(x_, k); }, {"depthwise_conv2d", "2 channels"});
  const Tensor w = b_.input("w", DType::kFloat32, {4, 3});
  const Tensor bias = b_.input("bias", DType::kFloat32, {4});
  expect_error([&] { ops::dense(x_, w, bias); }, {"dense", "bias", "[3]"});
  const Tensor w2 = b_.input("w2", DType::kFloat32, {5, 3});
  expect_error([&] { ops::dense(x_, w2); }, {"dense", "4 features", "expects 5"});
}

TEST_F(OpErrors, BadAxesAndPermutations) {
  expect_error([&] { ops::softmax(x_, 4); }, {"softmax", "axis 4", "rank 4"});
  expect_error([&] { ops::reduce_sum(x_, {1, -3}); }, {"reduce_sum", "twice"});
  expect_error([&] { ops::transpose(x_, {0, 1, 1, 3}); }, {"transpose", "not a permutation"});
  const Tensor y = b_.input("y", DType::kFloat32, {1, 5, 4, 4});
  expect_error([&] { ops::concatenate({x_, y}, 1); }, {"concatenate", "outside axis 1"});
  expect_error([&] { ops::slice(x_, 1, 3, 3); }, {"slice", "[3, 6)"});
  expect_error([&] { ops::reshape(x_, {-1, -1}); }, {"reshape", "-1"});
  expect_error([&] { ops::cropping2d(x_, 3, 2, 0, 0); }, {"cropping2d", "leaves nothing"});
}

TEST_F(OpErrors, EmbeddingNeedsIntegerIndices) {
  const Tensor table = b_.input("table", DType::kFloat32, {10, 3});
  expect_error([&] { ops::embedding(x_, table); }, {"embedding", "float32"});
}

}  // namespace
}  // namespace tartan
