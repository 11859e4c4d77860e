#include "tartan/codegen/kernel_writer.h"

#include <algorithm>
#include <climits>
#include <map>

#include "codegen/code_writer.h"
#include "codegen/elementwise_expr.h"
#include "codegen/opencl_dialect.h"
#include "tartan/ir/bounds.h"
#include "tartan/lang/parse.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

// The numerator of an affine expression as C text over the given variable names.
std::string numerator_c(const Affine& a, const std::vector<std::string>& names) {
  std::string s;
  for (const auto& [v, c] : a.terms()) {
    const std::string term = (c == 1 || c == -1) ? names[static_cast<std::size_t>(v)]
                                                 : std::to_string(c < 0 ? -c : c) + " * " +
                                                       names[static_cast<std::size_t>(v)];
    if (s.empty()) {
      s = c < 0 ? "-" + term : term;
    } else {
      s += (c < 0 ? " - " : " + ") + term;
    }
  }
  const std::int64_t k = a.constant_term();
  if (s.empty()) return k < 0 ? "(" + std::to_string(k) + ")" : std::to_string(k);
  if (k != 0) s += (k < 0 ? " - " : " + ") + std::to_string(k < 0 ? -k : k);
  return "(" + s + ")";
}

// A condition 0 <= expr < bound that one contraction must meet, placed in the loop nest at
// the depth of the innermost loop variable it uses.
struct RangeCheck {
  Affine expr;
  std::int64_t bound = 0;  // 0 <= expr < bound; bound 0 marks an equality check below
  std::string equals;      // for output dimensions: expr must equal this coordinate
  std::string value_name;  // when the checked value is reused in an address
};

class KernelWriter {
 public:
  KernelWriter(const LoweredProgram& lowered, const KernelGroup& group, const KernelPlan& plan)
      : program_(lowered.program), group_(group), plan_(plan) {}

  KernelSource run() {
    const TensorInfo& out = program_.tensor(group_.output);
    out_shape_ = out.shape;
    total_ = num_elements(out_shape_);
    arg(group_.output);  // argument 0 is the output
    choose_index_type();
    body_.line("const size_t gid = get_global_id(0);");
    body_.line("if (gid >= " + std::to_string(total_) + ") return;");
    emit_coords();
    const Op& root = program_.ops()[group_.ops.front()];
    std::visit([this](const auto& op) { emit_root(op); }, root);
    for (std::size_t k = 1; k < group_.ops.size(); ++k) {
      emit_elementwise(std::get<Elementwise>(program_.ops()[group_.ops[k]]));
    }
    body_.line(opencl::store(out.dtype, arg_names_.at(group_.output), "gid", value(group_.output)));
    return finish();
  }

 private:
  // ---------------------------------------------------------------- arguments and values
  std::string arg(TensorId t) {
    auto it = arg_names_.find(t);
    if (it != arg_names_.end()) return it->second;
    const std::string name = "p" + std::to_string(args_.size());
    args_.push_back(t);
    arg_names_[t] = name;
    return name;
  }

  void choose_index_type() {
    std::int64_t largest = total_;
    for (std::size_t k : group_.ops) {
      for (TensorId t : op_inputs(program_.ops()[k])) {
        largest = std::max(largest, num_elements(program_.tensor(t).shape));
      }
    }
    index_type_ = largest > INT_MAX ? "long" : "int";
  }

  // The C expression of tensor t's value at the current output element: a register value, a
  // literal, or a broadcast load.
  std::string value(TensorId t) {
    if (auto it = values_.find(t); it != values_.end()) return it->second;
    const TensorInfo& info = program_.tensor(t);
    if (info.kind == TensorKind::kLiteral) return opencl::literal(info.dtype, info.data->at(0));
    return opencl::load(info.dtype, arg(t), broadcast_offset(info.shape));
  }

