#include "tartan/codegen/kernel_writer.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <limits>
#include <map>

#include "codegen/aggregation.h"
#include "codegen/c_expr.h"
#include "codegen/code_writer.h"
#include "codegen/elementwise_expr.h"
#include "codegen/group_reduce.h"
#include "codegen/kernel_flops.h"
#include "codegen/kir/printer.h"
#include "codegen/local_gemm.h"
#include "codegen/opencl_dialect.h"
#include "codegen/prologue.h"
#include "codegen/softmax_kernel.h"
#include "codegen/transform_kernel.h"
#include "codegen/vector_epilogue.h"
#include "codegen/work_item.h"
#include "passes/placement.h"
#include "tartan/ir/bounds.h"
#include "tartan/lang/parse.h"
#include "tartan/schedule/gemm_shape.h"
#include "tartan/schedule/packing.h"
#include "tartan/schedule/tiling.h"
#include "tartan/schedule/transform_shape.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

using cexpr::all_of;
using cexpr::always_in_range;
using cexpr::numerator;

// A condition 0 <= expr < bound that one contraction must meet, placed in the loop nest at
// the depth of the innermost loop variable it uses.
struct RangeCheck {
  Affine expr;
  std::int64_t bound = 0;  // 0 <= expr < bound; bound 0 marks an equality check below
  std::string equals;      // for output dimensions: expr must equal this coordinate
  std::string value_name;  // when the checked value is reused in an address
  int mask = 0;            // which tiled variables it uses (bit t: tile t's variable)
};

// One output element of a work-item's register tile: its coordinates, flat offset, whether it
// lies inside the output (partial tiles at the edges), and the values computed for it.
struct Element {
  int a = 0, b = 0;    // position in the tile (along tile 0 and tile 1)
  std::string suffix;  // "" for a one-element tile, else "_a" or "_a_b"
  std::vector<std::string> coord;
  std::string flat;   // flat output offset
  std::string valid;  // "" when always inside the output
  std::map<TensorId, std::string> values;
};

// The statement folding `val` into `acc` (codegen/aggregation.h), as text.
std::string accumulate(AggOp agg, const std::string& acc, const std::string& val) {
  return kir::print_line(fold(agg, kir::verbatim(acc), kir::verbatim(val)));
}

std::string combine(CombOp comb, const std::vector<std::string>& in) {
  switch (comb) {
    case CombOp::kNone:
      return in[0];
    case CombOp::kMul:
      return in[0] + " * " + in[1];
    case CombOp::kAdd:
      return in[0] + " + " + in[1];
    case CombOp::kEq:
      return "(int)(" + in[0] + " == " + in[1] + ")";
    case CombOp::kCond:
      return "(" + in[0] + " == " + in[1] + " ? " + in[2] + " : 0)";
  }
  return "";
}

// Whether every value `t` holds at run time is finite: an integer or bool tensor, or a float
// constant or literal without infinities or NaN.
bool known_finite(const TensorInfo& t) {
  if (!is_float(t.dtype)) return true;
  if (t.kind != TensorKind::kConstant && t.kind != TensorKind::kLiteral) return false;
  for (std::size_t k = 0; k < t.data->size(); ++k) {
    if (!std::isfinite(t.data->at(k))) return false;
  }
  return true;
}

class KernelWriter {
 public:
  KernelWriter(const LoweredProgram& lowered, const KernelGroup& group, const KernelPlan& plan,
               const StepStrides& steps)
      : program_(lowered.program), group_(group), plan_(plan), steps_(steps) {}

  KernelSource run() {
    TARTAN_CHECK(plan_fits(plan_, program_, group_),
                 "plan does not fit the kernel: " + plan_.describe());
    const TensorInfo& out = program_.tensor(group_.output);
    out_shape_ = out.shape;
    total_ = num_elements(out_shape_);
    arg(group_.output);  // argument 0 is the output
    while (root_ops_ < group_.ops.size() &&
           std::holds_alternative<Contraction>(program_.ops()[group_.ops[root_ops_]])) {
      ++root_ops_;
    }
    choose_index_type();
    if (group_.softmax) {
      const SoftmaxKernel softmax =
          lower_softmax(program_, group_, index_ir_, [this](TensorId t) { return arg(t); });
      kir::print(softmax.body, body_);
      items_ = softmax.rows;
      KernelSource k = finish();
      k.statement = "softmax: " + k.statement;
      return k;
    }
    if (plan_.uses_local_memory()) {
      emit_local_gemm();
    } else if (plan_.transform) {
      emit_transform();
    } else {
      setup_tiles();
      std::string owner;
      if (plan_.uses_group_reduce()) {
        const GroupRoles roles = lower_group_roles(plan_.reduce, total_);
        kir::print(roles.decls, body_);
        owner = kir::print(roles.owner);
        const std::int64_t outputs = plan_.reduce.outputs;
        items_ =
            (total_ + outputs - 1) / outputs * static_cast<std::int64_t>(plan_.work_group_size);
      } else {
        kir::print(one_item_each(items_), body_);
      }
      emit_coords();
      const Op& root = program_.ops()[group_.ops.front()];
      if (root_ops_ > 1) {
        emit_placements();
      } else {
        std::visit([this](const auto& op) { emit_root(op); }, root);
      }
      // Group reductions: only the item owning an element's result runs its epilogue.
      if (!owner.empty()) elements_.front().valid = owner;
    }
    if (store_width_ > 1) {
      emit_vector_stores();
      return finish();
    }
    for (Element& e : elements_) {
      cur_ = &e;
      const bool block = elements_.size() > 1 || !e.valid.empty();
      if (block) body_.open(e.valid.empty() ? "" : "if (" + e.valid + ")");
      if (plan_.uses_local_memory()) add_default();
      for (std::size_t k = root_ops_; k < group_.ops.size(); ++k) {
        emit_elementwise(std::get<Elementwise>(program_.ops()[group_.ops[k]]));
      }
      body_.line(
          opencl::store(out.dtype, arg_names_.at(group_.output), e.flat, value(group_.output)));
      if (block) body_.close();
    }
    return finish();
  }

 private:
  // ---------------------------------------------------------------- arguments and values
  std::string arg(TensorId t) {
    auto it = arg_names_.find(t);
    if (it != arg_names_.end()) return it->second;
    const std::string name = "p" + std::to_string(args_.size());
    args_.push_back(t);
    panels_.push_back(0);
    arg_names_[t] = name;
    return name;
  }

  // Constant t read packed in panels of `panel` values (schedule/packing.h): an argument of its
  // own, bound to the packed copy.
  std::string packed_arg(TensorId t, int panel) {
    auto it = packed_names_.find(t);
    if (it != packed_names_.end()) return it->second;
    const std::string name = "p" + std::to_string(args_.size());
    args_.push_back(t);
    panels_.push_back(panel);
    packed_names_[t] = name;
    return name;
  }

  void choose_index_type() {
    std::int64_t largest = total_;
    std::vector<std::size_t> ops = group_.prologue;
    ops.insert(ops.end(), group_.ops.begin(), group_.ops.end());
    for (std::size_t k : ops) {
      for (TensorId t : op_inputs(program_.ops()[k])) {
        largest = std::max(largest, num_elements(program_.tensor(t).shape));
      }
    }
    index_type_ = largest > INT_MAX ? "long" : "int";
    index_ir_ =
        kir::scalar_type(largest > INT_MAX ? kir::Type::Scalar::kLong : kir::Type::Scalar::kInt);
  }

  // The C expression of tensor t's value at the current output element: a register value, a
  // literal, or a broadcast load.
  std::string value(TensorId t) {
    if (auto it = cur_->values.find(t); it != cur_->values.end()) return it->second;
    const TensorInfo& info = program_.tensor(t);
    if (info.kind == TensorKind::kLiteral) return opencl::literal(info.dtype, info.data->at(0));
    return opencl::load(info.dtype, arg(t), broadcast_offset(info.shape));
  }

  // Offset into a tensor of `shape` broadcast to the output shape (NumPy, right-aligned).
  std::string broadcast_offset(const Shape& shape) {
    if (shape == out_shape_) return cur_->flat;
    const std::size_t skip = out_shape_.size() - shape.size();
    std::vector<std::string> terms;
    for (std::size_t d = 0; d < shape.size(); ++d) {
      terms.push_back(shape[d] == 1 ? "0" : cur_->coord[d + skip]);
    }
    return cexpr::flat_offset(terms, row_major_strides(shape));
  }

