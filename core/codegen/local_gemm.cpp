#include "codegen/local_gemm.h"

#include <map>

#include "codegen/c_expr.h"
#include "codegen/opencl_dialect.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

using cexpr::all_of;
using cexpr::numerator;

std::string str(std::int64_t v) { return std::to_string(v); }

// Row-major digits of `flat` over `extents` (outermost first) as C expressions.
std::vector<std::string> digits(const std::string& flat, const std::vector<std::int64_t>& extents) {
  std::vector<std::string> out(extents.size());
  std::int64_t below = 1;
  for (std::size_t d = extents.size(); d-- > 0;) {
    std::string e = below == 1 ? flat : "(" + flat + " / " + str(below) + ")";
    if (d > 0) e = "(" + e + " % " + str(extents[d]) + ")";
    out[d] = e;
    below *= extents[d];
  }
  return out;
}

// One operand (A: rows, B: columns) and how its block is staged: element (kk, e) of the chunk
// (reduction position kk, row or column e of the block) lives at `lname[kk * ld + e]`. The
// work-group's items load it cooperatively, consecutive items along the operand's contiguous
// axis (the reduction for a convolution's input, the columns for its weights), so global reads
// coalesce; the row length is padded by one where items store along kk, so those stores hit
// distinct banks.
struct Side {
  const Access* access = nullptr;
  std::vector<int> dims;    // the output dimensions it owns (rows or columns)
  std::int64_t extent = 1;  // rows or columns in all
  int block = 1;            // rows or columns per work-group
  std::string origin;       // the block's first row or column
  std::string lname;        // its __local array
  std::string tag;          // "A" or "B"
  bool k_fast = false;
  int ld = 0;
  bool on_b = false;
};

class LocalGemmWriter {
 public:
  LocalGemmWriter(const Program& program, const Contraction& c, const GemmShape& g,
                  const LocalTile& t, const std::string& ix, CodeWriter& body,
                  const std::function<std::string(TensorId)>& arg)
      : program_(program), c_(c), g_(g), t_(t), ix_(ix), body_(body), arg_(arg) {}

  LocalGemmCode run() {
    const Shape& out = program_.tensor(c_.output).shape;
    wg_ = t_.rows * t_.cols;
    TARTAN_CHECK(
        t_.k_chunk > 0 && wg_ > 0 && (t_.block_rows() * t_.k_chunk) % wg_ == 0 &&
            (t_.block_cols() * t_.k_chunk) % wg_ == 0,
        "local-memory plan does not split its blocks evenly: " + std::to_string(t_.block_rows()) +
            "x" + std::to_string(t_.block_cols()) + ", K chunk " + std::to_string(t_.k_chunk));
    names_.resize(c_.index_names.size());
    for (std::size_t v = 0; v < names_.size(); ++v) names_[v] = "i_" + c_.index_names[v];
    for (std::size_t v = 0; v < names_.size(); ++v) {
      box_.push_back({g_.ranges[v].lo, g_.ranges[v].hi - 1});
    }
    Side a = side(g_.a, g_.row_dims, g_.rows, t_.block_rows(), "grow", "A", false);
    Side b = side(g_.b, g_.col_dims, g_.cols, t_.block_cols(), "gcol", "B", true);
    const std::int64_t gm = (g_.rows + a.block - 1) / a.block;
    const std::int64_t gn = (g_.cols + b.block - 1) / b.block;

    body_.line(std::string(opencl::kLocal) + " " + compute(a) + " la[" + str(t_.k_chunk * a.ld) +
               "];");
    body_.line(std::string(opencl::kLocal) + " " + compute(b) + " lb[" + str(t_.k_chunk * b.ld) +
               "];");
    body_.line("const int lid = (int)get_local_id(0);");
    body_.line("const int tx = lid % " + str(t_.cols) + ";");
    body_.line("const int ty = lid / " + str(t_.cols) + ";");
    body_.line("const " + ix_ + " grp = (" + ix_ + ")get_group_id(0);");
    body_.line("const " + ix_ + " gcol = (grp % " + str(gn) + ") * " + str(b.block) + ";");
    body_.line("const " + ix_ + " grow = ((grp / " + str(gn) + ") % " + str(gm) + ") * " +
               str(a.block) + ";");
    emit_batch(out, gn * gm);
    const std::vector<std::string> a_slots = prepare(a);
    const std::vector<std::string> b_slots = prepare(b);

    // Accumulators of this work-item's tile_rows x tile_cols elements.
    const TensorInfo& o = program_.tensor(c_.output);
    const std::string acc_t(opencl::compute_type(o.dtype));
    for (int i = 0; i < t_.tile_rows; ++i) {
      for (int j = 0; j < t_.tile_cols; ++j) {
        body_.line(acc_t + " " + acc(i, j) + " = 0;");
      }
    }
    body_.open("for (" + ix_ + " k0 = 0; k0 < " + str(g_.k) + "; k0 += " + str(t_.k_chunk) + ")");
    stage(a, a_slots);
    stage(b, b_slots);
    body_.line(std::string(opencl::kLocalBarrier));
    body_.line(opencl::unroll_hint(t_.k_chunk));
    body_.open("for (int kk = 0; kk < " + str(t_.k_chunk) + "; ++kk)");
    for (int i = 0; i < t_.tile_rows; ++i) {
      body_.line("const " + compute(a) + " a" + str(i) + " = la[kk * " + str(a.ld) + " + ty + " +
                 str(i * t_.rows) + "];");
    }
    for (int j = 0; j < t_.tile_cols; ++j) {
      body_.line("const " + compute(b) + " b" + str(j) + " = lb[kk * " + str(b.ld) + " + tx + " +
                 str(j * t_.cols) + "];");
    }
    for (int i = 0; i < t_.tile_rows; ++i) {
      for (int j = 0; j < t_.tile_cols; ++j) {
        body_.line(acc(i, j) + " += (" + acc_t + ")(a" + str(i) + " * b" + str(j) + ");");
      }
    }
    body_.close();
    body_.line(std::string(opencl::kLocalBarrier));
    body_.close();

    LocalGemmCode code;
    code.groups = gn * gm * g_.batch;
    emit_elements(out, a, b, &code);
    return code;
  }

