#include "codegen/local_gemm.h"

#include <algorithm>
#include <map>
#include <optional>

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
// coalesce; the row length is padded where items store along kk (by one, or by the vector width
// where reads are vectors), so those stores hit distinct banks (or two ways each).
struct Side {
  const Access* access = nullptr;
  std::vector<int> dims;    // the output dimensions it owns (rows or columns)
  std::int64_t extent = 1;  // rows or columns in all
  int block = 1;            // rows or columns per work-group
  int items = 1;            // work-items along it
  int tile = 1;             // rows or columns per work-item
  int vec = 1;              // width of its __local reads (items own runs of `vec`)
  std::string thread;       // the work-item's coordinate along it: "ty" or "tx"
  std::string origin;       // the block's first row or column
  std::string lname;        // its __local array
  std::string tag;          // "A" or "B"
  bool k_fast = false;
  int ld = 0;
  bool on_b = false;
  // Linear along K: the offset of reduction position q is the offset of position 0 plus
  // k_step * q (a weight tensor, a matrix), so each load slot's offset is computed once before
  // the loop and only k_step * k0 is added per chunk; every check is then loop-invariant too.
  bool linear = false;
  std::int64_t k_step = 0;
  // Per load slot: the decoded block position's prefix, and its reduction position's
  // expression.
  std::vector<std::string> slots, kk;

  // Position within the block of the item's `i`-th row or column, past `thread * vec`.
  std::int64_t owned(int i) const { return (i / vec) * (items * vec) + i % vec; }
  std::string thread_origin() const { return vec == 1 ? thread : thread + " * " + str(vec); }
};

class LocalGemmWriter {
 public:
  LocalGemmWriter(const Program& program, const Contraction& c, const GemmShape& g,
                  const LocalTile& t, const std::string& ix, CodeWriter& body,
                  const std::function<std::string(TensorId)>& arg, TensorId computed,
                  const OperandLoad& load)
      : program_(program),
        c_(c),
        g_(g),
        t_(t),
        ix_(ix),
        body_(body),
        arg_(arg),
        computed_(computed),
        load_(load) {}

