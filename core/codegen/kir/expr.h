// The kernel IR's expressions: a small immutable tree that code generation builds by lowering a
// kernel group and its plan, that rewrites transform (kir/visitor.h) and that one printer turns
// into C text (kir/printer.h), spelling everything dialect-specific through the dialect table
// (codegen/opencl_dialect.h). Nodes say what an expression means (a load of N lanes, a call of
// a math builtin, a work-item coordinate), never how OpenCL writes it.
//
// Grouping is explicit (Paren): the printer adds no parentheses of its own, so a kernel prints
// exactly as the string writers it replaces printed it, and the generated code (and every
// kernel cache and tuning key derived from it) stays the same across the port.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "tartan/ir/dtype.h"

namespace tartan::kir {

// A C value type: a scalar kind and a lane count (float4: kFloat, 4), or a pointer to such
// values in __local or __global memory.
struct Type {
  enum class Scalar : std::uint8_t { kInt, kLong, kSizeT, kUInt, kUChar, kUShort, kHalf, kFloat };
  enum class Pointer : std::uint8_t { kNone, kLocal, kGlobal, kGlobalConst };
  Scalar scalar = Scalar::kInt;
  int lanes = 1;
  Pointer pointer = Pointer::kNone;
  friend bool operator==(const Type&, const Type&) = default;
};
Type scalar_type(Type::Scalar s);
Type storage_type(DType t);             // how a buffer stores elements of t
Type compute_type(DType t, int n = 1);  // how a kernel computes with them (n lanes)
Type pointer_to(Type t, Type::Pointer where);

// Functions a kernel calls: the dialect's builtins and tartan's prelude helpers.
enum class Fn : std::uint8_t {
  kGlobalId,
  kLocalId,
  kGroupId,  // work-item coordinates along a dimension
  kMin,
  kMax,
  kClamp,
  kAbs,  // integer (and generic) arithmetic
  kFmin,
  kFmax,
  kFabs,
  kFmod,
  kPow,
  kSelect,
  kIsnan,
  kExp,
  kLog,
  kSqrt,
  kTanh,
  kFloor,
  kCeil,
  kRound,
  kSin,
  kCos,
  kTan,
  kErf,
  kConvertIntSatRtz,  // float -> int, saturating, toward zero
  kIdiv,
  kImod,
  kTtFmin,
  kTtFmax,
  kRoundHalf,  // prelude helpers (opencl::prelude)
};

// Constants the dialect names.
enum class Named : std::uint8_t { kIntMin, kIntMax };

struct ExprNode;
using Expr = std::shared_ptr<const ExprNode>;

struct Var {
  std::string name;
};
struct IntImm {  // printed in decimal
  std::int64_t value = 0;
};
struct Literal {  // a literal of t's compute type: 1.5f, INFINITY, (-3)
  DType type = DType::kFloat32;
  double value = 0;
};
struct NamedConst {
  Named which = Named::kIntMin;
};
struct Binary {  // a op b; op is C's: "+", "*", "<", "&&", "|" ...
  std::string op;
  Expr a, b;
};
struct Unary {  // op a: "-", "!"
  std::string op;
  Expr a;
};
struct Paren {
  Expr a;
};
struct Cast {  // (type)a
  Type type;
  Expr a;
};
struct Call {
  Fn fn = Fn::kMin;
  std::vector<Expr> args;
};
struct Ternary {  // cond ? t : f
  Expr cond, t, f;
};
// `lanes` consecutive elements of a global buffer of `type` from element `offset` of `ptr`, in
// the compute type (vload_half for half, a widening read for bool). `local`: a __local array of
// compute-type values, read as one aligned vector.
struct Load {
  DType type = DType::kFloat32;
  Expr ptr, offset;
  int lanes = 1;
  bool local = false;
};
struct Index {  // base[index]: an array in private or __local memory
  Expr base, index;
};
struct Lane {  // lane i of a vector
  Expr vec;
  int lane = 0;
};
struct MakeVector {  // (type)(a, b, ...); one element: every lane that value
  Type type;
  std::vector<Expr> elems;
};

// C text from a writer not yet lowered to the IR (the register-tile writer, kernel_writer.cpp),
// used where its strings meet lowered helpers; it goes when that writer is lowered.
struct Verbatim {
  std::string text;
};

struct ExprNode {
  std::variant<Verbatim, Var, IntImm, Literal, NamedConst, Binary, Unary, Paren, Cast, Call,
               Ternary, Load, Index, Lane, MakeVector>
      node;
};

// Builders.
Expr verbatim(std::string text);
Expr var(std::string name);
Expr imm(std::int64_t v);
Expr literal(DType t, double v);
Expr named(Named n);
Expr binary(std::string op, Expr a, Expr b);
Expr unary(std::string op, Expr a);
Expr paren(Expr a);
Expr cast(Type t, Expr a);
Expr call(Fn fn, std::vector<Expr> args);
Expr ternary(Expr cond, Expr t, Expr f);
Expr load(DType t, Expr ptr, Expr offset, int lanes = 1);
Expr local_vector_load(DType t, Expr ptr, Expr offset, int lanes);
Expr index(Expr base, Expr i);
Expr lane(Expr vec, int i);
Expr make_vector(Type t, std::vector<Expr> elems);

}  // namespace tartan::kir