 private:
  static std::string acc(int i, int j) { return "acc_" + str(i) + "_" + str(j); }

  std::string compute(const Side& s) const {
    return std::string(opencl::compute_type(program_.tensor(s.access->tensor).dtype));
  }

  std::vector<std::int64_t> extents(const std::vector<int>& dims) const {
    const Shape& out = program_.tensor(c_.output).shape;
    std::vector<std::int64_t> e;
    for (int d : dims) e.push_back(out[static_cast<std::size_t>(d)]);
    return e;
  }

  int var_of(int dim) const { return g_.dim_var[static_cast<std::size_t>(dim)]; }

  // `v` lies in its derived range, or "" when every value the decoding gives does.
  std::string in_range(int v, std::int64_t extent, const std::string& n) const {
    const IndexRange& r = g_.ranges[static_cast<std::size_t>(v)];
    std::vector<std::string> parts;
    if (r.lo > 0) parts.push_back(n + " >= " + str(r.lo));
    if (r.hi < extent) parts.push_back(n + " < " + str(r.hi));
    return all_of(parts);
  }

  Side side(int input, const std::vector<int>& dims, std::int64_t extent, int block,
            const std::string& origin, const std::string& tag, bool on_b) const {
    Side s;
    s.access = &c_.inputs[static_cast<std::size_t>(input)];
    s.dims = dims;
    s.extent = extent;
    s.block = block;
    s.origin = origin;
    s.lname = on_b ? "lb" : "la";
    s.tag = tag;
    s.on_b = on_b;
    // Contiguous along the reduction when the innermost reduction variable has unit stride.
    const Shape& shape = program_.tensor(s.access->tensor).shape;
    const std::vector<std::int64_t> strides = row_major_strides(shape);
    std::int64_t step = 0;
    bool whole = true;
    for (std::size_t d = 0; d < shape.size(); ++d) {
      const Affine& e = s.access->indices[d];
      step += e.coeff(g_.k_vars.back()) * strides[d];
      whole = whole && (e.denom() == 1 || e.coeff(g_.k_vars.back()) == 0);
    }
    s.k_fast = whole && step == 1;
    s.ld = s.k_fast ? block + 1 : block;
    return s;
  }

  // The batch coordinates of this work-group, and whether their variables are in range.
  void emit_batch(const Shape& out, std::int64_t per_batch) {
    const std::vector<std::int64_t> ext = extents(g_.batch_dims);
    const std::vector<std::string> dig = digits("gbat", ext);
    if (!g_.batch_dims.empty()) {
      body_.line("const " + ix_ + " gbat = grp / " + str(per_batch) + ";");
    }
    std::vector<std::string> ok;
    for (std::size_t k = 0; k < g_.batch_dims.size(); ++k) {
      const int d = g_.batch_dims[k];
      const int v = var_of(d);
      body_.line("const " + ix_ + " " + names_[static_cast<std::size_t>(v)] + " = " + dig[k] + ";");
      ok.push_back(
          in_range(v, out[static_cast<std::size_t>(d)], names_[static_cast<std::size_t>(v)]));
    }
    batch_ok_ = all_of(ok);
  }

