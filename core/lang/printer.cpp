// print_program: the canonical tile text of a Program.
//
// One statement per op, in program order, with tensors named as stored (temporaries `_T0`...)
// and literals written inline where they are used. Equal programs print equal text, so the
// text can key caches. For every program without weight constants (every parsed program),
// parse_program(print_program(p)) is equal to p. Weight constants have no tile syntax; they
// print as extra header parameters marked `// constant`, so their values are not round-tripped.
#include <charconv>
#include <cmath>
#include <set>
#include <sstream>

#include "lang/index_expr.h"
#include "tartan/lang/parse.h"

namespace tartan {

namespace {

// The shortest text that reads back as the same float32 (always with `.` or an exponent).
std::string float_text(float v) {
  // No tile syntax for these: only builder programs (or constant folding) can hold one.
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  if (std::isnan(v)) return "nan";
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, res.ptr);
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s;
}

std::string literal_text(const TensorInfo& t) {
  const double v = t.data->at(0);
  if (is_float(t.dtype)) return float_text(static_cast<float>(v));
  return std::to_string(static_cast<std::int64_t>(v));
}

std::string join(const std::vector<std::string>& parts) {
  std::string s;
  for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? ", " : "") + parts[i];
  return s;
}

std::string dims_text(const Shape& shape) {
  std::vector<std::string> parts;
  for (std::int64_t d : shape) parts.push_back(std::to_string(d));
  return join(parts);
}

