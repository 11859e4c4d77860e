#include "codegen/kir/printer.h"

#include "codegen/opencl_dialect.h"
#include "tartan/support/error.h"

namespace tartan::kir {

namespace {

std::string join(const std::vector<Expr>& es) {
  std::string s;
  for (std::size_t i = 0; i < es.size(); ++i) s += (i ? ", " : "") + print(es[i]);
  return s;
}

struct ExprPrinter {
  std::string operator()(const Verbatim& n) const { return n.text; }
  std::string operator()(const Var& n) const { return n.name; }
  std::string operator()(const IntImm& n) const { return std::to_string(n.value); }
  std::string operator()(const Literal& n) const { return opencl::literal(n.type, n.value); }
  std::string operator()(const NamedConst& n) const {
    return std::string(opencl::named_constant(n.which));
  }
  std::string operator()(const Binary& n) const {
    return print(n.a) + " " + n.op + " " + print(n.b);
  }
  std::string operator()(const Unary& n) const { return n.op + print(n.a); }
  std::string operator()(const Paren& n) const { return "(" + print(n.a) + ")"; }
  std::string operator()(const Cast& n) const { return "(" + print(n.type) + ")" + print(n.a); }
  std::string operator()(const Call& n) const {
    return std::string(opencl::function_name(n.fn)) + "(" + join(n.args) + ")";
  }
  std::string operator()(const Ternary& n) const {
    return print(n.cond) + " ? " + print(n.t) + " : " + print(n.f);
  }
  std::string operator()(const Load& n) const {
    if (n.local) {
      return opencl::local_vector_read(print(compute_type(n.type, n.lanes)), print(n.ptr),
                                       print(n.offset));
    }
    if (n.lanes == 1) return opencl::load(n.type, print(n.ptr), print(n.offset));
    return opencl::vector_load(n.type, n.lanes, print(n.ptr), print(n.offset));
  }
  std::string operator()(const Index& n) const {
    return print(n.base) + "[" + print(n.index) + "]";
  }
  std::string operator()(const Lane& n) const { return opencl::lane(print(n.vec), n.lane); }
  std::string operator()(const MakeVector& n) const {
    return "(" + print(n.type) + ")(" + join(n.elems) + ")";
  }
};

struct StmtPrinter {
  CodeWriter& out;
  void operator()(const Block& n) const {
    for (const Stmt& s : n.stmts) print(s, out);
  }
  void operator()(const Scope& n) const {
    out.open("");
    print(n.body, out);
    out.close();
  }
  void operator()(const Let& n) const {
    // A pointer's constness follows its type: T* const p.
    const bool pointer = n.type.pointer != Type::Pointer::kNone;
    const std::string decl = pointer ? print(n.type) + (n.is_const ? " const " : " ") + n.name
                                     : (n.is_const ? "const " : "") + print(n.type) + " " + n.name;
    out.line(decl + " = " + print(n.value) + ";");
  }
  void operator()(const Assign& n) const {
    out.line(print(n.target) + " " + n.op + " " + print(n.value) + ";");
  }
  void operator()(const Store& n) const {
    if (n.lanes == 1) {
      out.line(opencl::store(n.type, print(n.ptr), print(n.offset), print(n.value)));
    } else {
      out.line(
          opencl::vector_store(n.type, n.lanes, print(n.value), print(n.ptr), print(n.offset)));
    }
  }
  void operator()(const If& n) const {
    if (n.compact) {
      TARTAN_CHECK(!n.otherwise, "a compact if has no else");
      out.line("if (" + print(n.cond) + ") " + print_line(n.then));
      return;
    }
    out.open("if (" + print(n.cond) + ")");
    print(n.then, out);
    out.close();
    if (n.otherwise) {
      out.open("else");
      print(n.otherwise, out);
      out.close();
    }
  }
  void operator()(const For& n) const {
    if (n.unroll > 0) out.line(opencl::unroll_hint(n.unroll));
    const std::string bound = n.end.empty() ? print(n.hi) : n.end;
    out.open("for (" + print(n.type) + " " + n.var + " = " + print(n.lo) +
             (n.end.empty() ? "" : ", " + n.end + " = " + print(n.hi)) + "; " + n.var + " < " +
             bound + "; " + (n.step ? n.var + " += " + print(n.step) : "++" + n.var) + ")");
    print(n.body, out);
    out.close();
  }
  void operator()(const LocalAlloc& n) const {
    out.line(n.aligned ? opencl::local_array(print(n.type), n.name, n.count)
                       : opencl::local_array_unaligned(print(n.type), n.name, n.count));
  }
  void operator()(const Barrier&) const { out.line(opencl::kLocalBarrier); }
  void operator()(const Return&) const { out.line("return;"); }
  void operator()(const Continue&) const { out.line("continue;"); }
};

}  // namespace

std::string print(const Type& t) {
  std::string s(opencl::scalar_name(t.scalar));
  if (t.lanes > 1) s += std::to_string(t.lanes);
  switch (t.pointer) {
    case Type::Pointer::kNone:
      return s;
    case Type::Pointer::kLocal:
      return opencl::local_pointer(s);
    case Type::Pointer::kGlobal:
      return opencl::global_pointer(s, true);
    case Type::Pointer::kGlobalConst:
      return opencl::global_pointer(s, false);
  }
  return s;
}

std::string print(const Expr& e) {
  TARTAN_CHECK(e != nullptr, "printing an empty expression");
  return std::visit(ExprPrinter{}, e->node);
}

void print(const Stmt& s, CodeWriter& out) {
  if (s) std::visit(StmtPrinter{out}, s->node);
}

std::string print_line(const Stmt& s) {
  CodeWriter w;
  print(s, w);
  std::string text = w.text();
  TARTAN_CHECK(!text.empty() && text.find('\n') + 1 == text.size(),
               "a statement that should print on one line");
  text.pop_back();
  return text;
}

}  // namespace tartan::kir