  void set_value(TensorId t, const std::string& expr) {
    const TensorInfo& info = program_.tensor(t);
    // Numbered per kernel, not by tensor id: the same layer elsewhere in a network then gives
    // the same code, which compiles once (kernels are named by a hash of their code).
    const auto [it, fresh] = value_numbers_.try_emplace(t, value_numbers_.size());
    const std::string name = "v" + std::to_string(it->second) + cur_->suffix;
    body_.line("const " + std::string(opencl::compute_type(info.dtype)) + " " + name + " = " +
               expr + ";");
    cur_->values[t] = name;
  }

  // `e` clamped into [0, hi] (an index kept inside a tensor).
  kir::Expr clamped_index(const kir::Expr& e, std::int64_t hi) const {
    return kir::call(kir::Fn::kClamp,
                     {e, kir::cast(index_ir_, kir::imm(0)), kir::cast(index_ir_, kir::imm(hi))});
  }

  // ---------------------------------------------------------------- the register tile
  // Active tiles (size > 1), the work-item grid (tiled dimensions divided by their tile size,
  // rounded up) and the tile's elements with their coordinates.
  void setup_tiles() {
    for (const TileDim& t : plan_.tile) {
      if (t.dim >= 0 && t.size > 1) tiles_.push_back(t);
    }
    grid_ = out_shape_;
    for (const TileDim& t : tiles_) {
      auto& g = grid_[static_cast<std::size_t>(t.dim)];
      g = (g + t.size - 1) / t.size;
    }
    items_ = num_elements(grid_);
    const int n0 = tile_size(0), n1 = tile_size(1);
    for (int a = 0; a < n0; ++a) {
      for (int b = 0; b < n1; ++b) {
        Element e;
        e.a = a;
        e.b = b;
        if (n0 * n1 > 1)
          e.suffix = "_" + std::to_string(a) + (n1 > 1 ? "_" + std::to_string(b) : "");
        for (std::size_t d = 0; d < out_shape_.size(); ++d) e.coord.push_back(coord_name(d, a, b));
        e.flat = n0 * n1 > 1 ? "o" + e.suffix : "gid";
        std::vector<std::string> inside;
        for (std::size_t t = 0; t < tiles_.size(); ++t) inside.push_back(edge_check(t, t ? b : a));
        e.valid = all_of(inside);
        elements_.push_back(std::move(e));
      }
    }
  }

  int tile_size(std::size_t t) const { return t < tiles_.size() ? tiles_[t].size : 1; }

  // Which tile (0 or 1) covers output dimension d, or -1.
  int tile_of_dim(std::size_t d) const {
    for (std::size_t t = 0; t < tiles_.size(); ++t) {
      if (tiles_[t].dim == static_cast<int>(d)) return static_cast<int>(t);
    }
    return -1;
  }

  std::string coord_name(std::size_t d, int a, int b) const {
    const int t = tile_of_dim(d);
    const std::string c = "c" + std::to_string(d);
    return t < 0 ? c : c + "_" + std::to_string(t == 0 ? a : b);
  }

  // Inside the output along tile t at tile position k; "" when the tile size divides the
  // dimension, so every element of every tile is inside.
  std::string edge_check(std::size_t t, int k) const {
    const auto d = static_cast<std::size_t>(tiles_[t].dim);
    if (out_shape_[d] % tiles_[t].size == 0) return "";
    return coord_name(d, t == 0 ? k : 0, t == 1 ? k : 0) + " < " + std::to_string(out_shape_[d]);
  }

  void emit_coords() {
    // Row-major decode of the flat work-item index over the grid into coordinates c0..c(r-1)
    // (tile 0's dimension the slowest when the plan says so); a tiled coordinate is the tile's
    // first element, and each element gets its own.
    const TileDim& t0 = plan_.tile[0];
    const int slowest = plan_.tile0_outermost && t0.dim >= 0 && t0.size > 1 ? t0.dim : -1;
    std::vector<std::size_t> fastest_first;
    for (std::size_t d = grid_.size(); d-- > 0;) {
      if (static_cast<int>(d) != slowest) fastest_first.push_back(d);
    }
    if (slowest >= 0) fastest_first.push_back(static_cast<std::size_t>(slowest));
    std::string rest = "gid";
    for (std::size_t d : fastest_first) {
      const std::string c = "c" + std::to_string(d);
      const std::string scale =
          tile_of_dim(d) < 0 ? "" : " * " + std::to_string(tiles_[tile_of_dim(d)].size);
      if (d == fastest_first.back()) {
        body_.line("const " + index_type_ + " " + c + " = (" + index_type_ + ")(" + rest + ")" +
                   scale + ";");
      } else {
        body_.line("const " + index_type_ + " " + c + " = (" + index_type_ + ")(" + rest + " % " +
                   std::to_string(grid_[d]) + ")" + scale + ";");
        rest = "(" + rest + " / " + std::to_string(grid_[d]) + ")";
      }
    }
    for (std::size_t t = 0; t < tiles_.size(); ++t) {
      const std::string c = "c" + std::to_string(tiles_[t].dim);
      for (int k = 0; k < tiles_[t].size; ++k) {
        body_.line("const " + index_type_ + " " + c + "_" + std::to_string(k) + " = " + c +
                   (k ? " + " + std::to_string(k) : "") + ";");
      }
    }
    if (elements_.size() > 1) {
      const std::vector<std::int64_t> strides = row_major_strides(out_shape_);
      for (const Element& e : elements_) {
        body_.line("const " + index_type_ + " " + e.flat + " = " +
                   cexpr::flat_offset(e.coord, strides) + ";");
      }
    }
  }

  // ---------------------------------------------------------------- roots
  void emit_root(const Elementwise& e) {
    for_each_element(e.output, [&] { emit_elementwise(e); });
  }

  // Roots other than contractions compute each element on its own. A partial-tile element's
  // value is computed under its guard (its loads may be out of bounds) into a variable declared
  // outside it, for the epilogue, which runs under the same guard.
  template <typename F>
  void for_each_element(TensorId out, F emit) {
    for (Element& e : elements_) {
      cur_ = &e;
      if (e.valid.empty()) {
        emit();
        continue;
      }
      const std::string name = "r" + e.suffix;
      body_.line(std::string(opencl::compute_type(program_.tensor(out).dtype)) + " " + name +
                 " = 0;");
      body_.open("if (" + e.valid + ")");
      emit();
      body_.line(name + " = " + e.values.at(out) + ";");
      body_.close();
      e.values[out] = name;
    }
  }

  void emit_elementwise(const Elementwise& e) {
    std::vector<std::string> args;
    std::vector<DType> types;
    for (TensorId in : e.inputs) {
      args.push_back(value(in));
      types.push_back(program_.tensor(in).dtype);
    }
    set_value(e.output, elementwise_expr(e.op, program_.tensor(e.output).dtype, args, types));
  }

  void emit_root(const Reshape&) { throw InternalError("a reshape cannot be a kernel root"); }
  void emit_root(const Scan&) { throw InternalError("a scan runs its body's kernels"); }

  void emit_root(const IndexOf& i) {
    for_each_element(i.output, [&] { set_value(i.output, "(int)" + cur_->coord[i.axis]); });
  }

  void emit_root(const Gather& g) {
    for_each_element(g.output, [&] { emit_gather(g); });
  }

  void emit_gather(const Gather& g) {
    const TensorInfo& data = program_.tensor(g.data);
    const TensorInfo& idx = program_.tensor(g.indices);
    // The first rank(idx) coordinates select the index; the rest address a row of data.
    std::vector<std::string> idx_terms(cur_->coord.begin(),
                                       cur_->coord.begin() + static_cast<long>(idx.shape.size()));
    const std::string row = "row" + cur_->suffix;
    body_.line(index_type_ + " " + row + " = " +
               opencl::load(idx.dtype, arg(g.indices),
                            cexpr::flat_offset(idx_terms, row_major_strides(idx.shape))) +
               ";");
    kir::print(kir::assign(kir::var(row), "=", clamped_index(kir::var(row), data.shape[0] - 1)),
               body_);
    std::vector<std::string> terms{row};
    for (std::size_t d = 1; d < data.shape.size(); ++d) {
      terms.push_back(cur_->coord[idx.shape.size() + d - 1]);
    }
    set_value(g.output, opencl::load(data.dtype, arg(g.data),
                                     cexpr::flat_offset(terms, row_major_strides(data.shape))));
  }

  void emit_root(const Contraction& c);

