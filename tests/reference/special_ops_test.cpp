// Reshape, gather and index in the reference executor, and how it treats a program's inputs,
// constants and outputs.
#include <gtest/gtest.h>

#include "reference_test_util.h"
#include "tartan/support/error.h"

namespace tartan {
namespace {

using testing::expect_same;
using testing::expected;
using testing::ix;
using testing::run1;
using testing::Seeded;

constexpr DType kF32 = DType::kFloat32;
constexpr DType kI32 = DType::kInt32;

TEST(ReferenceSpecialOps, ReshapeKeepsRowMajorOrder) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  Program p;
  const TensorId x = p.add_input("X", kF32, {2, 3, 4});
  const TensorId r = p.add_reshape("R", x, {6, 4});
  // T[i, j] = =(R[j, i]) makes the reshape's row-major layout observable.
  p.add_output(p.add_contraction("T", {4, 6},
                                 testing::contraction({"i", "j"}, {ix(0), ix(1)}, AggOp::kAssign,
                                                      CombOp::kNone, {{r, {ix(1), ix(0)}}})));
  const HostTensor X = random_tensor(kF32, {2, 3, 4}, s.rng);
  HostTensor want = expected(kF32, {4, 6});
  for (int a = 0; a < 2; ++a) {
    for (int b = 0; b < 3; ++b) {
      for (int c = 0; c < 4; ++c) want.values[c * 6 + (a * 3 + b)] = X.values[(a * 3 + b) * 4 + c];
    }
  }
  expect_same(run1(p, {X}), want);
}

TEST(ReferenceSpecialOps, GatherClampsIndices) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  Program p;
  const TensorId d = p.add_input("D", kF32, {5, 2, 3});
  const TensorId idx = p.add_input("Idx", kI32, {2, 3});
  p.add_output(p.add_gather("G", d, idx));
  const HostTensor D = random_tensor(kF32, {5, 2, 3}, s.rng);
  const HostTensor Idx(kI32, {2, 3}, {0, 4, -3, 9, 2, 2});
  const int rows[] = {0, 4, 0, 4, 2, 2};
  HostTensor want = expected(kF32, {2, 3, 2, 3});
  for (int k = 0; k < 6; ++k) {
    for (int r = 0; r < 6; ++r) want.values[k * 6 + r] = D.values[rows[k] * 6 + r];
  }
  expect_same(run1(p, {D, Idx}), want);
}

TEST(ReferenceSpecialOps, IndexIsIotaAlongAxis) {
  Program p;
  const TensorId x = p.add_input("X", kF32, {2, 3, 4});
  p.add_output(p.add_index("I0", x, 0));
  p.add_output(p.add_index("I1", x, 1));
  p.add_output(p.add_index("I2", x, 2));
  const std::vector<HostTensor> got = reference_run(p, {HostTensor(kF32, {2, 3, 4})});
  ASSERT_EQ(got.size(), 3u);
  for (int axis = 0; axis < 3; ++axis) {
    HostTensor want = expected(kI32, {2, 3, 4});
    for (int a = 0; a < 2; ++a) {
      for (int b = 0; b < 3; ++b) {
        for (int c = 0; c < 4; ++c)
          want.values[(a * 3 + b) * 4 + c] = axis == 0 ? a : axis == 1 ? b : c;
      }
    }
    expect_same(got[static_cast<std::size_t>(axis)], want);
  }
}

TEST(ReferenceExecutor, OutputsMayBeInputsConstantsOrReusedIntermediates) {
  Seeded s;
  SCOPED_TRACE(s.trace());
  Program p;
  const TensorId x = p.add_input("X", kF32, {3});
  const TensorId w =
      p.add_constant("W", {3}, ConstantData::from_doubles(DType::kFloat16, {0.1, 2, -3}));
  const TensorId y = p.add_elementwise("Y", EwOp::kMul, {x, w});
  const TensorId z = p.add_elementwise("Z", EwOp::kAdd, {y, y});
  p.add_output(z);
  p.add_output(x);
  p.add_output(w);
  p.add_output(y);  // read by Z and still an output
  const HostTensor X = random_tensor(kF32, {3}, s.rng);
  const std::vector<HostTensor> got = reference_run(p, {X});
  ASSERT_EQ(got.size(), 4u);
  const double w16[] = {0.0999755859375, 2, -3};  // the constant holds float16 values
  HostTensor want_y = expected(DType::kFloat32, {3}), want_z = expected(DType::kFloat32, {3});
  for (int i = 0; i < 3; ++i) {
    want_y.values[i] = X.values[i] * w16[i];
    want_z.values[i] = 2 * want_y.values[i];
  }
  expect_same(got[0], want_z);
  expect_same(got[1], X);
  expect_same(got[2], HostTensor(DType::kFloat16, {3}, {w16[0], w16[1], w16[2]}));
  expect_same(got[3], want_y);
}

void expect_error(const Program& p, const std::vector<HostTensor>& inputs,
                  const std::string& part) {
  try {
    reference_run(p, inputs);
    ADD_FAILURE() << "expected an Error mentioning " << part;
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
    EXPECT_FALSE(e.hint().empty());
  }
}

TEST(ReferenceExecutor, BadInputsAreErrors) {
  Program p;
  const TensorId a = p.add_input("A", kF32, {2, 3});
  const TensorId b = p.add_input("B", kI32, {3});
  p.add_output(p.add_elementwise("Y", EwOp::kAdd, {a, b}));
  const HostTensor A(kF32, {2, 3}), B(kI32, {3});
  expect_error(p, {A}, "2 input(s) but 1");
  expect_error(p, {A, B, B}, "2 input(s) but 3");
  expect_error(p, {A, HostTensor(kI32, {4})}, "input 1 (B) has shape [4]");
  expect_error(p, {A, HostTensor(kF32, {3})}, "input 1 (B) is float32");
  expect_error(p, {HostTensor(kF32, {2, 3}, {1, 2}), B}, "holds 2 values");
}

}  // namespace
}  // namespace tartan