  // Offset into a tensor of `shape` broadcast to the output shape (NumPy, right-aligned).
  std::string broadcast_offset(const Shape& shape) {
    if (shape == out_shape_) return "gid";
    const std::size_t skip = out_shape_.size() - shape.size();
    const std::vector<std::int64_t> strides = row_major_strides(shape);
    std::string s;
    for (std::size_t d = 0; d < shape.size(); ++d) {
      if (shape[d] == 1) continue;
      const std::string term = "c" + std::to_string(d + skip) +
                               (strides[d] == 1 ? "" : " * " + std::to_string(strides[d]));
      s += (s.empty() ? "" : " + ") + term;
    }
    return s.empty() ? "0" : s;
  }

  void set_value(TensorId t, const std::string& expr) {
    const TensorInfo& info = program_.tensor(t);
    const std::string name = "v" + std::to_string(t);
    body_.line("const " + std::string(opencl::compute_type(info.dtype)) + " " + name + " = " +
               expr + ";");
    values_[t] = name;
  }

  void emit_coords() {
    // Row-major decode of the flat output index into coordinates c0..c(r-1).
    std::string rest = "gid";
    for (std::size_t d = out_shape_.size(); d-- > 0;) {
      const std::string c = "c" + std::to_string(d);
      if (d == 0) {
        body_.line("const " + index_type_ + " " + c + " = (" + index_type_ + ")(" + rest + ");");
      } else {
        body_.line("const " + index_type_ + " " + c + " = (" + index_type_ + ")(" + rest + " % " +
                   std::to_string(out_shape_[d]) + ");");
        rest = "(" + rest + " / " + std::to_string(out_shape_[d]) + ")";
      }
    }
  }

  // ---------------------------------------------------------------- roots
  void emit_root(const Elementwise& e) { emit_elementwise(e); }

  void emit_elementwise(const Elementwise& e) {
    std::vector<std::string> args;
    std::vector<DType> types;
    for (TensorId in : e.inputs) {
      args.push_back(value(in));
      types.push_back(program_.tensor(in).dtype);
    }
    set_value(e.output, elementwise_expr(e.op, program_.tensor(e.output).dtype, args, types));
    flops_ += static_cast<double>(total_);
  }

  void emit_root(const Reshape&) { throw InternalError("a reshape cannot be a kernel root"); }

  void emit_root(const IndexOf& i) { set_value(i.output, "(int)c" + std::to_string(i.axis)); }

  void emit_root(const Gather& g) {
    const TensorInfo& data = program_.tensor(g.data);
    const TensorInfo& idx = program_.tensor(g.indices);
    // The first rank(idx) coordinates select the index; the rest address a row of data.
    std::string idx_off;
    const std::vector<std::int64_t> istr = row_major_strides(idx.shape);
    for (std::size_t d = 0; d < idx.shape.size(); ++d) {
      idx_off +=
          (d ? " + " : "") + std::string("c") + std::to_string(d) + " * " + std::to_string(istr[d]);
    }
    if (idx_off.empty()) idx_off = "0";
    body_.line(index_type_ + " row = " + opencl::load(idx.dtype, arg(g.indices), idx_off) + ";");
    body_.line("row = clamp(row, (" + index_type_ + ")0, (" + index_type_ + ")" +
               std::to_string(data.shape[0] - 1) + ");");
    const std::vector<std::int64_t> dstr = row_major_strides(data.shape);
    std::string off = "row * " + std::to_string(dstr[0]);
    for (std::size_t d = 1; d < data.shape.size(); ++d) {
      off += " + c" + std::to_string(idx.shape.size() + d - 1) + " * " + std::to_string(dstr[d]);
    }
    set_value(g.output, opencl::load(data.dtype, arg(g.data), off));
  }

  void emit_root(const Contraction& c);

  KernelSource finish();

  const Program& program_;
  const KernelGroup& group_;
  const KernelPlan& plan_;
  Shape out_shape_;
  std::int64_t total_ = 0;
  std::string index_type_ = "int";
  std::vector<TensorId> args_;
  std::map<TensorId, std::string> arg_names_;
  std::map<TensorId, std::string> values_;
  CodeWriter body_{1};
  double flops_ = 0;
};

