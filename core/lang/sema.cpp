#include "lang/sema.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "lang/index_expr.h"
#include "lang/suggest.h"

namespace tartan {

namespace {

using ast::Expr;

// Larger tensors are certainly a mistake, and element counts stay far from int64 overflow.
constexpr std::int64_t kMaxElements = std::int64_t{1} << 40;

struct Symbol {
  enum class Kind : std::uint8_t { kTensor, kDim };
  Kind kind = Kind::kTensor;
  TensorId tensor = -1;
  std::int64_t size = 0;
  SourceLoc loc;  // where it was defined
};

std::string where(const SourceLoc& loc) {
  return "line " + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

std::vector<std::string> builtin_names() {
  std::vector<std::string> names = {"as_float", "as_int", "as_bool", "reshape", "gather", "index"};
  for (int i = 0; i <= static_cast<int>(EwOp::kIdentity); ++i) {
    const auto op = static_cast<EwOp>(i);
    if (op != EwOp::kCast) names.emplace_back(ew_info(op).name);
  }
  return names;
}

std::optional<EwOp> binary_ew_op(Tok t) {
  switch (t) {
    case Tok::kPlus:
      return EwOp::kAdd;
    case Tok::kMinus:
      return EwOp::kSub;
    case Tok::kStar:
      return EwOp::kMul;
    case Tok::kSlash:
      return EwOp::kDiv;
    case Tok::kPercent:
      return EwOp::kMod;
    case Tok::kEqEq:
      return EwOp::kEq;
    case Tok::kNotEq:
      return EwOp::kNe;
    case Tok::kLess:
      return EwOp::kLt;
    case Tok::kGreater:
      return EwOp::kGt;
    case Tok::kLessEq:
      return EwOp::kLe;
    case Tok::kGreaterEq:
      return EwOp::kGe;
    case Tok::kAndAnd:
      return EwOp::kAnd;
    case Tok::kOrOr:
      return EwOp::kOr;
    default:
      return std::nullopt;
  }
}

AggOp agg_op(Tok t) {
  switch (t) {
    case Tok::kStar:
      return AggOp::kProd;
    case Tok::kGreater:
      return AggOp::kMax;
    case Tok::kLess:
      return AggOp::kMin;
    case Tok::kAssign:
      return AggOp::kAssign;
    default:
      return AggOp::kSum;
  }
}

CombOp comb_op(Tok t) {
  switch (t) {
    case Tok::kStar:
      return CombOp::kMul;
    case Tok::kPlus:
      return CombOp::kAdd;
    case Tok::kEqEq:
      return CombOp::kEq;
    case Tok::kQuestion:
      return CombOp::kCond;
    default:
      return CombOp::kNone;
  }
}

class Sema {
 public:
  Sema(const ast::Function& f, const ParseOptions& options) : f_(f), options_(options) {}

  Program run() {
    for (const ast::Param& p : f_.params) bind_param(p);
    for (const auto& entry : options_.inputs) {
      const std::string& name = entry.first;
      const bool known = std::any_of(f_.params.begin(), f_.params.end(),
                                     [&](const ast::Param& p) { return p.name.text == name; });
      if (!known) {
        throw Error("ParseOptions::inputs gives a shape for " + name +
                        ", which is not a parameter of the function",
                    "remove it, or add " + name + " to the header", f_.loc);
      }
    }
    for (const ast::Statement& s : f_.body) {
      std::visit([this](const auto& stmt) { statement(stmt); }, s);
    }
    for (const ast::Name& out : f_.outputs) {
      const auto it = symbols_.find(out.text);
      if (it == symbols_.end()) {
        throw Error("output " + out.text + " is never assigned",
                    "assign it in the body, like " + out.text + " = ...;", out.loc);
      }
      if (it->second.kind != Symbol::Kind::kTensor) {
        throw Error(out.text + " is a dimension, not a tensor", "outputs must be tensors", out.loc);
      }
      program_.add_output(it->second.tensor);
    }
    return std::move(program_);
  }

 private:
  // ------------------------------------------------------------ names
  const Symbol* lookup(const std::string& name) const {
    const auto it = symbols_.find(name);
    return it == symbols_.end() ? nullptr : &it->second;
  }

  std::vector<std::string> names_of(Symbol::Kind kind) const {
    std::vector<std::string> names;
    for (const auto& [n, s] : symbols_) {
      if (s.kind == kind) names.push_back(n);
    }
    return names;
  }

  TensorId tensor(const ast::Name& n) const {
    if (is_index_name(n.text)) {
      throw Error(n.text + " is an index variable, not a tensor",
                  "index variables appear only in contraction accesses; tensor names start "
                  "with an uppercase letter",
                  n.loc);
    }
    const Symbol* s = lookup(n.text);
    if (!s) {
      throw Error("unknown tensor " + n.text,
                  did_you_mean(n.text, names_of(Symbol::Kind::kTensor),
                               "define it before this statement or add it to the header"),
                  n.loc);
    }
    if (s->kind != Symbol::Kind::kTensor) {
      throw Error(n.text + " is a dimension, not a tensor",
                  "dimension names stand for sizes; use them in sizes and index expressions",
                  n.loc);
    }
    return s->tensor;
  }

  std::int64_t dim(const ast::Name& n) const {
    const Symbol* s = lookup(n.text);
    if (!s) {
      throw Error("unknown dimension " + n.text,
                  did_you_mean(n.text, names_of(Symbol::Kind::kDim),
                               "dimensions are bound by the header, like A[" + n.text + "]"),
                  n.loc);
    }
    if (s->kind != Symbol::Kind::kDim) {
      throw Error(n.text + " is a tensor, not a dimension or index",
                  "index expressions use index variables (lowercase) and dimension names", n.loc);
    }
    return s->size;
  }

  DimLookup dims() const {
    return [this](const ast::Name& n) { return dim(n); };
  }

  // A new tensor name for a statement's result.
  void check_new_tensor_name(const ast::Name& n) const {
    if (is_index_name(n.text)) {
      throw Error(n.text + " looks like an index variable",
                  "tensor names start with an uppercase letter (after any underscores)", n.loc);
    }
    if (const Symbol* s = lookup(n.text)) {
      throw Error(n.text + " is assigned twice (first at " + where(s->loc) + ")",
                  "every name is assigned once; use a new name", n.loc);
    }
    if (program_.find(n.text)) {
      throw Error(n.text + " clashes with a temporary of an earlier statement",
                  "names like _T0 are taken by temporaries; choose another name", n.loc);
    }
  }

  void define_tensor(const ast::Name& n, TensorId id) {
    symbols_[n.text] = Symbol{Symbol::Kind::kTensor, id, 0, n.loc};
  }

  // Runs a Program::add_* call, giving its errors this location and bounding the result size.
  template <typename F>
  TensorId checked(const SourceLoc& loc, F&& add) {
    TensorId id;
    try {
      id = add();
    } catch (const Error& e) {
      if (e.loc()) throw;
      throw Error(e.what(), e.hint(), loc);
    }
    check_elements(program_.tensor(id).shape, program_.tensor(id).name, loc);
    return id;
  }

  static void check_elements(const Shape& shape, const std::string& name, const SourceLoc& loc) {
    std::int64_t n = 1;
    for (std::int64_t d : shape) {
      if (d > 0 && n > kMaxElements / d) {
        throw Error(name + " would have more than 2^40 elements (shape " + shape_str(shape) + ")",
                    "use smaller sizes", loc);
      }
      n *= d;
    }
  }

  // ------------------------------------------------------------ header
  void bind_param(const ast::Param& p) {
    if (const Symbol* s = lookup(p.name.text); s && s->kind == Symbol::Kind::kTensor) {
      throw Error("duplicate parameter " + p.name.text + " (first at " + where(s->loc) + ")",
                  "give each parameter its own name", p.name.loc);
    }
    check_new_tensor_name(p.name);
    std::optional<DType> declared;
    if (p.type) {
      declared = parse_dtype(p.type->text);
      if (!declared) {
        throw Error("unknown type " + p.type->text,
                    did_you_mean(p.type->text, {"bool", "int32", "float16", "float32"},
                                 "types are bool, int32, float16 and float32"),
                    p.type->loc);
      }
    }
    const auto spec_it = options_.inputs.find(p.name.text);
    const InputSpec* spec = spec_it == options_.inputs.end() ? nullptr : &spec_it->second;
    const std::string how = "give its shape in the header, like " + p.name.text +
                            "[2, 3], or pass ParseOptions::inputs[\"" + p.name.text + "\"]";
    if (!p.has_dims && !spec) {
      throw Error("the shape of input " + p.name.text + " is not known", how, p.name.loc);
    }
    if (spec && p.has_dims && spec->shape.size() != p.dims.size()) {
      throw Error("input " + p.name.text + " has rank " + std::to_string(p.dims.size()) +
                      " in the header but ParseOptions::inputs gives shape " +
                      shape_str(spec->shape),
                  "make the header and the given shape agree", p.name.loc);
    }
    if (spec && declared && *declared != spec->dtype) {
      throw Error("input " + p.name.text + " is declared " + std::string(dtype_name(*declared)) +
                      " but ParseOptions::inputs gives " + std::string(dtype_name(spec->dtype)),
                  "make the header and the given type agree", p.type->loc);
    }
    Shape shape = spec ? spec->shape : Shape(p.dims.size());
    for (std::size_t d = 0; d < p.dims.size(); ++d) {
      std::optional<std::int64_t> given;
      if (spec) given = spec->shape[d];
      shape[d] = bind_dim(p, d, given, how);
    }
    const DType dtype = declared ? *declared : spec ? spec->dtype : DType::kFloat32;
    check_elements(shape, p.name.text, p.name.loc);
    const TensorId id =
        checked(p.name.loc, [&] { return program_.add_input(p.name.text, dtype, shape); });
    define_tensor(p.name, id);
  }

  std::int64_t bind_dim(const ast::Param& p, std::size_t d, std::optional<std::int64_t> given,
                        const std::string& how) {
    const ast::Dim& dim = p.dims[d];
    const std::string which = "dimension " + std::to_string(d) + " of " + p.name.text;
    if (given && (*given < 1 || *given > kMaxDimSize)) {
      throw Error(which + " is " + std::to_string(*given) + " in ParseOptions::inputs",
                  "sizes must be between 1 and 2^30", dim.loc);
    }
    if (!dim.name) {
      if (dim.value < 1) {
        throw Error(which + " is " + std::to_string(dim.value), "every size must be at least 1",
                    dim.loc);
      }
      if (given && *given != dim.value) {
        throw Error(which + " is " + std::to_string(dim.value) +
                        " in the header but ParseOptions::inputs gives " + std::to_string(*given),
                    "make the header and the given shape agree", dim.loc);
      }
      return dim.value;
    }
    const ast::Name& n = *dim.name;
    if (is_index_name(n.text)) {
      throw Error("dimension names start with an uppercase letter, not " + n.text,
                  "write A[N] for a dimension named N", n.loc);
    }
    if (const Symbol* s = lookup(n.text)) {
      if (s->kind != Symbol::Kind::kDim) {
        throw Error(n.text + " is a tensor, not a dimension", "use another dimension name", n.loc);
      }
      if (given && *given != s->size) {
        throw Error("dimension " + n.text + " is " + std::to_string(s->size) + " (bound at " +
                        where(s->loc) + ") but " + which + " is " + std::to_string(*given),
                    "a repeated dimension name demands equal sizes; use different names for "
                    "different sizes",
                    n.loc);
      }
      return s->size;
    }
    if (!given) {
      throw Error("the shape of input " + p.name.text + " is not known (dimension " + n.text +
                      " is not bound)",
                  how, n.loc);
    }
    symbols_[n.text] = Symbol{Symbol::Kind::kDim, -1, *given, n.loc};
    return *given;
  }

  // ------------------------------------------------------------ contractions
  Access access(const ast::Access& a, IndexScope* scope, std::vector<bool>* used) {
    Access out;
    out.tensor = tensor(a.tensor);
    const std::size_t rank = program_.tensor(out.tensor).shape.size();
    if (a.indices.size() != rank) {
      throw Error(a.tensor.text + " has rank " + std::to_string(rank) + " but is indexed with " +
                      std::to_string(a.indices.size()) + " indices",
                  "write one index expression per dimension of " + a.tensor.text, a.tensor.loc);
    }
    for (const Expr& e : a.indices) out.indices.push_back(affine(e, scope, used));
    return out;
  }

  Affine affine(const Expr& e, IndexScope* scope, std::vector<bool>* used) {
    Affine a = eval_affine(e, dims(), scope);
    if (used) {
      used->resize(scope->names().size(), false);
      for (const auto& [v, c] : a.terms()) (*used)[static_cast<std::size_t>(v)] = true;
    }
    return a;
  }

  void statement(const ast::ContractionStmt& s) {
    const ast::Name& name = s.output.tensor;
    check_new_tensor_name(name);
    if (s.output.indices.size() != s.sizes.size()) {
      throw Error("the output of " + name.text + " has " + std::to_string(s.output.indices.size()) +
                      " indices but " + std::to_string(s.sizes.size()) + " sizes",
                  "give one size per output index", name.loc);
    }
    IndexScope scope;
    Contraction c;
    c.agg = agg_op(s.agg);
    c.comb = comb_op(s.comb);
    for (const Expr& e : s.output.indices) c.output_indices.push_back(affine(e, &scope, nullptr));
    Shape shape;
    for (std::size_t d = 0; d < s.sizes.size(); ++d) {
      shape.push_back(
          eval_size(s.sizes[d], dims(), "size " + std::to_string(d) + " of " + name.text));
    }
    std::vector<bool> used;  // per index variable: appears in an input or constraint
    for (const ast::Access& a : s.inputs) c.inputs.push_back(access(a, &scope, &used));
    for (const Expr& k : s.constraints) {
      c.constraints.push_back({affine(k.args[0], &scope, &used), eval_dim_expr(k.args[1], dims())});
      const std::int64_t bound = c.constraints.back().bound;
      if (bound > kMaxDimSize || bound < -kMaxDimSize) {
        throw Error("constraint bound " + std::to_string(bound) + " is too large",
                    "bounds are limited to 2^30", k.args[1].loc);
      }
    }
    used.resize(scope.names().size(), false);
    for (std::size_t d = 0; d < c.output_indices.size(); ++d) {
      for (const auto& [v, coeff] : c.output_indices[d].terms()) {
        if (!used[static_cast<std::size_t>(v)]) {
          throw Error("index variable " + scope.names()[static_cast<std::size_t>(v)] +
                          " is used only in the output of " + name.text,
                      "use it in an input access or a constraint; to broadcast, use an "
                      "elementwise statement",
                      s.output.indices[d].loc);
        }
      }
    }
    if (s.default_tensor) c.default_tensor = tensor(*s.default_tensor);
    c.index_names = scope.names();
    number_indices_by_first_use(&c);
    check_elements(shape, name.text, name.loc);
    const TensorId id =
        checked(name.loc, [&] { return program_.add_contraction(name.text, shape, std::move(c)); });
    define_tensor(name, id);
  }

  // ------------------------------------------------------------ scans
  void statement(const ast::ScanStmt& s) {
    check_new_tensor_name(s.target);
    Scan scan;
    scan.trip_count = s.trip_count;
    scan.stacked = s.stacked;
    if (s.trip_count < 1) {
      throw Error(
          "the scan for " + s.target.text + " runs " + std::to_string(s.trip_count) + " times",
          "a scan runs its body at least once", s.trip_loc);
    }
    for (const Expr& e : s.carried) scan.carried.push_back(value(e, ""));
    for (const Expr& e : s.sequences) scan.sequences.push_back(value(e, ""));
    for (const Expr& e : s.invariants) scan.invariants.push_back(value(e, ""));
    if (s.result >= static_cast<std::int64_t>(s.carried.size())) {
      throw Error("the scan for " + s.target.text + " returns carried state " +
                      std::to_string(s.result) + " but carries " + std::to_string(s.carried.size()),
                  "carried states are numbered from 0", s.result_loc);
    }
    scan.result = static_cast<int>(s.result);
    scan.body = std::make_shared<const Program>(analyze(*s.body, body_inputs(s, scan)));
    define_tensor(s.target, checked(s.loc, [&] { return program_.add_scan(s.target.text, scan); }));
  }

  // What the scan passes to each body parameter: carried states and invariants as they are,
  // a sequence's step slice without its leading axis. Checked here, so that mistakes are told
  // in the scan's terms rather than as a mismatch with ParseOptions.
  ParseOptions body_inputs(const ast::ScanStmt& s, const Scan& scan) const {
    const ast::Function& body = *s.body;
    const std::size_t n = scan.carried.size() + scan.sequences.size() + scan.invariants.size();
    if (body.params.size() != n) {
      throw Error("the scan's body takes " + std::to_string(body.params.size()) +
                      " parameter(s) but the scan passes " + std::to_string(n),
                  "give the body one parameter per carried state, sequence and invariant, in "
                  "that order",
                  body.loc);
    }
    ParseOptions options;
    options.filename = options_.filename;
    std::vector<InputSpec> specs;
    for (TensorId t : scan.carried) {
      specs.push_back({program_.tensor(t).dtype, program_.tensor(t).shape});
    }
    for (std::size_t j = 0; j < scan.sequences.size(); ++j) {
      const TensorInfo& t = program_.tensor(scan.sequences[j]);
      if (t.shape.empty() || t.shape[0] != scan.trip_count) {
        throw Error("sequence " + t.name + " has shape " + shape_str(t.shape) +
                        " but the scan runs " + std::to_string(scan.trip_count) + " steps",
                    "a sequence's leading axis is the step: its size must be the trip count",
                    s.sequences[j].loc);
      }
      specs.push_back({t.dtype, Shape(t.shape.begin() + 1, t.shape.end())});
    }
    for (TensorId t : scan.invariants) {
      specs.push_back({program_.tensor(t).dtype, program_.tensor(t).shape});
    }
    for (std::size_t i = 0; i < n; ++i) {
      const ast::Param& p = body.params[i];
      const InputSpec& spec = specs[i];
      const std::string given = "the scan passes " + std::string(dtype_name(spec.dtype)) +
                                shape_str(spec.shape) + " for body parameter " + p.name.text;
      if (p.type && parse_dtype(p.type->text) && *parse_dtype(p.type->text) != spec.dtype) {
        throw Error(given + ", declared " + p.type->text, "make the types agree", p.type->loc);
      }
      if (p.has_dims && p.dims.size() != spec.shape.size()) {
        throw Error(given + ", which has rank " + std::to_string(p.dims.size()) + " in the header",
                    "make the ranks agree (a sequence's step slice drops its leading axis)",
                    p.name.loc);
      }
      for (std::size_t d = 0; p.has_dims && d < p.dims.size(); ++d) {
        if (!p.dims[d].name && p.dims[d].value != spec.shape[d]) {
          throw Error(given + ", whose dimension " + std::to_string(d) + " is " +
                          std::to_string(p.dims[d].value) + " in the header",
                      "make the sizes agree", p.dims[d].loc);
        }
      }
      options.inputs[p.name.text] = spec;
    }
    return options;
  }

  // ------------------------------------------------------------ elementwise
  void statement(const ast::AssignStmt& s) {
    check_new_tensor_name(s.target);
    define_tensor(s.target, value(s.value, s.target.text));
  }

  // The tensor holding `e`'s value. With a `name`, the result is a new op named so (a bare
  // tensor or literal becomes a copy); without, a temporary or the existing tensor.
  TensorId value(const Expr& e, const std::string& name) {
    switch (e.kind) {
      case Expr::Kind::kInt:
        return named(name, e.loc,
                     program_.add_literal(static_cast<double>(e.int_value), DType::kInt32));
      case Expr::Kind::kFloat:
        return named(name, e.loc, program_.add_literal(e.float_value, DType::kFloat32));
      case Expr::Kind::kName: {
        const Symbol* s = lookup(e.name);
        if (s && s->kind == Symbol::Kind::kDim) {
          return named(name, e.loc,
                       program_.add_literal(static_cast<double>(s->size), DType::kInt32));
        }
        return named(name, e.loc, tensor(ast::Name{e.name, e.loc}));
      }
      case Expr::Kind::kUnary: {
        const TensorId x = value(e.args[0], "");
        const EwOp op = e.op == Tok::kMinus ? EwOp::kNeg : EwOp::kNot;
        return checked(e.loc, [&] { return program_.add_elementwise(name, op, {x}); });
      }
      case Expr::Kind::kBinary: {
        const TensorId a = value(e.args[0], "");
        const TensorId b = value(e.args[1], "");
        const EwOp op = *binary_ew_op(e.op);
        return checked(e.loc, [&] { return program_.add_elementwise(name, op, {a, b}); });
      }
      case Expr::Kind::kTernary: {
        std::vector<TensorId> args;
        for (const Expr& a : e.args) args.push_back(value(a, ""));
        return checked(e.loc, [&] { return program_.add_elementwise(name, EwOp::kSelect, args); });
      }
      case Expr::Kind::kCall:
        return call(e, name);
    }
    throw InternalError("unhandled expression kind");
  }

  TensorId named(const std::string& name, const SourceLoc& loc, TensorId id) {
    if (name.empty()) return id;
    return checked(loc, [&] { return program_.add_elementwise(name, EwOp::kIdentity, {id}); });
  }

  void expect_args(const Expr& call, std::size_t n, const std::string& usage) const {
    if (call.args.size() != n) {
      throw Error(call.name + " takes " + std::to_string(n) + " argument" + (n == 1 ? "" : "s") +
                      ", got " + std::to_string(call.args.size()),
                  "write " + usage, call.loc);
    }
  }

  // An integer argument such as a bit width or an axis.
  std::int64_t int_arg(const Expr& arg) const { return eval_dim_expr(arg, dims()); }

  TensorId call(const Expr& e, const std::string& name) {
    const std::string& f = e.name;
    if (f == "as_float" || f == "as_int" || f == "as_bool") return cast(e, name);
    if (f == "reshape") {
      if (e.args.empty()) expect_args(e, 1, "reshape(X, dims...)");
      const TensorId x = value(e.args[0], "");
      Shape shape;
      for (std::size_t i = 1; i < e.args.size(); ++i) {
        shape.push_back(eval_size(e.args[i], dims(), "reshape dimension " + std::to_string(i - 1)));
      }
      check_elements(shape, "the reshape", e.loc);
      return checked(e.loc, [&] { return program_.add_reshape(name, x, shape); });
    }
    if (f == "gather") {
      expect_args(e, 2, "gather(data, indices)");
      const TensorId data = value(e.args[0], "");
      const TensorId idx = value(e.args[1], "");
      return checked(e.loc, [&] { return program_.add_gather(name, data, idx); });
    }
    if (f == "index") {
      expect_args(e, 2, "index(X, axis)");
      const TensorId x = value(e.args[0], "");
      const std::int64_t axis = int_arg(e.args[1]);
      if (axis < 0 || axis > 1024) {
        throw Error("index axis " + std::to_string(axis) + " is out of range",
                    "the axis must be between 0 and the rank - 1", e.args[1].loc);
      }
      return checked(e.loc, [&] { return program_.add_index(name, x, static_cast<int>(axis)); });
    }
    const std::optional<EwOp> op = ew_op_by_name(f);
    if (!op || *op == EwOp::kCast) {
      throw Error("unknown function " + f,
                  did_you_mean(f, builtin_names(),
                               "builtins are exp, log, sqrt, tanh, sigmoid, relu, abs, floor, "
                               "ceil, round, sin, cos, tan, erf, min, max, pow, select, as_float, "
                               "as_int, as_bool, reshape, gather, index"),
                  e.loc);
    }
    const int arity = ew_info(*op).arity;
    std::string usage = f + "(";
    for (int i = 0; i < arity; ++i) usage += i ? ", x" : "x";
    expect_args(e, static_cast<std::size_t>(arity), usage + ")");
    std::vector<TensorId> args;
    for (const Expr& a : e.args) args.push_back(value(a, ""));
    return checked(e.loc, [&] { return program_.add_elementwise(name, *op, args); });
  }

  TensorId cast(const Expr& e, const std::string& name) {
    DType to = DType::kBool;
    if (e.name == "as_bool") {
      expect_args(e, 1, "as_bool(X)");
    } else if (e.name == "as_int") {
      expect_args(e, 2, "as_int(X, 32)");
      if (int_arg(e.args[1]) != 32) {
        throw Error("as_int supports 32 bits", "write as_int(X, 32)", e.args[1].loc);
      }
      to = DType::kInt32;
    } else {
      expect_args(e, 2, "as_float(X, 16) or as_float(X, 32)");
      const std::int64_t bits = int_arg(e.args[1]);
      if (bits != 16 && bits != 32) {
        throw Error("as_float supports 16 or 32 bits", "write as_float(X, 16) or as_float(X, 32)",
                    e.args[1].loc);
      }
      to = bits == 16 ? DType::kFloat16 : DType::kFloat32;
    }
    const TensorId x = value(e.args[0], "");
    return checked(e.loc, [&] { return program_.add_elementwise(name, EwOp::kCast, {x}, to); });
  }

  const ast::Function& f_;
  const ParseOptions& options_;
  Program program_;
  std::map<std::string, Symbol> symbols_;
};

}  // namespace

Program analyze(const ast::Function& function, const ParseOptions& options) {
  return Sema(function, options).run();
}

}  // namespace tartan
