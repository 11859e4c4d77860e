// Scan in the IR: checked construction through Program::add_scan (every mistake one Error that
// names the scan and the operand), structural equality of bodies, the builder and the parser
// agreeing, and the op's inputs as passes see them.
#include <gtest/gtest.h>

#include "tartan/ir/builder.h"
#include "tartan/lang/parse.h"
#include "tartan/support/error.h"

namespace tartan {
namespace {

constexpr DType kF32 = DType::kFloat32;

// H' = H * Xt + U (H [2], Xt [2], U [2]); `scale` changes the body.
Program body(double scale = 1.0, Shape h = {2}) {
  Builder b;
  const Tensor hh = b.input("H", kF32, h);
  const Tensor x = b.input("Xt", kF32, {2});
  const Tensor u = b.input("U", kF32, {2});
  b.output(hh * x * scale + u);
  return b.build();
}

struct Outer {
  Program p;
  Scan s;
};

Outer outer(std::int64_t trips = 3) {
  Outer o;
  o.s.trip_count = trips;
  o.s.carried = {o.p.add_input("H0", kF32, {2})};
  o.s.sequences = {o.p.add_input("X", kF32, {3, 2})};
  o.s.invariants = {o.p.add_input("U", kF32, {2})};
  o.s.body = std::make_shared<const Program>(body());
  return o;
}

void expect_error(Outer o, const std::string& what) {
  try {
    o.p.add_scan("Y", o.s);
    FAIL() << "expected an error containing: " << what;
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("scan for Y"), std::string::npos) << e.what();
    EXPECT_FALSE(e.hint().empty());
  }
  EXPECT_FALSE(o.p.find("Y").has_value()) << "a failed add_scan leaves no tensor behind";
}

TEST(ScanIr, AddScanInfersTheResultType) {
  Outer o = outer();
  const TensorId y = o.p.add_scan("Y", o.s);
  EXPECT_EQ(o.p.tensor(y).shape, (Shape{2}));
  EXPECT_EQ(op_inputs(*o.p.producer(y)), (std::vector<TensorId>{0, 1, 2}));
  o.s.stacked = true;
  const TensorId ys = o.p.add_scan("Ys", o.s);
  EXPECT_EQ(o.p.tensor(ys).shape, (Shape{3, 2}));
}

TEST(ScanIr, AddScanRejectsMistakes) {
  Outer o = outer();
  o.s.body = std::make_shared<const Program>(body(1.0, {1}));  // H [1] broadcasts to [2]
  expect_error(o, "carried state 0 (H0) is float32[2] but the body's H is float32[1]");
  o = outer();
  o.s.trip_count = 0;
  expect_error(o, "the trip count is 0");
  o = outer();
  o.s.trip_count = std::int64_t{1} << 31;  // the step reaches kernels as an int
  expect_error(o, "the trip count is 2147483648");
  o = outer();
  o.s.sequences = {o.p.add_input("X4", kF32, {4, 2})};
  expect_error(o, "sequence X4 has shape [4, 2] but the scan runs 3 steps");
  o = outer();
  o.s.invariants.push_back(o.s.invariants[0]);
  expect_error(o, "the body takes 3 inputs but the scan passes 4");
  o = outer();
  o.s.result = 1;
  expect_error(o, "the result is carried state 1 of 1");
  o = outer();
  o.s.invariants = {o.p.add_input("I", DType::kInt32, {2})};
  expect_error(o, "invariant I is int32[2] but the body's U is float32[2]");
  o = outer();
  o.s.carried.clear();
  expect_error(o, "there is no carried state");
}

TEST(ScanIr, EqualityComparesBodies) {
  Outer a = outer(), b = outer(), c = outer();
  c.s.body = std::make_shared<const Program>(body(2.0));
  a.p.add_output(a.p.add_scan("Y", a.s));
  b.p.add_output(b.p.add_scan("Y", b.s));
  c.p.add_output(c.p.add_scan("Y", c.s));
  std::string why;
  EXPECT_TRUE(programs_equal(a.p, b.p, &why)) << why;
  EXPECT_FALSE(programs_equal(a.p, c.p, &why));
  EXPECT_NE(why.find("scan body"), std::string::npos) << why;
  EXPECT_TRUE(std::get<Scan>(a.p.ops()[0]) == std::get<Scan>(b.p.ops()[0]));
  EXPECT_FALSE(std::get<Scan>(a.p.ops()[0]) == std::get<Scan>(c.p.ops()[0]));
}

TEST(ScanIr, BuilderAndParserAgree) {
  Builder b;
  Builder::ScanArgs args;
  args.trip_count = 3;
  args.carried = {b.input("H0", kF32, {2})};
  args.sequences = {b.input("X", kF32, {3, 2})};
  args.invariants = {b.input("U", kF32, {2})};
  args.stacked = true;
  b.output(b.scan(args, body(), "Y"));
  const Program built = b.build();
  const Program parsed = parse_program(
      "function (H0[2], X[3, 2], U[2]) -> (Y) {\n"
      "  Y = scan 3 (H0; X; U) stack 0 function (H[2], Xt[2], U[2]) -> (H2) {\n"
      "    H2 = H * Xt * 1.0 + U;\n"
      "  };\n"
      "}\n");
  std::string why;
  EXPECT_TRUE(programs_equal(built, parsed, &why)) << why;
  EXPECT_TRUE(programs_equal(parse_program(print_program(built)), built, &why)) << why;
}

}  // namespace
}  // namespace tartan