// A contraction: each work-item owns one output element. Index variables that an output
// dimension determines are solved from the coordinates; the others are loops. Every access
// and constraint becomes either a tightening of the loop bounds (unit coefficient) or a
// check at the depth of its innermost variable, so padding costs no per-element tests.
void KernelWriter::emit_root(const Contraction& c) {
  const std::vector<IndexRange> ranges = derive_index_ranges(program_, c);
  const std::size_t nvars = c.index_names.size();
  std::vector<std::string> names(nvars);
  for (std::size_t v = 0; v < nvars; ++v) names[v] = "i_" + c.index_names[v];
  const TensorInfo& out = program_.tensor(c.output);
  const std::string acc_t(opencl::compute_type(out.dtype));
  const bool float_acc = is_float(out.dtype);

  // Solve index variables from output coordinates where a dimension names exactly one.
  std::vector<bool> known(nvars, false);
  std::vector<std::string> pre_conditions;
  std::vector<RangeCheck> checks;
  for (std::size_t d = 0; d < c.output_indices.size(); ++d) {
    const Affine& e = c.output_indices[d];
    const std::string coord = "c" + std::to_string(d);
    if (e.terms().size() == 1 && !known[static_cast<std::size_t>(e.terms()[0].first)]) {
      const auto v = static_cast<std::size_t>(e.terms()[0].first);
      const std::int64_t a = e.terms()[0].second;
      // (a * v + k) / q == coord  <=>  a * v == coord * q - k
      std::string num = coord;
      if (e.denom() != 1) num += " * " + std::to_string(e.denom());
      if (e.constant_term() != 0) {
        num +=
            (e.constant_term() > 0 ? " - " : " + ") + std::to_string(std::llabs(e.constant_term()));
      }
      num = "(" + num + ")";
      std::string solved = a == 1    ? num
                           : a == -1 ? "(-" + num + ")"
                                     : "(" + num + " / " + std::to_string(a) + ")";
      if (a != 1 && a != -1) pre_conditions.push_back(num + " % " + std::to_string(a) + " == 0");
      body_.line("const " + index_type_ + " " + names[v] + " = " + solved + ";");
      pre_conditions.push_back(names[v] + " >= " + std::to_string(ranges[v].lo) + " && " +
                               names[v] + " < " + std::to_string(ranges[v].hi));
      known[v] = true;
    } else {
      checks.push_back({e, 0, coord, {}});
    }
  }
  std::vector<std::size_t> loops;
  for (std::size_t v = 0; v < nvars; ++v) {
    if (!known[v]) loops.push_back(v);
  }
  std::vector<int> depth_of(nvars, -1);
  for (std::size_t k = 0; k < loops.size(); ++k) depth_of[loops[k]] = static_cast<int>(k);
  const auto depth = [&](const Affine& e) {
    int d = -1;
    for (const auto& [v, coeff] : e.terms()) d = std::max(d, depth_of[static_cast<std::size_t>(v)]);
    return d;
  };

  // Access dimensions with a denominator get a named value after their divisibility check.
  std::vector<std::vector<std::string>> access_dims(c.inputs.size());
  for (std::size_t i = 0; i < c.inputs.size(); ++i) {
    const Access& a = c.inputs[i];
    const Shape& shape = program_.tensor(a.tensor).shape;
    for (std::size_t d = 0; d < shape.size(); ++d) {
      std::string name;
      if (a.indices[d].denom() != 1) name = "x" + std::to_string(i) + "_" + std::to_string(d);
      checks.push_back({a.indices[d], shape[d], {}, name});
      access_dims[i].push_back(name.empty() ? numerator_c(a.indices[d], names) : name);
    }
  }
  for (const Constraint& k : c.constraints) checks.push_back({k.expr, k.bound, {}, {}});

  // Initial accumulator: the default's element, or the aggregation's identity.
  const bool has_default = c.default_tensor.has_value();
  const bool needs_reached =
      !has_default && (c.agg == AggOp::kProd || c.agg == AggOp::kMax || c.agg == AggOp::kMin);
  std::string init;
  if (has_default) {
    init = value(*c.default_tensor);
  } else if (c.agg == AggOp::kProd) {
    init = float_acc ? "1.0f" : "1";
  } else if (c.agg == AggOp::kMax) {
    init = float_acc ? "(-INFINITY)" : "INT_MIN";
  } else if (c.agg == AggOp::kMin) {
    init = float_acc ? "INFINITY" : "INT_MAX";
  } else {
    init = float_acc ? "0.0f" : "0";
  }
  body_.line(acc_t + " acc = " + init + ";");
  if (needs_reached) body_.line("int reached = 0;");

  std::string pre = "1";
  for (const std::string& p : pre_conditions) pre += " && " + p;
  for (const RangeCheck& k : checks) {
    if (depth(k.expr) >= 0) continue;
    if (k.bound == 0) {
      pre += " && " + numerator_c(k.expr, names) + " == " + k.equals +
             (k.expr.denom() == 1 ? "" : " * " + std::to_string(k.expr.denom()));
    } else {
      const std::string n = numerator_c(k.expr, names);
      if (k.expr.denom() != 1) pre += " && " + n + " % " + std::to_string(k.expr.denom()) + " == 0";
      const std::string val =
          k.expr.denom() == 1 ? n : "(" + n + " / " + std::to_string(k.expr.denom()) + ")";
      pre += " && " + val + " >= 0 && " + val + " < " + std::to_string(k.bound);
    }
  }
  body_.open("if (" + pre + ")");
  for (const RangeCheck& k : checks) {
    if (depth(k.expr) < 0 && !k.value_name.empty()) {
      body_.line("const " + index_type_ + " " + k.value_name + " = " + numerator_c(k.expr, names) +
                 " / " + std::to_string(k.expr.denom()) + ";");
    }
  }

  double space = 1;
  for (std::size_t k = 0; k < loops.size(); ++k) {
    const std::size_t v = loops[k];
    space *= static_cast<double>(ranges[v].size());
    std::string lo = std::to_string(ranges[v].lo), hi = std::to_string(ranges[v].hi);
    std::vector<const RangeCheck*> here;
    for (const RangeCheck& chk : checks) {
      if (depth(chk.expr) != static_cast<int>(k)) continue;
      const std::int64_t a = chk.expr.coeff(static_cast<int>(v));
      if (chk.bound > 0 && chk.expr.denom() == 1 && chk.value_name.empty() && (a == 1 || a == -1)) {
        // 0 <= a*v + r < bound, r known outside this loop: tighten the loop's bounds.
        const std::string r = numerator_c(chk.expr - Affine::index(static_cast<int>(v), a), names);
        const std::string b = std::to_string(chk.bound);
        if (a == 1) {
          lo = "max(" + lo + ", -(" + r + "))";
          hi = "min(" + hi + ", " + b + " - " + r + ")";
        } else {
          lo = "max(" + lo + ", " + r + " - " + std::to_string(chk.bound - 1) + ")";
          hi = "min(" + hi + ", " + r + " + 1)";
        }
      } else {
        here.push_back(&chk);
      }
    }
    const std::string& n = names[v];
    const std::string end = "e_" + c.index_names[v];
    body_.open("for (" + index_type_ + " " + n + " = " + lo + ", " + end + " = " + hi + "; " + n +
               " < " + end + "; ++" + n + ")");
    for (const RangeCheck* chk : here) {
      const std::string num = numerator_c(chk->expr, names);
      const std::string q = std::to_string(chk->expr.denom());
      if (chk->bound == 0) {
        body_.line("if (" + num + " != " + chk->equals + (q == "1" ? "" : " * " + q) +
                   ") continue;");
        continue;
      }
      std::string val = num;
      if (q != "1") {
        body_.line("if (" + num + " % " + q + " != 0) continue;");
        val = chk->value_name.empty() ? "(" + num + " / " + q + ")" : chk->value_name;
        if (!chk->value_name.empty())
          body_.line("const " + index_type_ + " " + val + " = " + num + " / " + q + ";");
      }
      body_.line("if (" + val + " < 0 || " + val + " >= " + std::to_string(chk->bound) +
                 ") continue;");
    }
  }

  // The combination of one assignment's inputs.
  std::vector<std::string> in;
  for (std::size_t i = 0; i < c.inputs.size(); ++i) {
    const TensorInfo& t = program_.tensor(c.inputs[i].tensor);
    const std::vector<std::int64_t> strides = row_major_strides(t.shape);
    std::string off;
    for (std::size_t d = 0; d < t.shape.size(); ++d) {
      off += (d ? " + " : "") + access_dims[i][d] +
             (strides[d] == 1 ? "" : " * " + std::to_string(strides[d]));
    }
    if (off.empty()) off = "0";
    in.push_back(t.kind == TensorKind::kLiteral
                     ? opencl::literal(t.dtype, t.data->at(0))
                     : opencl::load(t.dtype, arg(c.inputs[i].tensor), off));
  }
  std::string v;
  switch (c.comb) {
    case CombOp::kNone:
      v = in[0];
      break;
    case CombOp::kMul:
      v = in[0] + " * " + in[1];
      break;
    case CombOp::kAdd:
      v = in[0] + " + " + in[1];
      break;
    case CombOp::kEq:
      v = "(int)(" + in[0] + " == " + in[1] + ")";
      break;
    case CombOp::kCond:
      v = "(" + in[0] + " == " + in[1] + " ? " + in[2] + " : 0)";
      break;
  }
  body_.line("const " + acc_t + " val = (" + acc_t + ")(" + v + ");");
  switch (c.agg) {
    case AggOp::kSum:
      body_.line("acc += val;");
      break;
    case AggOp::kProd:
      body_.line("acc *= val;");
      break;
    case AggOp::kMax:
      body_.line("acc = (val > acc || val != val) ? val : acc;");
      break;
    case AggOp::kMin:
      body_.line("acc = (val < acc || val != val) ? val : acc;");
      break;
    case AggOp::kAssign:
      body_.line("acc = val;");
      break;
  }
  if (needs_reached) body_.line("reached = 1;");
  for (std::size_t k = 0; k < loops.size(); ++k) body_.close();
  body_.close();
  if (needs_reached)
    body_.line("if (!reached) acc = " + std::string(float_acc ? "0.0f" : "0") + ";");
  values_[c.output] = "acc";
  flops_ += space * static_cast<double>(total_) * (c.comb == CombOp::kNone ? 1 : 2);
}