  LocalGemmCode run() {
    const Shape& out = program_.tensor(c_.output).shape;
    wg_ = t_.items();
    TARTAN_CHECK(
        t_.k_chunk > 0 && wg_ > 0 && (t_.block_rows() * t_.k_chunk) % wg_ == 0 &&
            (t_.block_cols() * t_.k_chunk) % wg_ == 0 && (t_.vector == 1 || t_.vector == 4) &&
            t_.k_split >= 1 && t_.k_chunk % t_.k_split == 0,
        "local-memory plan does not split its blocks evenly: " + std::to_string(t_.block_rows()) +
            "x" + std::to_string(t_.block_cols()) + ", K chunk " + std::to_string(t_.k_chunk) +
            ", vector " + std::to_string(t_.vector) + ", K split " + std::to_string(t_.k_split));
    names_.resize(c_.index_names.size());
    for (std::size_t v = 0; v < names_.size(); ++v) names_[v] = "i_" + c_.index_names[v];
    for (std::size_t v = 0; v < names_.size(); ++v) {
      box_.push_back({g_.ranges[v].lo, g_.ranges[v].hi - 1});
    }
    Side a = side(g_.a, g_.row_dims, g_.rows, t_.rows, t_.tile_rows, "ty", "grow", "A", false);
    Side b = side(g_.b, g_.col_dims, g_.cols, t_.cols, t_.tile_cols, "tx", "gcol", "B", true);
    const std::int64_t gm = (g_.rows + a.block - 1) / a.block;
    const std::int64_t gn = (g_.cols + b.block - 1) / b.block;
    const int buffers = t_.double_buffer ? 2 : 1;

    // The split's hand-over (hand_over()) reuses `la` once the loop is done.
    body_.line(opencl::local_array(
        compute(a), "la", std::max<std::int64_t>(t_.k_chunk * a.ld * buffers, hand_over_size())));
    body_.line(opencl::local_array(compute(b), "lb", t_.k_chunk * b.ld * buffers));
    body_.line("const int lid = (int)get_local_id(0);");
    // Every item stages chunks (by lid); its slice and place in the slice's grid pick what it
    // multiplies.
    const std::string slot = t_.k_split > 1 ? "lid % " + str(t_.rows * t_.cols) : "lid";
    body_.line("const int tx = " + slot + " % " + str(t_.cols) + ";");
    body_.line("const int ty = " + slot + " / " + str(t_.cols) + ";");
    if (t_.k_split > 1) body_.line("const int part = lid / " + str(t_.rows * t_.cols) + ";");
    body_.line("const " + ix_ + " grp = (" + ix_ + ")get_group_id(0);");
    body_.line("const " + ix_ + " gcol = (grp % " + str(gn) + ") * " + str(b.block) + ";");
    body_.line("const " + ix_ + " grow = ((grp / " + str(gn) + ") % " + str(gm) + ") * " +
               str(a.block) + ";");
    emit_batch(out, gn * gm);
    prepare(a);
    prepare(b);

    // Accumulators of this work-item's tile_rows x tile_cols elements.
    const TensorInfo& o = program_.tensor(c_.output);
    const std::string acc_t(opencl::compute_type(o.dtype));
    for (int i = 0; i < t_.tile_rows; ++i) {
      for (int j = 0; j < t_.tile_cols; ++j) {
        body_.line(acc_t + " " + acc(i, j) + " = 0;");
      }
    }
    const std::string kc = str(t_.k_chunk);
    if (!t_.double_buffer) {
      body_.open("for (" + ix_ + " k0 = 0; k0 < " + str(g_.k) + "; k0 += " + kc + ")");
      store(a, "la", fetch(a, "k0"));
      store(b, "lb", fetch(b, "k0"));
      body_.line(std::string(opencl::kLocalBarrier));
      multiply(a, b, "la", "lb");
      body_.line(std::string(opencl::kLocalBarrier));
      body_.close();
    } else {
      // The next chunk's global loads go into registers before the arithmetic on this one,
      // so their latency hides behind it; they land in the other buffer after it. That
      // buffer's last readers finished before the previous chunk's barrier: one barrier each.
      declare_registers(a);
      declare_registers(b);
      body_.open("");
      load_registers(a, "0");
      load_registers(b, "0");
      store_registers(a, "la");
      store_registers(b, "lb");
      body_.close();
      body_.line(std::string(opencl::kLocalBarrier));
      body_.line("int buf = 0;");
      body_.open("for (" + ix_ + " k0 = 0; k0 < " + str(g_.k) + "; k0 += " + kc + ")");
      for (const Side* s : {&a, &b}) {
        const std::string n = str(t_.k_chunk * s->ld);
        body_.line(opencl::local_pointer(compute(*s)) + " const " + s->lname +
                   "_cur = " + s->lname + " + buf * " + n + ";");
        body_.line(opencl::local_pointer(compute(*s)) + " const " + s->lname +
                   "_next = " + s->lname + " + (buf ^ 1) * " + n + ";");
      }
      body_.line("const int more = k0 + " + kc + " < " + str(g_.k) + ";");
      body_.open("if (more)");
      load_registers(a, "k0 + " + kc);
      load_registers(b, "k0 + " + kc);
      body_.close();
      multiply(a, b, "la_cur", "lb_cur");
      body_.open("if (more)");
      store_registers(a, "la_next");
      store_registers(b, "lb_next");
      body_.close();
      body_.line(std::string(opencl::kLocalBarrier));
      body_.line("buf ^= 1;");
      body_.close();
    }

    hand_over(acc_t);

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

  bool uses_k(const Affine& e) const {
    for (int v : g_.k_vars) {
      if (e.coeff(v) != 0) return true;
    }
    return false;
  }

  // `v` lies in its derived range, or "" when every value the decoding gives does.
  std::string in_range(int v, std::int64_t extent, const std::string& n) const {
    const IndexRange& r = g_.ranges[static_cast<std::size_t>(v)];
    std::vector<std::string> parts;
    if (r.lo > 0) parts.push_back(n + " >= " + str(r.lo));
    if (r.hi < extent) parts.push_back(n + " < " + str(r.hi));
    return all_of(parts);
  }

  Side side(int input, const std::vector<int>& dims, std::int64_t extent, int items, int tile,
            const std::string& thread, const std::string& origin, const std::string& tag,
            bool on_b) const {
    Side s;
    s.access = &c_.inputs[static_cast<std::size_t>(input)];
    s.dims = dims;
    s.extent = extent;
    s.items = items;
    s.tile = tile;
    s.block = items * tile;
    s.vec = t_.vector > 1 && tile % t_.vector == 0 ? t_.vector : 1;
    s.thread = thread;
    s.origin = origin;
    s.lname = on_b ? "lb" : "la";
    s.tag = tag;
    s.on_b = on_b;
    // Contiguous along the reduction when the innermost reduction variable has unit stride.
    const TensorInfo& t = program_.tensor(s.access->tensor);
    const std::vector<std::int64_t> strides = row_major_strides(t.shape);
    std::int64_t step = 0;
    bool whole = true;
    for (std::size_t d = 0; d < t.shape.size(); ++d) {
      const Affine& e = s.access->indices[d];
      step += e.coeff(g_.k_vars.back()) * strides[d];
      whole = whole && (e.denom() == 1 || e.coeff(g_.k_vars.back()) == 0);
    }
    s.k_fast = whole && step == 1;
    s.ld = s.k_fast ? s.block + s.vec : s.block;
    // Linear along K: every index using a reduction variable is whole and always in bounds, no
    // constraint of this side uses one, and the flattened reduction's digits step the offset
    // like one number (each variable's stride is the next one's times its extent).
    bool linear = true;
    for (std::size_t d = 0; d < t.shape.size(); ++d) {
      const Affine& e = s.access->indices[d];
      if (!uses_k(e)) continue;
      linear = linear && e.denom() == 1 && cexpr::always_in_range(e, t.shape[d], box_);
    }
    for (std::size_t i = 0; i < c_.constraints.size(); ++i) {
      if (g_.constraint_on_b[i] == on_b) linear = linear && !uses_k(c_.constraints[i].expr);
    }
    std::vector<std::int64_t> k_strides;
    for (int v : g_.k_vars) {
      std::int64_t st = 0;
      for (std::size_t d = 0; d < t.shape.size(); ++d) {
        st += s.access->indices[d].coeff(v) * strides[d];
      }
      k_strides.push_back(st);
    }
    for (std::size_t j = 0; j + 1 < g_.k_vars.size(); ++j) {
      const std::int64_t next = g_.ranges[static_cast<std::size_t>(g_.k_vars[j + 1])].size();
      linear = linear && k_strides[j] == k_strides[j + 1] * next;
    }
    // A computed operand needs each element's coordinates, which the linear path never forms.
    s.linear = linear && s.access->tensor != computed_;
    s.k_step = k_strides.back();
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

  // The variable names of a slot's element: its block position's decoded variables, the batch
  // coordinates, and `k` for the reduction variables.
  std::vector<std::string> slot_names(const Side& s, const std::string& p) const {
    std::vector<std::string> n = names_;
    for (int d : s.dims) {
      const auto v = static_cast<std::size_t>(var_of(d));
      n[v] = p + "_" + c_.index_names[v];
    }
    return n;
  }

  // Bounds, divisibility and constraint checks of an element of `s` named by `n`; with
  // `k_only`, just those that depend on a reduction variable (else just those that do not).
  void checks(const Side& s, const std::vector<std::string>& n, std::optional<bool> k_only,
              std::vector<std::string>* ok, std::vector<std::string>* terms) const {
    const TensorInfo& t = program_.tensor(s.access->tensor);
    for (std::size_t d = 0; d < t.shape.size(); ++d) {
      const Affine& e = s.access->indices[d];
      std::string val = numerator(e, n);
      const bool wanted = !k_only || *k_only == uses_k(e);
      if (e.denom() != 1) {
        if (wanted) ok->push_back(val + " % " + str(e.denom()) + " == 0");
        val = "(" + val + " / " + str(e.denom()) + ")";
      }
      if (wanted && !cexpr::always_in_range(e, t.shape[d], box_)) {
        ok->push_back(val + " >= 0 && " + val + " < " + str(t.shape[d]));
      }
      if (terms != nullptr) terms->push_back(val);
    }
    for (std::size_t i = 0; i < c_.constraints.size(); ++i) {
      if (g_.constraint_on_b[i] != s.on_b) continue;
      const Constraint& con = c_.constraints[i];
      if (k_only && *k_only != uses_k(con.expr)) continue;
      std::string val = numerator(con.expr, n);
      if (con.expr.denom() != 1) {
        ok->push_back(val + " % " + str(con.expr.denom()) + " == 0");
        val = "(" + val + " / " + str(con.expr.denom()) + ")";
      }
      ok->push_back(val + " >= 0 && " + val + " < " + str(con.bound));
    }
  }

  // Before the reduction loop: each load slot's block position (row or column of the block)
  // and reduction position within the chunk, and the block position's variables and validity,
  // once per distinct position. For a side linear along K, also each slot's offset at the
  // chunk's start and its loop-invariant validity.
  void prepare(Side& s) {
    const int kc = t_.k_chunk;
    const int slots = s.block * kc / wg_;
    const std::vector<std::int64_t> ext = extents(s.dims);
    std::map<std::string, std::string> decoded;  // position expression -> its prefix
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
      s.slots.push_back(it->second);
      s.kk.push_back(kk);
      if (s.linear) {
        // The offset and checks with every reduction variable at the low end of its range.
        std::vector<std::string> n = slot_names(s, it->second);
        for (int v : g_.k_vars) {
          const auto u = static_cast<std::size_t>(v);
          n[u] = str(g_.ranges[u].lo);
        }
        std::vector<std::string> ok{"ok" + it->second}, terms;
        checks(s, n, false, &ok, &terms);
        const TensorInfo& t = program_.tensor(s.access->tensor);
        const std::string base = cexpr::flat_offset(terms, row_major_strides(t.shape));
        body_.line("const " + ix_ + " off" + slot + " = " + base + " + " + str(s.k_step) + " * kk" +
                   slot + ";");
        body_.line("const int okl" + slot + " = " + all_of(ok) + ";");
      }
    }
  }

  // The value of each load slot of `s` for the chunk starting at reduction position `k0`: the
  // element, or zero where the position is past K, past the block's extent, outside a
  // variable's range, out of the tensor's bounds, fractional or failing a constraint.
  std::vector<std::string> fetch(const Side& s, const std::string& k0) {
    const TensorInfo& t = program_.tensor(s.access->tensor);
    const std::string zero = is_float(t.dtype) ? "0.0f" : "0";
    const std::string ptr = s.access->tensor == computed_ ? "" : arg_(s.access->tensor);
    std::vector<std::int64_t> k_ext;
    for (int v : g_.k_vars) k_ext.push_back(g_.ranges[static_cast<std::size_t>(v)].size());
    // kk expression -> the names of its reduction variables (slots loading along the operand's
    // contiguous K axis share one decoding).
    std::map<std::string, std::vector<std::string>> kdecoded;
    std::vector<std::string> values;
    for (std::size_t k = 0; k < s.slots.size(); ++k) {
      const std::string slot = s.tag + str(static_cast<std::int64_t>(k));
      std::vector<std::string> ok;
      if (g_.k % t_.k_chunk != 0) ok.push_back(k0 + " + kk" + slot + " < " + str(g_.k));
      if (s.linear) {
        ok.insert(ok.begin(), "okl" + slot);
        const std::string step = s.k_step == 1 ? "" : str(s.k_step) + " * ";
        const std::string off =
            k0 == "0" ? "off" + slot : "off" + slot + " + " + step + "(" + k0 + ")";
        values.push_back("(" + all_of(ok) + ") ? " + opencl::load(t.dtype, ptr, off) + " : " +
                         zero);
        continue;
      }
      // The reduction variables, decoded once per distinct chunk position.
      std::vector<std::string> n = slot_names(s, s.slots[k]);
      auto it = kdecoded.find(s.kk[k]);
      if (it == kdecoded.end()) {
        const std::string q = "q" + slot;
        body_.line("const " + ix_ + " " + q + " = " + k0 + " + kk" + slot + ";");
        const std::vector<std::string> dig = digits(q, k_ext);
        std::vector<std::string> kn;
        for (std::size_t j = 0; j < g_.k_vars.size(); ++j) {
          const auto v = static_cast<std::size_t>(g_.k_vars[j]);
          kn.push_back(q + "_" + c_.index_names[v]);
          const std::int64_t lo = g_.ranges[v].lo;
          body_.line("const " + ix_ + " " + kn.back() + " = " + dig[j] +
                     (lo == 0 ? "" : (lo > 0 ? " + " : " - ") + str(lo > 0 ? lo : -lo)) + ";");
        }
        it = kdecoded.emplace(s.kk[k], std::move(kn)).first;
      }
      for (std::size_t j = 0; j < g_.k_vars.size(); ++j) {
        n[static_cast<std::size_t>(g_.k_vars[j])] = it->second[j];
      }
      ok.insert(ok.begin(), "ok" + s.slots[k]);
      std::vector<std::string> terms;
      checks(s, n, std::nullopt, &ok, &terms);
      if (s.access->tensor == computed_) {
        values.push_back("pv" + slot);
        load_(terms, all_of(ok), values.back());
        continue;
      }
      const std::string load =
          opencl::load(t.dtype, ptr, cexpr::flat_offset(terms, row_major_strides(t.shape)));
      values.push_back("(" + all_of(ok) + ") ? " + load + " : " + zero);
    }
    return values;
  }

  std::string local_index(const Side& s, std::size_t k) const {
    const std::string slot = s.tag + str(static_cast<std::int64_t>(k));
    return "kk" + slot + " * " + str(s.ld) + " + e" + slot;
  }

  // Straight into __local memory (single buffer).
  void store(const Side& s, const std::string& local, const std::vector<std::string>& values) {
    for (std::size_t k = 0; k < values.size(); ++k) {
      body_.line(local + "[" + local_index(s, k) + "] = " + values[k] + ";");
    }
  }

  std::string reg(const Side& s, std::size_t k) const {
    return "r" + s.tag + str(static_cast<std::int64_t>(k));
  }
  void declare_registers(const Side& s) {
    for (std::size_t k = 0; k < s.slots.size(); ++k) {
      body_.line(compute(s) + " " + reg(s, k) + " = 0;");
    }
  }
  void load_registers(const Side& s, const std::string& k0) {
    const std::vector<std::string> values = fetch(s, k0);
    for (std::size_t k = 0; k < values.size(); ++k) {
      body_.line(reg(s, k) + " = " + values[k] + ";");
    }
  }
  void store_registers(const Side& s, const std::string& local) {
    for (std::size_t k = 0; k < s.slots.size(); ++k) {
      body_.line(local + "[" + local_index(s, k) + "] = " + reg(s, k) + ";");
    }
  }

  // The chunk's arithmetic from __local arrays `la` and `lb`: per reduction position (of this
  // item's slice), each side's values (as vectors where it reads vectors), then every product.
  void multiply(const Side& a, const Side& b, const std::string& la, const std::string& lb) {
    const int share = t_.k_chunk / t_.k_split;
    body_.line(opencl::unroll_hint(share));
    body_.open("for (int kq = 0; kq < " + str(share) + "; ++kq)");
    body_.line("const int kk = " + (t_.k_split > 1 ? "part * " + str(share) + " + kq" : "kq") +
               ";");
    std::vector<std::string> av = read_side(a, la, "a"), bv = read_side(b, lb, "b");
    const std::string acc_t(opencl::compute_type(program_.tensor(c_.output).dtype));
    for (int i = 0; i < t_.tile_rows; ++i) {
      for (int j = 0; j < t_.tile_cols; ++j) {
        body_.line(acc(i, j) + " += (" + acc_t + ")(" + av[static_cast<std::size_t>(i)] + " * " +
                   bv[static_cast<std::size_t>(j)] + ");");
      }
    }
    body_.close();
  }

  std::int64_t hand_over_size() const {
    return static_cast<std::int64_t>(t_.k_split - 1) * t_.rows * t_.cols * t_.tile_rows *
           t_.tile_cols;
  }

  // Split-K: slices 1..S-1 store their sums (consecutive items at consecutive addresses), and
  // slice 0 adds them to its own in slice order. The loop's last barrier ordered every read of
  // the staging buffers before this, so the hand-over reuses the rows' staging array `la`
  // (compute types are 4 bytes wide: the same size whatever the accumulator's type).
  void hand_over(const std::string& acc_t) {
    if (t_.k_split == 1) return;
    const int n = t_.rows * t_.cols;
    const int tile = t_.tile_rows * t_.tile_cols;
    body_.line(opencl::local_pointer(acc_t) + " const lsum = (" + opencl::local_pointer(acc_t) +
               ")la;");
    const auto at = [&](const std::string& slice, int i, int j) {
      return "lsum[(" + slice + ") * " + str(tile * n) + " + " + str((i * t_.tile_cols + j) * n) +
             " + ty * " + str(t_.cols) + " + tx]";
    };
    body_.open("if (part > 0)");
    for (int i = 0; i < t_.tile_rows; ++i) {
      for (int j = 0; j < t_.tile_cols; ++j)
        body_.line(at("part - 1", i, j) + " = " + acc(i, j) + ";");
    }
    body_.close();
    body_.line(std::string(opencl::kLocalBarrier));
    body_.open("if (part == 0)");
    body_.open("for (int s = 0; s < " + str(t_.k_split - 1) + "; ++s)");
    for (int i = 0; i < t_.tile_rows; ++i) {
      for (int j = 0; j < t_.tile_cols; ++j) body_.line(acc(i, j) + " += " + at("s", i, j) + ";");
    }
    body_.close();
    body_.close();
  }

  // Emits the reads of one side's values at reduction position kk; returns each value's name.
  std::vector<std::string> read_side(const Side& s, const std::string& local,
                                     const std::string& tag) {
    std::vector<std::string> out;
    const std::string row = "kk * " + str(s.ld) + " + " + s.thread_origin() + " + ";
    if (s.vec == 1) {
      for (int i = 0; i < s.tile; ++i) {
        out.push_back(tag + str(i));
        body_.line("const " + compute(s) + " " + out.back() + " = " + local + "[" + row +
                   str(s.owned(i)) + "];");
      }
      return out;
    }
    const std::string vt = opencl::vector_type(program_.tensor(s.access->tensor).dtype, s.vec);
    for (int v = 0; v < s.tile / s.vec; ++v) {
      const std::string name = tag + str(v);
      body_.line("const " + vt + " " + name + " = " +
                 opencl::local_vector_read(vt, local, row + str(s.owned(v * s.vec))) + ";");
      for (int l = 0; l < s.vec; ++l) out.push_back(opencl::lane(name, l));
    }
    return out;
  }

  // The work-item's output elements: rows thread * vec + owned(i) of the block, and so columns.
  void emit_elements(const Shape& out, const Side& a, const Side& b, LocalGemmCode* code) {
    const std::vector<std::int64_t> strides = row_major_strides(out);
    std::vector<std::vector<std::string>> row_coord, col_coord;
    const auto decode = [&](const Side& s, const std::string& tag,
                            std::vector<std::vector<std::string>>* coords,
                            std::vector<std::string>* valid) {
      const std::vector<std::int64_t> ext = extents(s.dims);
      for (int i = 0; i < s.tile; ++i) {
        const std::string p = tag + str(i);
        body_.line("const " + ix_ + " " + p + " = " + s.origin + " + " + s.thread_origin() + " + " +
                   str(s.owned(i)) + ";");
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
    decode(a, "orow", &row_coord, &row_valid);
    decode(b, "ocol", &col_coord, &col_valid);
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
        // Split-K: only slice 0 holds the whole sum.
        e.valid = all_of({t_.k_split > 1 ? "part == 0" : "", row_valid[static_cast<std::size_t>(i)],
                          col_valid[static_cast<std::size_t>(j)]});
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
  const TensorId computed_;
  const OperandLoad& load_;
  int wg_ = 0;
  std::vector<std::string> names_;
  std::vector<std::pair<std::int64_t, std::int64_t>> box_;
  std::string batch_ok_;
};

}  // namespace

LocalGemmCode write_local_gemm(const Program& program, const Contraction& c, const GemmShape& g,
                               const LocalTile& tile, const std::string& index_type,
                               CodeWriter& body, const std::function<std::string(TensorId)>& arg,
                               TensorId computed, const OperandLoad& load) {
  return LocalGemmWriter(program, c, g, tile, index_type, body, arg, computed, load).run();
}

}  // namespace tartan