bool is_identifier(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

// The stored index names where they read back as the same distinct index variables; otherwise
// x0, x1, ... (builder programs may name indices freely).
std::vector<std::string> index_names(const Contraction& c) {
  std::set<std::string> seen;
  bool ok = true;
  for (const std::string& n : c.index_names) {
    ok = ok && is_identifier(n) && is_index_name(n) && n != "default" && seen.insert(n).second;
  }
  if (ok) return c.index_names;
  std::vector<std::string> names;
  for (std::size_t k = 0; k < c.index_names.size(); ++k) names.push_back("x" + std::to_string(k));
  return names;
}

class Printer {
 public:
  explicit Printer(const Program& p) : p_(p) {}

  std::string run() {
    header();
    for (const Op& op : p_.ops()) {
      out_ << "  ";
      line(op);
      out_ << "\n";
    }
    out_ << "}\n";
    return out_.str();
  }

  std::string run(const Op& op) {
    line(op);
    return out_.str();
  }

 private:
  void line(const Op& op) {
    out_ << p_.tensor(op_output(op)).name;
    std::visit([this](const auto& o) { statement(o); }, op);
    out_ << ";";
  }

  std::string param(TensorId id) const {
    const TensorInfo& t = p_.tensor(id);
    std::string s = t.name;
    if (t.dtype != DType::kFloat32) s += ": " + std::string(dtype_name(t.dtype));
    return s + "[" + dims_text(t.shape) + "]";
  }

  void header() {
    std::vector<std::string> params;
    for (TensorId id : p_.inputs()) params.push_back(param(id));
    std::vector<std::string> constants;
    for (std::size_t i = 0; i < p_.tensors().size(); ++i) {
      if (p_.tensors()[i].kind == TensorKind::kConstant) {
        constants.push_back(param(static_cast<TensorId>(i)));
      }
    }
    std::vector<std::string> outputs;
    for (TensorId id : p_.outputs()) outputs.push_back(p_.tensor(id).name);
    out_ << "function (";
    if (constants.empty()) {
      out_ << join(params);
    } else {
      out_ << "\n";
      params.insert(params.end(), constants.begin(), constants.end());
      for (std::size_t i = 0; i < params.size(); ++i) {
        out_ << "  " << params[i] << (i + 1 < params.size() ? "," : "");
        if (i >= params.size() - constants.size()) out_ << "  // constant";
        out_ << "\n";
      }
    }
    out_ << ") -> (" << join(outputs) << ") {\n";
  }

  // How an op refers to a tensor: its name, or a literal's value.
  std::string operand(TensorId id) const {
    const TensorInfo& t = p_.tensor(id);
    return t.kind == TensorKind::kLiteral ? literal_text(t) : t.name;
  }

  void statement(const Contraction& c) {
    const std::vector<std::string> names = index_names(c);
    const auto affines = [&](const std::vector<Affine>& as) {
      std::vector<std::string> parts;
      for (const Affine& a : as) parts.push_back(affine_str(a, names));
      return join(parts);
    };
    const Shape& shape = p_.tensor(c.output).shape;
    out_ << "[" << affines(c.output_indices);
    if (!shape.empty()) out_ << " : " << dims_text(shape);
    out_ << "] = " << agg_symbol(c.agg) << "(";
    for (std::size_t i = 0; i < c.inputs.size(); ++i) {
      if (i == 1)
        out_ << (c.comb == CombOp::kCond ? " == " : " " + std::string(comb_symbol(c.comb)) + " ");
      if (i == 2) out_ << " ? ";
      out_ << p_.tensor(c.inputs[i].tensor).name << "[" << affines(c.inputs[i].indices) << "]";
    }
    out_ << ")";
    for (const Constraint& k : c.constraints) {
      out_ << ", " << affine_str(k.expr, names) << " < " << k.bound;
    }
    if (c.default_tensor) out_ << " default " << p_.tensor(*c.default_tensor).name;
  }

  void statement(const Elementwise& e) {
    const EwOpInfo& info = ew_info(e.op);
    std::vector<std::string> args;
    for (TensorId id : e.inputs) args.push_back(operand(id));
    out_ << " = ";
    if (e.op == EwOp::kIdentity) {
      out_ << args[0];
    } else if (e.op == EwOp::kCast) {
      switch (p_.tensor(e.output).dtype) {
        case DType::kBool:
          out_ << "as_bool(" << args[0] << ")";
          break;
        case DType::kInt32:
          out_ << "as_int(" << args[0] << ", 32)";
          break;
        case DType::kFloat16:
          out_ << "as_float(" << args[0] << ", 16)";
          break;
        case DType::kFloat32:
          out_ << "as_float(" << args[0] << ", 32)";
          break;
      }
    } else if (e.op == EwOp::kSelect) {
      out_ << args[0] << " ? " << args[1] << " : " << args[2];
    } else if (!info.symbol.empty() && info.arity == 2) {
      out_ << args[0] << " " << info.symbol << " " << args[1];
    } else if (!info.symbol.empty() && info.arity == 1) {
      // `-(2.0)` negates a literal; `-2.0` would read back as the literal -2.0.
      const bool literal = p_.tensor(e.inputs[0]).kind == TensorKind::kLiteral;
      out_ << info.symbol << (literal ? "(" + args[0] + ")" : args[0]);
    } else {
      out_ << info.name << "(" << join(args) << ")";
    }
  }

  void statement(const Reshape& r) {
    const Shape& shape = p_.tensor(r.output).shape;
    out_ << " = reshape(" << operand(r.input) << (shape.empty() ? "" : ", ") << dims_text(shape)
         << ")";
  }

  void statement(const Gather& g) {
    out_ << " = gather(" << operand(g.data) << ", " << operand(g.indices) << ")";
  }

  void statement(const IndexOf& i) {
    out_ << " = index(" << operand(i.like) << ", " << i.axis << ")";
  }

  void statement(const Scan& s) {
    const auto operands = [&](const std::vector<TensorId>& ids) {
      std::vector<std::string> parts;
      for (TensorId id : ids) parts.push_back(operand(id));
      return join(parts);
    };
    out_ << " = scan " << s.trip_count << " (" << operands(s.carried) << "; "
         << operands(s.sequences) << "; " << operands(s.invariants) << ") "
         << (s.stacked ? "stack " : "last ") << s.result << " ";
    // The body, one level deeper: every line after its first is indented once more.
    std::string body = Printer(*s.body).run();
    body.pop_back();  // the final newline; the statement's `;` follows the `}`
    for (std::size_t at = body.find('\n'); at != std::string::npos; at = body.find('\n', at + 3)) {
      body.insert(at + 1, "  ");
    }
    out_ << body;
  }

  const Program& p_;
  std::ostringstream out_;
};

}  // namespace

std::string print_program(const Program& program) { return Printer(program).run(); }

std::string print_statement(const Program& program, const Op& op) {
  return Printer(program).run(op);
}

}  // namespace tartan
