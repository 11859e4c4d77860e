// The kernel IR (core/codegen/kir): the printer's text for each node, with the OpenCL
// dialect's spellings, and visitors and mutators that recurse by default.
#include <gtest/gtest.h>

#include "codegen/kir/printer.h"
#include "codegen/kir/visitor.h"
#include "tartan/support/error.h"

namespace tartan::kir {
namespace {

const Type kInt = scalar_type(Type::Scalar::kInt);
const Type kFloat4{Type::Scalar::kFloat, 4};

std::string printed(const Stmt& s, int indent = 0) {
  CodeWriter w(indent);
  print(s, w);
  return w.text();
}

TEST(KirPrinter, ExpressionsWithTheDialectsSpellings) {
  EXPECT_EQ(print(call(Fn::kGlobalId, {imm(0)})), "get_global_id(0)");
  EXPECT_EQ(print(call(Fn::kClamp, {var("r"), cast(kInt, imm(0)), cast(kInt, imm(9))})),
            "clamp(r, (int)0, (int)9)");
  EXPECT_EQ(print(literal(DType::kFloat32, -1.0 / 0.0)), "(-INFINITY)");
  EXPECT_EQ(print(literal(DType::kFloat32, 0.5)), "0.5f");
  EXPECT_EQ(print(named(Named::kIntMin)), "INT_MIN");
  EXPECT_EQ(print(load(DType::kFloat16, var("p"), binary("+", var("row"), var("j")))),
            "vload_half(row + j, p)");
  EXPECT_EQ(print(load(DType::kFloat32, var("p"), var("o"), 4)), "vload4(0, p + o)");
  EXPECT_EQ(print(lane(var("v"), 11)), "v.sb");
  EXPECT_EQ(print(make_vector(kFloat4, {literal(DType::kFloat32, 0)})), "(float4)(0.0f)");
  EXPECT_EQ(print(paren(ternary(binary("<", var("a"), imm(0)), imm(0), var("a")))),
            "(a < 0 ? 0 : a)");
  EXPECT_EQ(print(call(Fn::kConvertIntSatRtz, {var("x")})), "convert_int_sat_rtz(x)");
}

TEST(KirPrinter, StatementsAndBlocks) {
  const Stmt body = block({
      let(kInt, "x", index(var("red"), var("lid"))),
      if_compact(binary(">=", var("x"), imm(4)), ret()),
      local_alloc(scalar_type(Type::Scalar::kFloat), "la", 64, true),
      barrier(),
      for_loop(kInt, "j", imm(0), imm(8),
               block({store(DType::kFloat32, var("p"), var("j"), var("x")),
                      store(DType::kFloat16, var("q"), var("j"), var("v"), 4)})),
      if_then(var("ok"), assign(var("acc"), "+=", var("x")), assign(var("acc"), "=", imm(0))),
  });
  EXPECT_EQ(printed(body, 1),
            "  const int x = red[lid];\n"
            "  if (x >= 4) return;\n"
            "  __local float la[64] __attribute__((aligned(16)));\n"
            "  barrier(CLK_LOCAL_MEM_FENCE);\n"
            "  for (int j = 0; j < 8; ++j) {\n"
            "    p[j] = x;\n"
            "    vstore_half4_rte(v, 0, q + j);\n"
            "  }\n"
            "  if (ok) {\n"
            "    acc += x;\n"
            "  }\n"
            "  else {\n"
            "    acc = 0;\n"
            "  }\n");
}

TEST(KirPrinter, CompactIfNeedsOneLine) {
  EXPECT_THROW(print_line(block({ret(), ret()})), tartan::InternalError);
}

// Counts loads, everything else by the default recursion.
class LoadCounter : public Visitor {
 public:
  using Visitor::visit;
  int loads = 0;

 protected:
  void visit(const Load& n) override {
    ++loads;
    Visitor::visit(n);  // loads inside the offset count too
  }
};

// Renames one variable everywhere, by overriding only Var.
class Rename : public Mutator {
 public:
  using Mutator::mutate;
  Rename(std::string from, std::string to) : from_(std::move(from)), to_(std::move(to)) {}

 protected:
  Expr mutate(const Expr& self, const Var& n) override { return n.name == from_ ? var(to_) : self; }

 private:
  std::string from_, to_;
};

TEST(KirVisitor, RecursesIntoEveryChildByDefault) {
  const Expr inner = load(DType::kInt32, var("idx"), var("j"));
  const Stmt s = for_loop(
      kInt, "j", imm(0), imm(4),
      if_then(binary("<", var("j"), imm(2)),
              store(DType::kFloat32, var("p"), inner, load(DType::kFloat32, var("q"), inner))));
  LoadCounter count;
  count.visit(s);
  EXPECT_EQ(count.loads, 3);
}

TEST(KirMutator, RewritesOnlyWhatItOverridesAndSharesTheRest) {
  const Stmt untouched = store(DType::kFloat32, var("p"), var("o"), var("v"));
  const Stmt s = block({let(kInt, "y", binary("*", var("x"), imm(2))), untouched});
  Rename rename("x", "x2");
  const Stmt out = rename.mutate(s);
  EXPECT_EQ(printed(out), "const int y = x2 * 2;\np[o] = v;\n");
  EXPECT_EQ(std::get<Block>(out->node).stmts[1], untouched);  // not copied
  Rename nothing("z", "w");
  EXPECT_EQ(nothing.mutate(s), s);  // an unchanged tree is the same tree
}

}  // namespace
}  // namespace tartan::kir