  // A chain of placements (fuse: a concatenation), each the default of the next: an element
  // takes the value of the last placement that reaches it, else the first one's default, else
  // 0. One read and one write per element, where a kernel per placement would copy the whole
  // output each time.
  void emit_placements() {
    const TensorId out = op_output(program_.ops()[group_.ops[root_ops_ - 1]]);
    const TensorInfo& info = program_.tensor(out);
    for_each_element(out, [&] {
      const auto& first = std::get<Contraction>(program_.ops()[group_.ops.front()]);
      const std::string name = "placed" + cur_->suffix;
      body_.line(
          std::string(opencl::compute_type(info.dtype)) + " " + name + " = " +
          (first.default_tensor ? value(*first.default_tensor) : opencl::literal(info.dtype, 0)) +
          ";");
      for (std::size_t k = 0; k < root_ops_; ++k) {
        const auto& c = std::get<Contraction>(program_.ops()[group_.ops[k]]);
        TARTAN_CHECK(is_placement(c),
                     "a kernel's root chain holds a contraction that is no "
                     "placement");
        emit_placement(c, name);
      }
      cur_->values[out] = name;
    });
  }

  // `target = c's input element` where c reaches the current output element.
  void emit_placement(const Contraction& c, const std::string& target) {
    const std::vector<std::string> vars = placement_vars(c, cur_->coord);
    // Each variable's values over the whole output, to leave out checks that cannot fail.
    std::vector<std::pair<std::int64_t, std::int64_t>> box(vars.size());
    for (std::size_t d = 0; d < c.output_indices.size(); ++d) {
      const Affine& e = c.output_indices[d];
      box[static_cast<std::size_t>(e.terms()[0].first)] = {-e.constant_term(),
                                                           out_shape_[d] - 1 - e.constant_term()};
    }
    const Access& a = c.inputs[0];
    const TensorInfo& in = program_.tensor(a.tensor);
    std::vector<std::string> terms, inside;
    for (std::size_t d = 0; d < a.indices.size(); ++d) {
      const std::string x = numerator(a.indices[d], vars);
      terms.push_back(x);
      if (!always_in_range(a.indices[d], in.shape[d], box)) {
        inside.push_back(x + " >= 0 && " + x + " < " + std::to_string(in.shape[d]));
      }
    }
    const std::string load =
        in.kind == TensorKind::kLiteral
            ? opencl::literal(in.dtype, in.data->at(0))
            : opencl::load(in.dtype, arg(a.tensor),
                           cexpr::flat_offset(terms, row_major_strides(in.shape)));
    const std::string cond = all_of(inside);
    body_.line((cond.empty() ? "" : "if (" + cond + ") ") + target + " = " + load + ";");
  }

  // After a group reduction's loop nest: the tree over the shares, then (for the owner's use)
  // the default, or 0 where no share met an assignment.
  void emit_group_combine(const Contraction& c, const std::string& acc_t, bool reached) {
    const auto fold_in = [&](const kir::Expr& acc, const kir::Expr& val) {
      return fold(c.agg, acc, val);
    };
    kir::print(
        lower_group_combine(plan_.reduce, kir::compute_type(program_.tensor(c.output).dtype),
                            kir::var("acc"), reached ? kir::var("reached") : nullptr, fold_in),
        body_);
    cur_ = &elements_.front();
    if (c.default_tensor) {
      body_.line(acc_t + " acc_d = " + value(*c.default_tensor) + ";");
      const std::string join = accumulate(c.agg, "acc_d", "acc");
      body_.line(reached ? "if (reached) " + join : join);
      body_.line("acc = acc_d;");
    } else if (reached) {
      body_.line(std::string("if (!reached) acc = ") +
                 (is_float(program_.tensor(c.output).dtype) ? "0.0f;" : "0;"));
    }
  }

  // The local-memory plan (codegen/local_gemm.h): its elements replace the register tile's.
  void emit_local_gemm() {
    const auto& c = std::get<Contraction>(program_.ops()[group_.ops.front()]);
    const std::optional<GemmShape> g = gemm_shape(program_, group_);
    TARTAN_CHECK(g.has_value(), "a local-memory plan for a kernel that is no GEMM");
    const auto named = [this](TensorId t) { return arg(t); };
    const LocalGemmCode code = lower_local_gemm(
        program_, c, *g, plan_.local, index_ir_, named, prologue_operand(program_, group_),
        [&](const std::vector<kir::Expr>& terms, const kir::Expr& guard, const std::string& name) {
          return lower_prologue(program_, group_, terms, guard, name, named);
        });
    kir::print(code.body, body_);
    items_ = code.groups * static_cast<std::int64_t>(plan_.work_group_size);
    adopt_elements(code.elements, c.output, &LocalGemmElement::acc);
  }

  // The output elements another plan's writer produced (local GEMM, constant transform), as
  // this kernel's, each holding the contraction's value in its `value` member.
  template <typename Written>
  void adopt_elements(const std::vector<Written>& written, TensorId output,
                      std::string Written::*value) {
    for (const Written& w : written) {
      Element e;
      e.suffix = "_" + std::to_string(elements_.size());
      e.coord = w.coord;
      e.flat = w.flat;
      e.valid = w.valid;
      e.values[output] = w.*value;
      elements_.push_back(std::move(e));
    }
  }

  // The constant-transform plan (codegen/transform_kernel.h): its elements replace the register
  // tile's, lane-major, stored as vectors of its lanes where it has several.
  void emit_transform() {
    const auto& c = std::get<Contraction>(program_.ops()[group_.ops.front()]);
    const std::optional<TransformShape> s = transform_shape(program_, group_);
    TARTAN_CHECK(s.has_value(), "a transform plan for a kernel that is no constant transform");
    const TransformCode code =
        lower_transform(program_, c, *s, index_ir_, [this](TensorId t) { return arg(t); });
    kir::print(code.body, body_);
    items_ = code.items;
    adopt_elements(code.elements, c.output, &TransformElement::value);
    const DType stored = program_.tensor(group_.output).dtype;
    if (s->lanes > 1 && stored != DType::kBool && opencl::has_vector_load(stored, s->lanes)) {
      store_width_ = s->lanes;
      store_runs_ = {s->lanes, static_cast<int>(s->owned_values())};
    }
  }

  // With vector accumulators along the output's contiguous dimension, each run of
  // store_width_ lanes (all inside the output, or all outside, along tile 1) is stored as one
  // vector: on PoCL half the time of per-lane stores for short reductions (results/perf-notes.md,
  // "Wide CPU register tiles"). The epilogue runs on the whole vector where the plan and its ops
  // allow (emit_vector_epilogue), else per lane: PoCL 3.1's LLVM re-vectorises the per-lane form,
  // LLVM 16's (PoCL 5) does not, and there it cost 2-8x on short reductions (S5-epi).
  void emit_vector_stores() {
    const TensorInfo& out = program_.tensor(group_.output);
    const auto [n0, n1] = store_runs_;
    const int w = store_width_;
    const bool on_vectors = vector_epilogue_applies();
    for (int b = 0; b < n1; ++b) {
      for (int v = 0; v < n0 / w; ++v) {
        const Element& head = elements_[static_cast<std::size_t>(v * w * n1 + b)];
        body_.open(head.valid.empty() ? "" : "if (" + head.valid + ")");
        if (on_vectors) {
          emit_vector_epilogue(v, b);
          body_.close();
          continue;
        }
        std::vector<std::string> lanes;
        for (int a = v * w; a < (v + 1) * w; ++a) {
          cur_ = &elements_[static_cast<std::size_t>(a * n1 + b)];
          for (std::size_t k = root_ops_; k < group_.ops.size(); ++k) {
            emit_elementwise(std::get<Elementwise>(program_.ops()[group_.ops[k]]));
          }
          lanes.push_back(value(group_.output));
        }
        body_.line(opencl::vector_store(out.dtype, lanes, arg_names_.at(group_.output), head.flat));
        body_.close();
      }
    }
  }

  // The epilogue on whole vectors (KernelPlan::vector_epilogue): where the accumulators are
  // vectors and every epilogue op has an exact vector form (codegen/vector_epilogue.h).
  bool vector_epilogue_applies() const {
    if (!plan_.vector_epilogue || vec_acc_names_.empty() || root_ops_ != 1) return false;
    for (std::size_t k = root_ops_; k < group_.ops.size(); ++k) {
      const auto& e = std::get<Elementwise>(program_.ops()[group_.ops[k]]);
      std::vector<DType> types;
      for (TensorId in : e.inputs) types.push_back(program_.tensor(in).dtype);
      if (!has_vector_form(e.op, program_.tensor(e.output).dtype, types)) return false;
    }
    return true;
  }