  // Before the reduction loop: each load slot's block position (row or column of the block)
  // and reduction position within the chunk, and the block position's variables and validity,
  // once per distinct position. Returns per slot the name of its decoded position.
  std::vector<std::string> prepare(Side& s) {
    const int kc = t_.k_chunk;
    const int slots = s.block * kc / wg_;
    const std::vector<std::int64_t> ext = extents(s.dims);
    std::map<std::string, std::string> decoded;  // position expression -> its prefix
    std::vector<std::string> prefixes;
    for (int k = 0; k < slots; ++k) {
      const std::string e = "(lid + " + str(k * wg_) + ")";
      std::string pos, kk;
      if (s.k_fast) {
        kk = wg_ % kc == 0 ? "lid % " + str(kc) : e + " % " + str(kc);
        pos =
            wg_ % kc == 0 ? "lid / " + str(kc) + " + " + str(k * (wg_ / kc)) : e + " / " + str(kc);
      } else if (wg_ % s.block == 0) {
        pos = "lid % " + str(s.block);
        kk = "lid / " + str(s.block) + " + " + str(k * (wg_ / s.block));
      } else if (s.block % wg_ == 0) {
        pos = "lid + " + str((k % (s.block / wg_)) * wg_);
        kk = str(k / (s.block / wg_));
      } else {
        pos = e + " % " + str(s.block);
        kk = e + " / " + str(s.block);
      }
      const std::string slot = s.tag + str(k);
      body_.line("const int kk" + slot + " = " + kk + ";");
      body_.line("const int e" + slot + " = " + pos + ";");
      auto it = decoded.find(pos);
      if (it == decoded.end()) {
        const std::string p = "p" + slot;
        body_.line("const " + ix_ + " " + p + " = " + s.origin + " + e" + slot + ";");
        const std::vector<std::string> dig = digits(p, ext);
        std::vector<std::string> ok;
        if (s.extent % s.block != 0) ok.push_back(p + " < " + str(s.extent));
        for (std::size_t d = 0; d < s.dims.size(); ++d) {
          const int v = var_of(s.dims[d]);
          const std::string n = p + "_" + c_.index_names[static_cast<std::size_t>(v)];
          body_.line("const " + ix_ + " " + n + " = " + dig[d] + ";");
          ok.push_back(in_range(v, ext[d], n));
        }
        ok.push_back(batch_ok_);
        body_.line("const int ok" + p + " = " + (all_of(ok).empty() ? "1" : all_of(ok)) + ";");
        it = decoded.emplace(pos, p).first;
      }
      prefixes.push_back(it->second);
    }
    return prefixes;
  }

  // Inside the reduction loop: load this chunk of the operand into __local memory. A position
  // past K, past the block's extent, outside a variable's range, out of the tensor's bounds,
  // fractional or failing a constraint contributes zero.
  void stage(const Side& s, const std::vector<std::string>& prefixes) {
    const TensorInfo& t = program_.tensor(s.access->tensor);
    const std::vector<std::int64_t> strides = row_major_strides(t.shape);
    std::vector<std::int64_t> k_ext;
    for (int v : g_.k_vars) k_ext.push_back(g_.ranges[static_cast<std::size_t>(v)].size());
    std::map<std::string, std::string> kdecoded;  // kk expression -> its names' prefix
    for (std::size_t k = 0; k < prefixes.size(); ++k) {
      const std::string slot = s.tag + str(static_cast<std::int64_t>(k));
      const std::string p = prefixes[k];
      std::vector<std::string> n = names_;
      for (int d : s.dims) {
        const auto v = static_cast<std::size_t>(var_of(d));
        n[v] = p + "_" + c_.index_names[v];
      }
      // The reduction variables, decoded once per distinct chunk position.
      const std::string q = "q" + slot;
      body_.line("const " + ix_ + " " + q + " = k0 + kk" + slot + ";");
      const std::vector<std::string> dig = digits(q, k_ext);
      for (std::size_t j = 0; j < g_.k_vars.size(); ++j) {
        const auto v = static_cast<std::size_t>(g_.k_vars[j]);
        n[v] = q + "_" + c_.index_names[v];
        const std::int64_t lo = g_.ranges[v].lo;
        body_.line("const " + ix_ + " " + n[v] + " = " + dig[j] +
                   (lo == 0 ? "" : (lo > 0 ? " + " : " - ") + str(lo > 0 ? lo : -lo)) + ";");
      }
      std::vector<std::string> ok{"ok" + p};
      if (g_.k % t_.k_chunk != 0) ok.push_back(q + " < " + str(g_.k));
      std::vector<std::string> terms;
      for (std::size_t d = 0; d < t.shape.size(); ++d) {
        const Affine& e = s.access->indices[d];
        std::string val = numerator(e, n);
        if (e.denom() != 1) {
          ok.push_back(val + " % " + str(e.denom()) + " == 0");
          val = "(" + val + " / " + str(e.denom()) + ")";
        }
        if (!cexpr::always_in_range(e, t.shape[d], box_)) {
          ok.push_back(val + " >= 0 && " + val + " < " + str(t.shape[d]));
        }
        terms.push_back(val);
      }
      for (std::size_t i = 0; i < c_.constraints.size(); ++i) {
        if (g_.constraint_on_b[i] != s.on_b) continue;
        const Constraint& con = c_.constraints[i];
        std::string val = numerator(con.expr, n);
        if (con.expr.denom() != 1) {
          ok.push_back(val + " % " + str(con.expr.denom()) + " == 0");
          val = "(" + val + " / " + str(con.expr.denom()) + ")";
        }
        ok.push_back(val + " >= 0 && " + val + " < " + str(con.bound));
      }
      const std::string load =
          opencl::load(t.dtype, arg_(s.access->tensor), cexpr::flat_offset(terms, strides));
      const std::string zero = is_float(t.dtype) ? "0.0f" : "0";
      body_.line(s.lname + "[kk" + slot + " * " + str(s.ld) + " + e" + slot + "] = (" + all_of(ok) +
                 ") ? " + load + " : " + zero + ";");
    }
  }