KernelSource KernelWriter::finish() {
  KernelSource k;
  k.comment = "// " + plan_.describe() + "\n";
  for (std::size_t op : group_.ops) {
    k.comment += "//   " + print_statement(program_, program_.ops()[op]) + "\n";
  }
  k.statement = print_statement(program_, program_.ops()[group_.ops.front()]);
  std::string sig = std::string(opencl::kKernel) + " void " + KernelSource::kNamePlaceholder + "(";
  for (std::size_t i = 0; i < args_.size(); ++i) {
    const TensorInfo& t = program_.tensor(args_[i]);
    k.comment += "//   " + arg_names_.at(args_[i]) + ": " + t.name + " " +
                 std::string(dtype_name(t.dtype)) + shape_str(t.shape) + "\n";
    sig += std::string(i ? ", " : "") + std::string(opencl::kGlobal) + " " +
           (i == 0 ? "" : "const ") + std::string(opencl::storage_type(t.dtype)) + "* " +
           arg_names_.at(args_[i]);
  }
  sig += ")";
  k.code = sig + " {\n" + body_.text() + "}\n";
  k.args = args_;
  k.work_dims = 1;
  const auto wg = static_cast<std::int64_t>(plan_.work_group_size);
  k.local_size = {plan_.work_group_size, 1, 1};
  k.global_size = {static_cast<std::size_t>((total_ + wg - 1) / wg * wg), 1, 1};
  k.flops = flops_;
  double bytes = 0;
  for (TensorId t : args_) {
    const TensorInfo& info = program_.tensor(t);
    bytes +=
        static_cast<double>(num_elements(info.shape)) * static_cast<double>(dtype_size(info.dtype));
  }
  k.bytes = bytes;
  return k;
}

}  // namespace

KernelSource write_kernel(const LoweredProgram& lowered, const KernelGroup& group,
                          const KernelPlan& plan) {
  return KernelWriter(lowered, group, plan).run();
}

}  // namespace tartan