  // Run (v, b) of the register tile (tile-0 vector v at tile-1 position b): the epilogue on its
  // accumulator vector and the store. Operands contiguous along the output's last dimension
  // load as vectors from the run's first element, broadcast ones (size 1 there) splat.
  void emit_vector_epilogue(int v, int b) {
    const auto [n0, n1] = store_runs_;
    const int w = store_width_;
    cur_ = &elements_[static_cast<std::size_t>(v * w * n1 + b)];
    const std::string run = "_" + std::to_string(v) + "_" + std::to_string(b);
    const std::string vec_t = opencl::vector_type(DType::kFloat32, w);
    std::map<TensorId, std::string> vec;
    const auto& c = std::get<Contraction>(program_.ops()[group_.ops.front()]);
    vec[c.output] = vec_acc_names_[static_cast<std::size_t>(b * (n0 / w) + v)];
    const auto operand = [&](TensorId t) {
      if (auto it = vec.find(t); it != vec.end()) return it->second;
      const TensorInfo& info = program_.tensor(t);
      const bool contiguous = !info.shape.empty() && info.shape.back() != 1;
      TARTAN_CHECK(!contiguous || info.shape.back() == out_shape_.back(),
                   "an epilogue operand that does not broadcast to the output");
      const std::string name = "epx" + std::to_string(vec.size()) + run;
      body_.line("const " + vec_t + " " + name + " = " +
                 (contiguous
                      ? opencl::vector_load(info.dtype, w, arg(t), broadcast_offset(info.shape))
                      : "(" + vec_t + ")(" + value(t) + ")") +
                 ";");
      vec[t] = name;
      return name;
    };
    for (std::size_t k = root_ops_; k < group_.ops.size(); ++k) {
      const auto& e = std::get<Elementwise>(program_.ops()[group_.ops[k]]);
      std::vector<kir::Expr> args;
      for (TensorId in : e.inputs) args.push_back(kir::var(operand(in)));
      const std::string name = "epi" + std::to_string(k) + run;
      kir::print(kir::let(kir::compute_type(DType::kFloat32, w), name,
                          vector_elementwise(e.op, args, kir::compute_type(DType::kFloat32, w))),
                 body_);
      vec[e.output] = name;
    }
    body_.line(opencl::vector_store(program_.tensor(group_.output).dtype, w, operand(group_.output),
                                    arg_names_.at(group_.output), cur_->flat));
  }

  // The sum starts from the default tensor's element where there is one (`+` adds onto it).
  void add_default() {
    const auto& c = std::get<Contraction>(program_.ops()[group_.ops.front()]);
    if (!c.default_tensor) return;
    const std::string& acc = cur_->values.at(c.output);
    body_.line(acc + " += " + value(*c.default_tensor) + ";");
  }

  KernelSource finish();

  // The prologue operand's element at `terms` where `guard` holds, else 0, into `name`.
  void emit_prologue(const std::vector<std::string>& terms, const std::string& guard,
                     const std::string& name) {
    std::vector<kir::Expr> at;
    for (const std::string& t : terms) at.push_back(kir::verbatim(t));
    kir::print(lower_prologue(program_, group_, at, guard.empty() ? nullptr : kir::verbatim(guard),
                              name, [this](TensorId t) { return arg(t); }),
               body_);
  }

  // Plans whose work-items cooperate through __local memory need exactly their work-group size.
  bool exact_group() const { return plan_.uses_local_memory() || plan_.uses_group_reduce(); }

  const Program& program_;
  const KernelGroup& group_;
  const KernelPlan& plan_;
  const StepStrides& steps_;  // empty outside scan bodies
  Shape out_shape_;
  Shape grid_;              // work-items along each output dimension
  std::int64_t total_ = 0;  // output elements
  std::int64_t items_ = 0;  // work-items
  std::vector<TileDim> tiles_;
  std::vector<Element> elements_;
  std::size_t root_ops_ = 1;  // leading ops that form the root (more than one: placements)
  int store_width_ = 0;       // > 1: elements stored as vectors of this many lanes along tile 0
  std::pair<int, int> store_runs_;  // with store_width_: the elements' layout [n0][n1]
  // With store_width_ from vector accumulators: their names, [b][v] (tile-1 position, vector).
  std::vector<std::string> vec_acc_names_;
  Element* cur_ = nullptr;
  std::string index_type_ = "int";
  kir::Type index_ir_;  // the same, for the writers lowered to the kernel IR
  std::vector<TensorId> args_;
  std::map<TensorId, std::string> arg_names_;
  std::vector<int> panels_;                       // per argument (KernelSource::panels)
  std::map<TensorId, std::string> packed_names_;  // constants read packed
  std::map<TensorId, std::size_t> value_numbers_;
  CodeWriter body_{1};
};