  // The work-item's output elements: rows ty + i * rows, columns tx + j * cols of the block.
  void emit_elements(const Shape& out, const Side& a, const Side& b, LocalGemmCode* code) {
    const std::vector<std::int64_t> strides = row_major_strides(out);
    std::vector<std::vector<std::string>> row_coord, col_coord;
    const auto decode = [&](const Side& s, int count, int step, const std::string& thread,
                            const std::string& tag, std::vector<std::vector<std::string>>* coords,
                            std::vector<std::string>* valid) {
      const std::vector<std::int64_t> ext = extents(s.dims);
      for (int i = 0; i < count; ++i) {
        const std::string p = tag + str(i);
        body_.line("const " + ix_ + " " + p + " = " + s.origin + " + " + thread + " + " +
                   str(i * step) + ";");
        const std::vector<std::string> dig = digits(p, ext);
        std::vector<std::string> names;
        for (std::size_t d = 0; d < s.dims.size(); ++d) {
          names.push_back(p + "_d" + str(s.dims[d]));
          body_.line("const " + ix_ + " " + names.back() + " = " + dig[d] + ";");
        }
        coords->push_back(names);
        valid->push_back(s.extent % s.block == 0 ? "" : p + " < " + str(s.extent));
      }
    };
    std::vector<std::string> row_valid, col_valid;
    decode(a, t_.tile_rows, t_.rows, "ty", "orow", &row_coord, &row_valid);
    decode(b, t_.tile_cols, t_.cols, "tx", "ocol", &col_coord, &col_valid);
    for (int i = 0; i < t_.tile_rows; ++i) {
      for (int j = 0; j < t_.tile_cols; ++j) {
        LocalGemmElement e;
        e.coord.resize(out.size());
        for (std::size_t d = 0; d < a.dims.size(); ++d) {
          e.coord[static_cast<std::size_t>(a.dims[d])] = row_coord[static_cast<std::size_t>(i)][d];
        }
        for (std::size_t d = 0; d < b.dims.size(); ++d) {
          e.coord[static_cast<std::size_t>(b.dims[d])] = col_coord[static_cast<std::size_t>(j)][d];
        }
        for (int d : g_.batch_dims) {
          e.coord[static_cast<std::size_t>(d)] = names_[static_cast<std::size_t>(var_of(d))];
        }
        e.flat = "of_" + str(i) + "_" + str(j);
        body_.line("const " + ix_ + " " + e.flat + " = " + cexpr::flat_offset(e.coord, strides) +
                   ";");
        e.valid = all_of(
            {row_valid[static_cast<std::size_t>(i)], col_valid[static_cast<std::size_t>(j)]});
        e.acc = acc(i, j);
        code->elements.push_back(std::move(e));
      }
    }
  }

  const Program& program_;
  const Contraction& c_;
  const GemmShape& g_;
  const LocalTile& t_;
  const std::string& ix_;
  CodeWriter& body_;
  const std::function<std::string(TensorId)>& arg_;
  int wg_ = 0;
  std::vector<std::string> names_;
  std::vector<std::pair<std::int64_t, std::int64_t>> box_;
  std::string batch_ok_;
};

}  // namespace

LocalGemmCode write_local_gemm(const Program& program, const Contraction& c, const GemmShape& g,
                               const LocalTile& tile, const std::string& index_type,
                               CodeWriter& body, const std::function<std::string(TensorId)>& arg) {
  return LocalGemmWriter(program, c, g, tile, index_type, body, arg).run();
}

}  // namespace tartan
