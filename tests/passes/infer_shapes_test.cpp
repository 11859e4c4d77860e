#include "tartan/passes/infer_shapes.h"

#include "passes/passes_test_util.h"
#include "tartan/support/error.h"

namespace tartan {
namespace {

using namespace tartan::testing;

TEST(InferShapes, AcceptsProgramsBuiltThroughAddFunctions) {
  Seeded seeded;
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat16, {1, 5, 5, 2});
  const TensorId y =
      conv2d(&p, "Y", zero_pad(&p, "P", x), random_constant(&p, seeded.rng, "K", {3, 3, 2, 4}));
  const TensorId z = p.add_elementwise("Z", EwOp::kMul, {y, p.add_literal(2.0, DType::kFloat32)});
  p.add_output(p.add_reshape("R", z, {25, 4}));
  EXPECT_NO_THROW(infer_shapes(p));
  EXPECT_EQ(p.tensor(z).dtype, DType::kFloat32);  // float16 * float32 weights
}

TEST(InferShapes, WrongOutputShapeIsAnInternalErrorNamingTheOp) {
  Program p;
  const TensorId x = p.add_input("X", DType::kFloat32, {2, 3});
  const TensorId e = p.add_elementwise("E", EwOp::kExp, {x});
  p.add_output(e);
  // A broken rewrite: an op whose output tensor has a shape its input does not give.
  const TensorId bad =
      p.add_tensor({"Bad", DType::kFloat32, {3, 2}, TensorKind::kIntermediate, {}});
  std::vector<Op> ops = p.ops();
  ops.push_back(Elementwise{bad, EwOp::kNeg, {e}});
  p.set_ops(ops);
  try {
    infer_shapes(p);
    FAIL() << "no error";
  } catch (const InternalError& err) {
    EXPECT_NE(std::string(err.what()).find("Bad"), std::string::npos) << err.what();
    EXPECT_NE(std::string(err.what()).find("float32[2, 3]"), std::string::npos) << err.what();
  }
}

TEST(InferShapes, WrongDtypeAndRankAreInternalErrors) {
  Program p;
  const TensorId x = p.add_input("X", DType::kInt32, {4});
  const TensorId c = p.add_tensor({"C", DType::kFloat32, {4}, TensorKind::kIntermediate, {}});
  const TensorId s = p.add_tensor({"S", DType::kInt32, {1}, TensorKind::kIntermediate, {}});
  p.set_ops({Elementwise{c, EwOp::kAbs, {x}}});  // abs keeps int32
  EXPECT_THROW(infer_shapes(p), InternalError);
  p.set_ops({Contraction{s,
                         {"i"},
                         {Affine::index(0)},
                         AggOp::kSum,
                         CombOp::kNone,
                         {{x, {Affine::index(0), Affine::index(0)}}},
                         {},
                         {}}});
  EXPECT_THROW(infer_shapes(p), InternalError);  // X indexed with two indices
}

}  // namespace
}  // namespace tartan