// A contraction: each work-item owns a register tile of output elements (one in the plain
// plan). Index variables that an output dimension determines are solved from the coordinates;
// the others are loops. An access or constraint that uses no tiled variable becomes either a
// tightening of the loop bounds (unit coefficient) or a check at the depth of its innermost
// variable, so padding costs no per-element tests. One that uses a tiled variable differs per
// tile element: it becomes a per-element predicate, computed at that same depth (so outside
// the inner loops), that guards the loads and accumulations of the elements it concerns. Each
// input is loaded once per distinct tile position it depends on: an input that does not use a
// tiled variable is loaded once and reused across that tile dimension.
void KernelWriter::emit_root(const Contraction& c) {
  const std::vector<IndexRange> ranges = derive_index_ranges(program_, c);
  const std::size_t nvars = c.index_names.size();
  std::vector<std::string> names(nvars);
  for (std::size_t v = 0; v < nvars; ++v) names[v] = "i_" + c.index_names[v];
  const TensorInfo& out = program_.tensor(c.output);
  const std::string acc_t(opencl::compute_type(out.dtype));
  const bool float_acc = is_float(out.dtype);
  const std::string zero = float_acc ? "0.0f" : "0";

  // The tiled variables, the values every variable can take (tiled ones: inside the output),
  // and the variable names at one tile position.
  const int n0 = tile_size(0), n1 = tile_size(1);
  std::vector<int> tile_var;
  std::vector<std::pair<std::int64_t, std::int64_t>> box(nvars);
  for (std::size_t v = 0; v < nvars; ++v) box[v] = {ranges[v].lo, ranges[v].hi - 1};
  for (const TileDim& t : tiles_) {
    const int v = c.output_indices[static_cast<std::size_t>(t.dim)].terms()[0].first;
    tile_var.push_back(v);
    auto& [lo, hi] = box[static_cast<std::size_t>(v)];
    lo = std::max<std::int64_t>(lo, 0);
    hi = std::min<std::int64_t>(hi, out_shape_[static_cast<std::size_t>(t.dim)] - 1);
  }
  const auto mask_of = [&](const Affine& e) {
    int m = 0;
    for (std::size_t t = 0; t < tile_var.size(); ++t) {
      if (e.coeff(tile_var[t]) != 0) m |= 1 << t;
    }
    return m;
  };
  const auto names_at = [&](int a, int b) {
    std::vector<std::string> n = names;
    for (std::size_t t = 0; t < tile_var.size(); ++t) {
      n[static_cast<std::size_t>(tile_var[t])] += "_" + std::to_string(t == 0 ? a : b);
    }
    return n;
  };

  // Solve index variables from output coordinates where a dimension names exactly one.
  std::vector<bool> known(nvars, false);
  std::vector<std::string> pre_conditions;
  std::vector<RangeCheck> checks;
  for (std::size_t d = 0; d < c.output_indices.size(); ++d) {
    const Affine& e = c.output_indices[d];
    const std::string coord = "c" + std::to_string(d);
    if (const int t = tile_of_dim(d); t >= 0) {
      // Tiled: the variable is the coordinate; its range becomes a per-element check, left
      // out when the output's extent already implies it.
      const int v = e.terms()[0].first;
      for (int k = 0; k < tiles_[static_cast<std::size_t>(t)].size; ++k) {
        body_.line("const " + index_type_ + " " + names[static_cast<std::size_t>(v)] + "_" +
                   std::to_string(k) + " = " + coord + "_" + std::to_string(k) + ";");
      }
      const IndexRange& r = ranges[static_cast<std::size_t>(v)];
      if (r.lo > 0 || r.hi < out_shape_[d]) {
        checks.push_back({Affine::index(v) - Affine::constant(r.lo), r.size(), {}, {}, 1 << t});
      }
      known[static_cast<std::size_t>(v)] = true;
    } else if (e.terms().size() == 1 && !known[static_cast<std::size_t>(e.terms()[0].first)]) {
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
    } else if (const std::optional<SplitDim> s = split_dim(e, ranges);
               s && !known[static_cast<std::size_t>(s->t)] &&
               !known[static_cast<std::size_t>(s->r)]) {
      // q * t + r with 0 <= r < q: t = coord / q and r = coord % q (coordinates are >= 0).
      const auto t = static_cast<std::size_t>(s->t), r = static_cast<std::size_t>(s->r);
      const std::string q = std::to_string(s->q);
      body_.line("const " + index_type_ + " " + names[t] + " = " + coord + " / " + q + ";");
      body_.line("const " + index_type_ + " " + names[r] + " = " + coord + " % " + q + ";");
      pre_conditions.push_back(names[t] + " >= " + std::to_string(ranges[t].lo) + " && " +
                               names[t] + " < " + std::to_string(ranges[t].hi));
      known[t] = known[r] = true;
    } else {
      checks.push_back({e, 0, coord, {}, 0});
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
  // Checks on tiled variables that the variables' extents imply are left out.
  std::vector<int> input_mask(c.inputs.size(), 0);
  for (std::size_t i = 0; i < c.inputs.size(); ++i) {
    const Access& a = c.inputs[i];
    const Shape& shape = program_.tensor(a.tensor).shape;
    for (std::size_t d = 0; d < shape.size(); ++d) {
      std::string name;
      if (a.indices[d].denom() != 1) name = "x" + std::to_string(i) + "_" + std::to_string(d);
      const int m = mask_of(a.indices[d]);
      input_mask[i] |= m;
      if (m != 0 && always_in_range(a.indices[d], shape[d], box)) continue;
      checks.push_back({a.indices[d], shape[d], {}, name, m});
    }
  }
  for (const Constraint& k : c.constraints) {
    const int m = mask_of(k.expr);
    if (m != 0 && always_in_range(k.expr, k.bound, box)) continue;
    checks.push_back({k.expr, k.bound, {}, {}, m});
  }

  // Per-element predicates: pred[m][position] for checks that use exactly the tiled variables
  // in mask m (1: tile 0, 2: tile 1, 3: both), each the name of the latest conjunction (or an
  // expression; "" is true). Tile elements past the output's edge start out false.
  std::array<std::vector<std::string>, 4> pred;
  pred[1].assign(static_cast<std::size_t>(n0), "");
  pred[2].assign(static_cast<std::size_t>(n1), "");
  pred[3].assign(static_cast<std::size_t>(n0 * n1), "");
  for (std::size_t t = 0; t < tiles_.size(); ++t) {
    for (int k = 0; k < tiles_[t].size; ++k)
      pred[t + 1][static_cast<std::size_t>(k)] = edge_check(t, k);
  }
  const auto position = [&](int m, int idx) {
    return m == 1 ? std::pair{idx, 0} : m == 2 ? std::pair{0, idx} : std::pair{idx / n1, idx % n1};
  };
  const auto guard = [&](int m, int a, int b) {
    std::vector<std::string> parts;
    if (m & 1) parts.push_back(pred[1][static_cast<std::size_t>(a)]);
    if (m & 2) parts.push_back(pred[2][static_cast<std::size_t>(b)]);
    if (m == 3) parts.push_back(pred[3][static_cast<std::size_t>(a * n1 + b)]);
    return all_of(parts);
  };
  const auto emit_predicates = [&](int at_depth) {
    for (int m = 1; m <= 3; ++m) {
      std::vector<const RangeCheck*> here;
      for (const RangeCheck& k : checks) {
        if (k.mask == m && depth(k.expr) == at_depth) here.push_back(&k);
      }
      if (here.empty()) continue;
      for (std::size_t idx = 0; idx < pred[static_cast<std::size_t>(m)].size(); ++idx) {
        const auto [a, b] = position(m, static_cast<int>(idx));
        const std::vector<std::string> n = names_at(a, b);
        std::vector<std::string> parts{pred[static_cast<std::size_t>(m)][idx]};
        for (const RangeCheck* k : here) {
          const std::string e = numerator(k->expr, n);
          parts.push_back(e + " >= 0 && " + e + " < " + std::to_string(k->bound));
        }
        const std::string name = "ok" + std::to_string(at_depth + 1) + "_" +
                                 (m & 1 ? "a" + std::to_string(a) : "") +
                                 (m & 2 ? "b" + std::to_string(b) : "");
        body_.line("const int " + name + " = " + all_of(parts) + ";");
        pred[static_cast<std::size_t>(m)][idx] = name;
      }
    }
  };

  // Initial accumulators: the default's element, or the aggregation's identity. A group
  // reduction's shares all start from the identity (the default joins once, after the tree)
  // and track whether they met an assignment, so that shares meeting none drop out of the tree.
  const bool group = plan_.uses_group_reduce();
  const bool has_default = c.default_tensor.has_value();
  const bool needs_reached = group ? c.agg != AggOp::kSum
                                   : !has_default && (c.agg == AggOp::kProd ||
                                                      c.agg == AggOp::kMax || c.agg == AggOp::kMin);

  // Elements between consecutive tile-0 positions of input i.
  const auto tile0_step = [&](std::size_t i) {
    const Access& a = c.inputs[i];
    const std::vector<std::int64_t> strides = row_major_strides(program_.tensor(a.tensor).shape);
    std::int64_t step = 0;
    for (std::size_t d = 0; d < strides.size(); ++d)
      step += a.indices[d].coeff(tile_var[0]) * strides[d];
    return step;
  };
  // Lanes per vector along tile 0: the whole run where it is one OpenCL vector, else the
  // widest vector that divides it (a CPU's 32-wide tile is two float16s, one AVX-512 register
  // each), so a run wider than OpenCL's vectors still loads and accumulates as vectors.
  int w0 = n0;
  for (int w : {16, 8, 4, 2}) {
    if (!opencl::has_vector_load(DType::kFloat32, w0) && n0 % w == 0) w0 = w;
  }
  const int nv = n0 / w0;  // vectors per tile-0 run
  // Vector accumulators: a sum whose tile-0 run is whole and unguarded, where every input
  // along tile 0 is nv vector loads and the others are broadcast, accumulates nv vectors per
  // tile-1 position. The arithmetic is then explicit SIMD, which CPU compilers (PoCL) do not
  // find in n0 separate scalar accumulators, and fewer instructions on GPUs.
  bool vec_acc = plan_.vector_loads && n0 > 1 && c.agg == AggOp::kSum && !has_default &&
                 c.comb != CombOp::kEq && c.comb != CombOp::kCond &&
                 opencl::has_vector_load(out.dtype, w0);
  for (int a = 0; a < n0 && vec_acc; ++a) vec_acc = pred[1][static_cast<std::size_t>(a)].empty();
  for (const RangeCheck& k : checks) vec_acc = vec_acc && (k.mask & 1) == 0;
  const TensorId computed = prologue_operand(program_, group_);
  for (std::size_t i = 0; i < c.inputs.size() && vec_acc; ++i) {
    const TensorInfo& t = program_.tensor(c.inputs[i].tensor);
    // A prologue's operand is computed element by element, never vector-loaded.
    if (c.inputs[i].tensor == computed && (input_mask[i] & 1) != 0) vec_acc = false;
    vec_acc =
        vec_acc && opencl::compute_type(t.dtype) == acc_t &&
        ((input_mask[i] & 1) == 0 || (tile0_step(i) == 1 && opencl::has_vector_load(t.dtype, w0)));
  }
  const TensorInfo& stored = program_.tensor(group_.output);
  if (vec_acc && tiles_[0].dim + 1 == static_cast<int>(out_shape_.size()) &&
      stored.dtype != DType::kBool && opencl::has_vector_load(stored.dtype, w0)) {
    store_width_ = w0;
    store_runs_ = {n0, n1};
  }
  const std::string vec_t = vec_acc ? opencl::vector_type(out.dtype, w0) : "";
  const auto vec_acc_name = [&](int v, int b) {
    return "accv" + (nv > 1 ? "v" + std::to_string(v) : std::string()) +
           (n1 > 1 ? "_" + std::to_string(b) : std::string());
  };
  if (store_width_ > 1) {
    for (int b = 0; b < n1; ++b) {
      for (int v = 0; v < nv; ++v) vec_acc_names_.push_back(vec_acc_name(v, b));
    }
  }
  if (vec_acc) {
    for (int b = 0; b < n1; ++b) {
      for (int v = 0; v < nv; ++v) {
        body_.line(vec_t + " " + vec_acc_name(v, b) + " = (" + vec_t + ")(" + zero + ");");
      }
    }
  }
  for (Element& e : elements_) {
    if (vec_acc) break;
    cur_ = &e;
    std::string init;
    if (has_default && !group) {
      init = value(*c.default_tensor);
      if (!e.valid.empty()) init = "(" + e.valid + ") ? " + init + " : " + zero;
    } else if (c.agg == AggOp::kProd) {
      init = float_acc ? "1.0f" : "1";
    } else if (c.agg == AggOp::kMax) {
      init = float_acc ? opencl::literal(out.dtype, -std::numeric_limits<double>::infinity())
                       : kir::print(kir::named(kir::Named::kIntMin));
    } else if (c.agg == AggOp::kMin) {
      init = float_acc ? opencl::literal(out.dtype, std::numeric_limits<double>::infinity())
                       : kir::print(kir::named(kir::Named::kIntMax));
    } else {
      init = zero;
    }
    body_.line(acc_t + " acc" + e.suffix + " = " + init + ";");
    if (needs_reached) body_.line("int reached" + e.suffix + " = 0;");
  }

  std::vector<std::string> pre{"1"};
  for (const std::string& p : pre_conditions) pre.push_back(p);
  for (const RangeCheck& k : checks) {
    if (depth(k.expr) >= 0 || k.mask != 0) continue;
    if (k.bound == 0) {
      pre.push_back(numerator(k.expr, names) + " == " + k.equals +
                    (k.expr.denom() == 1 ? "" : " * " + std::to_string(k.expr.denom())));
    } else {
      const std::string n = numerator(k.expr, names);
      if (k.expr.denom() != 1) pre.push_back(n + " % " + std::to_string(k.expr.denom()) + " == 0");
      const std::string val =
          k.expr.denom() == 1 ? n : "(" + n + " / " + std::to_string(k.expr.denom()) + ")";
      pre.push_back(val + " >= 0 && " + val + " < " + std::to_string(k.bound));
    }
  }
  body_.open("if (" + all_of(pre) + ")");
  for (const RangeCheck& k : checks) {
    if (depth(k.expr) < 0 && !k.value_name.empty()) {
      body_.line("const " + index_type_ + " " + k.value_name + " = " + numerator(k.expr, names) +
                 " / " + std::to_string(k.expr.denom()) + ";");
    }
  }

  // Where every per-element check holds at every tile element over the loops' whole ranges
  // (each affine check's least and greatest value over that box), and every tile element is
  // inside the output: there the interior copy of the reduction runs without them. "" when the
  // kernel has no such checks, or one that is not a plain range (an equality, a divisor).
  const auto interior_condition = [&]() -> std::string {
    std::vector<std::string> parts;
    for (std::size_t t = 0; t < tiles_.size(); ++t) {
      parts.push_back(edge_check(t, tiles_[t].size - 1));
    }
    for (const RangeCheck& k : checks) {
      if (k.mask == 0) continue;
      if (k.bound == 0 || k.expr.denom() != 1) return "";
      std::vector<std::string> least = names, greatest = names;
      for (const auto& [v, coeff] : k.expr.terms()) {
        const auto u = static_cast<std::size_t>(v);
        std::string lo = names[u], hi = names[u];
        if (const auto t = std::find(tile_var.begin(), tile_var.end(), v); t != tile_var.end()) {
          lo = names[u] + "_0";
          hi = names[u] + "_" +
               std::to_string(tiles_[static_cast<std::size_t>(t - tile_var.begin())].size - 1);
        } else if (depth_of[u] >= 0) {
          lo = "(" + std::to_string(ranges[u].lo) + ")";
          hi = "(" + std::to_string(ranges[u].hi - 1) + ")";
        }
        least[u] = coeff > 0 ? lo : hi;
        greatest[u] = coeff > 0 ? hi : lo;
      }
      parts.push_back("(" + numerator(k.expr, least) + ") >= 0 && (" + numerator(k.expr, greatest) +
                      ") < " + std::to_string(k.bound));
    }
    return all_of(parts);
  };
  // Whether some work-item can take the interior copy: some choice of tile starts (multiples of
  // the tile sizes, whole tiles inside the output) for which every per-element check holds over
  // the loops' whole ranges (one that also uses another coordinate counts as met). Without one
  // the copy is dead code that still costs registers (ResNet50's 14x14 and 7x7 convolutions in
  // tiles of 7 columns ran ~10% slower with it on PoCL 5). Many work-items: assumed so.
  const auto interior_reachable = [&] {
    std::array<std::int64_t, 2> count{1, 1};
    for (std::size_t t = 0; t < tiles_.size(); ++t) {
      count[t] = grid_[static_cast<std::size_t>(tiles_[t].dim)];
    }
    if (count[0] * count[1] > (1 << 16)) return true;
    for (std::int64_t s0 = 0; s0 < count[0]; ++s0) {
      for (std::int64_t s1 = 0; s1 < count[1]; ++s1) {
        const std::array<std::int64_t, 2> start{s0 * tile_size(0), s1 * tile_size(1)};
        bool inside = true;
        for (std::size_t t = 0; t < tiles_.size() && inside; ++t) {
          inside = start[t] + tiles_[t].size <= out_shape_[static_cast<std::size_t>(tiles_[t].dim)];
        }
        for (std::size_t k = 0; k < checks.size() && inside; ++k) {
          if (checks[k].mask == 0) continue;
          std::int64_t lo = checks[k].expr.constant_term(), hi = lo;
          bool other = false;
          for (const auto& [v, coeff] : checks[k].expr.terms()) {
            const auto u = static_cast<std::size_t>(v);
            std::int64_t least = 0, greatest = 0;
            if (const auto t = std::find(tile_var.begin(), tile_var.end(), v);
                t != tile_var.end()) {
              const auto ti = static_cast<std::size_t>(t - tile_var.begin());
              least = start[ti];
              greatest = start[ti] + tiles_[ti].size - 1;
            } else if (depth_of[u] >= 0) {
              least = ranges[u].lo;
              greatest = ranges[u].hi - 1;
            } else {
              other = true;
              break;
            }
            lo += coeff * (coeff > 0 ? least : greatest);
            hi += coeff * (coeff > 0 ? greatest : least);
          }
          inside = other || (lo >= 0 && hi < checks[k].bound);
        }
        if (inside) return true;
      }
    }
    return false;
  };
  std::string interior = plan_.split_interior && !group ? interior_condition() : std::string();
  if (!interior.empty() && !interior_reachable()) interior.clear();

  // With hoisting, whether every input not along tile 1 is finite (0 times it adds nothing):
  // then a product whose inputs along tile 1 read 0 outside their guard needs none (below).
  // The check reads every value of a constant, so only where it can matter.
  bool others_finite = plan_.hoist_addresses && c.comb == CombOp::kMul;
  for (std::size_t i = 0; i < c.inputs.size() && others_finite; ++i) {
    others_finite = (input_mask[i] & 2) != 0 || known_finite(program_.tensor(c.inputs[i].tensor));
  }

  // The loops, loads and accumulation (emitted twice with the interior split).
  const auto emit_reduction = [&] {
    emit_predicates(-1);
    // Pointers hoisted in front of the innermost loop (KernelPlan::hoist_addresses), declared
    // at the anchor once the loads that use them are written.
    CodeWriter::Anchor inner_anchor = body_.anchor();
    bool hoisting = false;
    std::vector<std::string> hoisted;
    // Whether the guard of a load along tiles `m` (guard(m, a, b)) is the same at every step of
    // the innermost loop: none of its per-element checks is at that loop's depth.
    const auto invariant = [&](int m) {
      return std::none_of(checks.begin(), checks.end(), [&](const RangeCheck& k) {
        const bool its = k.mask == 3 ? m == 3 : (k.mask & m) != 0;
        return its && depth(k.expr) + 1 == static_cast<int>(loops.size());
      });
    };

    for (std::size_t k = 0; k < loops.size(); ++k) {
      const std::size_t v = loops[k];
      std::string lo = std::to_string(ranges[v].lo), hi = std::to_string(ranges[v].hi);
      // The loop's first value, where the tightenings below leave it a constant.
      bool first_known = true;
      std::int64_t first = ranges[v].lo;
      std::vector<const RangeCheck*> here;
      for (const RangeCheck& chk : checks) {
        if (depth(chk.expr) != static_cast<int>(k) || chk.mask != 0) continue;
        const std::int64_t a = chk.expr.coeff(static_cast<int>(v));
        if (chk.bound > 0 && chk.expr.denom() == 1 && chk.value_name.empty() &&
            (a == 1 || a == -1)) {
          // 0 <= a*v + r < bound, r known outside this loop: tighten the loop's bounds.
          const Affine rest = chk.expr - Affine::index(static_cast<int>(v), a);
          const std::string r = numerator(rest, names);
          const std::string b = std::to_string(chk.bound);
          if (!rest.terms().empty()) {
            first_known = false;
          } else {
            const std::int64_t k = rest.constant_term();
            first = std::max(first, a == 1 ? -k : k - (chk.bound - 1));
          }
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
      if (k + 1 == loops.size()) {
        inner_anchor = body_.anchor();
        // From 0 and every step taken: the hoisted pointers are each load's first address.
        hoisting = plan_.hoist_addresses && !group && first_known && first == 0 && here.empty();
      }
      if (k + 1 == loops.size() && plan_.unroll > 1) body_.line(opencl::unroll_hint(plan_.unroll));
      // The split loop of a group reduction: share `slice` takes every threads-th value.
      const bool split = group && static_cast<int>(v) == plan_.reduce.var;
      body_.open("for (" + index_type_ + " " + n + " = " + lo + (split ? " + slice" : "") + ", " +
                 end + " = " + hi + "; " + n + " < " + end + "; " +
                 (split ? n + " += " + std::to_string(plan_.reduce.threads) : "++" + n) + ")");
      for (const RangeCheck* chk : here) {
        const std::string num = numerator(chk->expr, names);
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
      emit_predicates(static_cast<int>(k));
    }

    // Each input's values at the tile positions it depends on: one load per position, guarded by
    // its predicates, or nv vector loads for a whole contiguous, unguarded run along tile 0.
    std::vector<std::vector<std::string>> in(c.inputs.size());
    std::vector<std::vector<std::string>> vec_in(c.inputs.size());  // [b * nv + v]
    // Inputs read as 0 wherever their tile-1 position's guard fails.
    std::vector<bool> zero_outside(c.inputs.size(), false);
    const auto chunk_name = [&](const std::string& base, int v) {
      return nv > 1 ? base + "v" + std::to_string(v) : base;
    };
    const bool plain = elements_.size() == 1;
    for (std::size_t i = 0; i < c.inputs.size(); ++i) {
      const Access& acc = c.inputs[i];
      const TensorInfo& t = program_.tensor(acc.tensor);
      const int m = input_mask[i];
      const std::size_t count = m == 0 ? 1 : pred[static_cast<std::size_t>(m)].size();
      if (t.kind == TensorKind::kLiteral) {
        in[i].assign(count, opencl::literal(t.dtype, t.data->at(0)));
        continue;
      }
      // A packed input (schedule/packing.h) reads panel c / n0 (c: the tile's first coordinate
      // along tile 0, a multiple of n0), row r of it, lane a: c * rows + r * n0 + a, where r is
      // the flat position in the other dimensions.
      const bool packed = reads_packed(program_, c, plan_, i);
      const std::size_t rank = packed ? t.shape.size() - 1 : t.shape.size();
      std::vector<std::int64_t> strides = row_major_strides(t.shape);
      if (packed) {
        strides = row_major_strides(Shape(t.shape.begin(), t.shape.end() - 1));
        for (std::int64_t& s : strides) s *= n0;
      }
      if (packed) {
        strides.push_back(num_elements(t.shape) / t.shape.back());
        strides.push_back(1);
      }
      const auto terms_at = [&](int a, int b) {
        const std::vector<std::string> n = names_at(a, b);
        std::vector<std::string> terms;
        for (std::size_t d = 0; d < rank; ++d) {
          const RangeCheck* named = nullptr;
          for (const RangeCheck& k : checks) {
            if (!k.value_name.empty() &&
                k.value_name == "x" + std::to_string(i) + "_" + std::to_string(d)) {
              named = &k;
            }
          }
          terms.push_back(named ? named->value_name : numerator(acc.indices[d], n));
        }
        if (packed) {
          terms.push_back("c" + std::to_string(tiles_[0].dim));
          terms.push_back(std::to_string(a));
        }
        return terms;
      };
      const auto offset = [&](int a, int b) { return cexpr::flat_offset(terms_at(a, b), strides); };
      const std::string type(opencl::compute_type(t.dtype));
      const std::int64_t step = (m & 1) ? tile0_step(i) : 0;
      bool unguarded = true;
      for (int a = 0; a < n0 && m == 1; ++a) unguarded = unguarded && guard(1, a, 0).empty();
      const std::string var = "in" + std::to_string(i);
      if (acc.tensor == computed) {
        for (std::size_t idx = 0; idx < count; ++idx) {
          const auto [a, b] = m == 0 ? std::pair{0, 0} : position(m, static_cast<int>(idx));
          const std::string name =
              "pv" + std::to_string(i) + (m == 0 ? "" : "_" + std::to_string(idx));
          emit_prologue(terms_at(a, b), plain ? "" : guard(m, a, b), name);
          in[i].push_back(name);
        }
        continue;
      }
      // Bound only here: a prologue's operand (above) is read from the prologue's own input.
      const std::string buffer = packed ? packed_arg(acc.tensor, n0) : arg(acc.tensor);
      // The pointer and offset of the load at tile position (a, b): with hoisting, a pointer
      // declared in front of the innermost loop (other coordinates clamped inside the tensor
      // where the load is guarded: it then reads unconditionally) and that loop's term.
      const bool hoistable =
          hoisting && std::all_of(acc.indices.begin(), acc.indices.end(),
                                  [](const Affine& e) { return e.denom() == 1; });
      // Unclamped, every position shares the pointer of position (0, 0) at a constant
      // displacement (one register; LLVM kept one per position).
      std::string shared_pointer;
      const auto address = [&](int a, int b, bool clamped) -> std::pair<std::string, std::string> {
        if (!hoistable) return {buffer, offset(a, b)};
        const auto inner = static_cast<int>(loops.back());
        const std::vector<std::string> n = clamped ? names_at(a, b) : names_at(0, 0);
        std::vector<std::string> terms = clamped ? terms_at(a, b) : terms_at(0, 0);
        // (A clamped pointer's terms hold the packed lane already.)
        std::int64_t scale = 0, displacement = packed && !clamped ? a : 0;
        for (std::size_t d = 0; d < rank; ++d) {
          const Affine& e = acc.indices[d];
          const std::int64_t coeff = e.coeff(inner);
          scale += coeff * strides[d];
          terms[d] = numerator(e - Affine::index(inner, coeff), n);
          if (clamped && coeff == 0) {
            terms[d] = kir::print(clamped_index(kir::verbatim(terms[d]), t.shape[d] - 1));
          }
          for (std::size_t u = 0; u < tile_var.size() && !clamped; ++u) {
            displacement += e.coeff(tile_var[u]) * (u == 0 ? a : b) * strides[d];
          }
        }
        std::string ptr = clamped ? std::string() : shared_pointer;
        if (ptr.empty()) {
          ptr = "hp" + std::to_string(i) + "_" + std::to_string(hoisted.size());
          hoisted.push_back(opencl::pointer_type(t.dtype, false) + " const " + ptr + " = " +
                            buffer + " + " + cexpr::flat_offset(terms, strides) + ";");
          if (!clamped) shared_pointer = ptr;
        }
        const std::string& v = names[static_cast<std::size_t>(inner)];
        std::string off = scale == 0 ? "" : scale == 1 ? v : v + " * " + std::to_string(scale);
        if (displacement != 0 || off.empty()) {
          off += (off.empty() ? "" : " + ") + std::to_string(displacement);
        }
        return {ptr, off};
      };
      // Declares `name` as the load at (a, b), or `zero` where guard `g` fails: where `g` holds
      // throughout the innermost loop, an unconditional load through a clamped hoisted pointer
      // and a select (LLVM keeps a conditional load as a branch).
      const std::string zero_value = is_float(t.dtype) ? "0.0f" : "0";
      const auto declare_load = [&](const std::string& value_type, const std::string& name, int a,
                                    int b, int m, const std::string& zero, const auto& load) {
        const std::string g = guard(m, a, b);
        if (g.empty()) {
          const auto [ptr, off] = address(a, b, false);
          body_.line("const " + value_type + " " + name + " = " + load(ptr, off) + ";");
        } else if (hoistable && invariant(m)) {
          const auto [ptr, off] = address(a, b, true);
          body_.line("const " + value_type + " " + name + "_l = " + load(ptr, off) + ";");
          body_.line("const " + value_type + " " + name + " = (" + g + ") ? " + name +
                     "_l : " + zero + ";");
        } else {
          body_.line("const " + value_type + " " + name + " = (" + g + ") ? " +
                     load(buffer, offset(a, b)) + " : " + zero + ";");
        }
      };
      if (plan_.vector_loads && m == 1 && step == 1 && unguarded &&
          opencl::has_vector_load(t.dtype, w0)) {
        for (int v = 0; v < nv; ++v) {
          const auto [ptr, off] = address(v * w0, 0, false);
          body_.line("const " + opencl::vector_type(t.dtype, w0) + " " + chunk_name(var, v) +
                     " = " + opencl::vector_load(t.dtype, w0, ptr, off) + ";");
        }
        for (int a = 0; a < n0; ++a) in[i].push_back(opencl::lane(chunk_name(var, a / w0), a % w0));
        for (int b = 0; b < n1; ++b) {
          for (int v = 0; v < nv; ++v) vec_in[i].push_back(chunk_name(var, v));
        }
        continue;
      }
      // Along both tiles (a depthwise convolution's input: channels x output columns): one
      // vector load per tile-1 position, when whether it is inside depends on that position
      // only (padding along the columns), never on the tile-0 position.
      bool per_row_guard = m == 3 && step == 1;
      for (int a = 0; a < n0 && per_row_guard; ++a) {
        per_row_guard = pred[1][static_cast<std::size_t>(a)].empty();
        for (int b = 0; b < n1 && per_row_guard; ++b) {
          per_row_guard = pred[3][static_cast<std::size_t>(a * n1 + b)].empty();
        }
      }
      if (plan_.vector_loads && per_row_guard && opencl::has_vector_load(t.dtype, w0)) {
        const std::string vt = opencl::vector_type(t.dtype, w0);
        in[i].resize(static_cast<std::size_t>(n0 * n1));
        for (int b = 0; b < n1; ++b) {
          for (int v = 0; v < nv; ++v) {
            const std::string name = chunk_name(var + "_" + std::to_string(b), v);
            declare_load(vt, name, v * w0, b, 2, "(" + vt + ")(" + zero_value + ")",
                         [&](const std::string& ptr, const std::string& off) {
                           return opencl::vector_load(t.dtype, w0, ptr, off);
                         });
            vec_in[i].push_back(name);
            zero_outside[i] = true;
            for (int a = v * w0; a < (v + 1) * w0; ++a) {
              in[i][static_cast<std::size_t>(a * n1 + b)] = opencl::lane(name, a % w0);
            }
          }
        }
        continue;
      }
      for (std::size_t idx = 0; idx < count; ++idx) {
        const auto [a, b] = m == 0 ? std::pair{0, 0} : position(m, static_cast<int>(idx));
        const std::string g = guard(m, a, b);
        if (plain) {  // read where the element's guard holds
          const auto [ptr, off] = g.empty() || invariant(m) ? address(a, b, !g.empty())
                                                            : std::pair{buffer, offset(a, b)};
          in[i].push_back(opencl::load(t.dtype, ptr, off));
          continue;
        }
        const std::string name = var + (m == 0 ? "" : "_" + std::to_string(idx));
        declare_load(type, name, a, b, m, zero_value,
                     [&](const std::string& ptr, const std::string& off) {
                       return opencl::load(t.dtype, ptr, off);
                     });
        in[i].push_back(name);
        zero_outside[i] = m == 2;
      }
    }

    // Each element combines its inputs and accumulates, under its predicates (with vector
    // accumulators: each tile-1 position, under its own).
    const int full = (1 << tiles_.size()) - 1;
    // A product whose inputs along tile 1 read 0 outside the guard and whose others are finite
    // adds +-0 there: no guard (a select per column per step on CPUs).
    bool exact_unguarded = others_finite;
    for (std::size_t i = 0; i < c.inputs.size(); ++i) {
      exact_unguarded = exact_unguarded && ((input_mask[i] & 2) == 0 || zero_outside[i]);
    }
    for (int b = 0; b < n1 && vec_acc; ++b) {
      const std::string g = (full & 2) && !exact_unguarded ? guard(2, 0, b) : "";
      for (int v = 0; v < nv; ++v) {
        std::vector<std::string> args;
        for (std::size_t i = 0; i < c.inputs.size(); ++i) {
          const int m = input_mask[i];
          args.push_back((m & 1) ? vec_in[i][static_cast<std::size_t>(b * nv + v)]
                                 : in[i][static_cast<std::size_t>(m == 0 ? 0 : b)]);
        }
        body_.line((g.empty() ? "" : "if (" + g + ") ") + vec_acc_name(v, b) +
                   " += " + combine(c.comb, args) + ";");
      }
    }
    for (Element& e : elements_) {
      if (vec_acc) break;
      std::vector<std::string> args;
      for (std::size_t i = 0; i < c.inputs.size(); ++i) {
        const int m = input_mask[i];
        const int idx = m == 0 ? 0 : m == 1 ? e.a : m == 2 ? e.b : e.a * n1 + e.b;
        args.push_back(in[i][static_cast<std::size_t>(idx)]);
      }
      const std::string g = full == 0 ? "" : guard(full, e.a, e.b);
      if (!g.empty()) body_.open("if (" + g + ")");
      const std::string val = "val" + e.suffix;
      body_.line("const " + acc_t + " " + val + " = (" + acc_t + ")(" + combine(c.comb, args) +
                 ");");
      body_.line(accumulate(c.agg, "acc" + e.suffix, val));
      if (needs_reached) body_.line("reached" + e.suffix + " = 1;");
      if (!g.empty()) body_.close();
    }
    for (std::size_t k = 0; k < loops.size(); ++k) body_.close();
    if (!hoisted.empty()) body_.insert(inner_anchor, hoisted);
  };
  if (interior.empty()) {
    emit_reduction();
  } else {
    // The interior copy: no per-element predicates (they start from the edge checks, and
    // emit_predicates extends them), no per-element checks; then the guarded copy from the
    // original ones.
    const std::array<std::vector<std::string>, 4> guarded_pred = pred;
    const std::vector<RangeCheck> guarded_checks = checks;
    for (std::vector<std::string>& p : pred) std::fill(p.begin(), p.end(), std::string());
    std::erase_if(checks, [](const RangeCheck& k) { return k.mask != 0; });
    body_.open("if (" + interior + ")");
    emit_reduction();
    pred = guarded_pred;
    checks = guarded_checks;
    body_.close();
    body_.open("else");
    emit_reduction();
    body_.close();
  }
  body_.close();
  if (group) emit_group_combine(c, acc_t, needs_reached);
  for (Element& e : elements_) {
    if (needs_reached && !group) {
      body_.line("if (!reached" + e.suffix + ") acc" + e.suffix + " = " + zero + ";");
    }
    e.values[c.output] =
        vec_acc ? opencl::lane(vec_acc_name(e.a / w0, e.b), e.a % w0) : "acc" + e.suffix;
  }
}

KernelSource KernelWriter::finish() {
  KernelSource k;
  k.comment = "// " + plan_.describe() + "\n";
  for (std::size_t op : group_.prologue) {
    k.comment += "//   prologue: " + print_statement(program_, program_.ops()[op]) + "\n";
  }
  for (std::size_t op : group_.ops) {
    k.comment += "//   " + print_statement(program_, program_.ops()[op]) + "\n";
  }
  k.statement = print_statement(program_, program_.ops()[group_.ops.front()]);
  std::string sig =
      std::string(opencl::kKernel) + " " +
      (exact_group() ? opencl::required_work_group_size(plan_.work_group_size) + " " : "") +
      "void " + KernelSource::kNamePlaceholder + "(";
  std::string prologue;
  for (std::size_t i = 0; i < args_.size(); ++i) {
    const TensorInfo& t = program_.tensor(args_[i]);
    const std::string name = "p" + std::to_string(i);
    k.comment += "//   " + name + ": " + t.name + " " + std::string(dtype_name(t.dtype)) +
                 shape_str(t.shape) +
                 (panels_[i] ? ", packed in panels of " + std::to_string(panels_[i]) : "") + "\n";
    sig += std::string(i ? ", " : "") + opencl::buffer_param(t.dtype, name, i == 0);
    prologue += "  " + opencl::buffer_prologue(t.dtype, name, i == 0) + "\n";
  }
  sig += step_parameter(args_, steps_) + ")";
  k.code =
      sig + " {\n" + prologue + step_prologue(args_, arg_names_, steps_) + body_.text() + "}\n";
  k.args = args_;
  k.panels = panels_;
  k.work_dims = 1;
  const auto wg = static_cast<std::int64_t>(plan_.work_group_size);
  k.local_size = {plan_.work_group_size, 1, 1};
  k.exact_local_size = exact_group();
  k.global_size = {static_cast<std::size_t>((items_ + wg - 1) / wg * wg), 1, 1};
  k.flops = kernel_flops(program_, group_);
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
                          const KernelPlan& plan, const StepStrides& steps) {
  return KernelWriter(lowered, group, plan, steps).run();
}

}  // namespace tartan
