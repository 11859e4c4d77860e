#include "codegen/local_gemm.h"

#include <algorithm>
#include <map>
#include <optional>

#include "codegen/c_expr.h"
#include "codegen/kir/builder.h"
#include "codegen/kir/printer.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

using cexpr::all_of;
using kir::binary;
using kir::Expr;
using kir::imm;
using kir::paren;
using kir::var;

std::string str(std::int64_t v) { return std::to_string(v); }

const kir::Type kInt = kir::scalar_type(kir::Type::Scalar::kInt);

// Row-major digits of `flat` over `extents` (outermost first).
std::vector<Expr> digits(const Expr& flat, const std::vector<std::int64_t>& extents) {
  std::vector<Expr> out(extents.size());
  std::int64_t below = 1;
  for (std::size_t d = extents.size(); d-- > 0;) {
    Expr e = below == 1 ? flat : paren(binary("/", flat, imm(below)));
    if (d > 0) e = paren(binary("%", e, imm(extents[d])));
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
  // Per load slot: the decoded block position's prefix, and its reduction position.
  std::vector<std::string> slots;
  std::vector<Expr> kk;

  // Position within the block of the item's `i`-th row or column, past `thread * vec`.
  std::int64_t owned(int i) const { return (i / vec) * (items * vec) + i % vec; }
  Expr thread_origin() const { return vec == 1 ? var(thread) : binary("*", var(thread), imm(vec)); }
};

class LocalGemmWriter {
 public:
  LocalGemmWriter(const Program& program, const Contraction& c, const GemmShape& g,
                  const LocalTile& t, const kir::Type& ix,
                  const std::function<std::string(TensorId)>& arg, TensorId computed,
                  const OperandLoad& load)
      : program_(program),
        c_(c),
        g_(g),
        t_(t),
        ix_(ix),
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
    body_.add(kir::local_alloc(
        compute(a), "la", std::max<std::int64_t>(t_.k_chunk * a.ld * buffers, hand_over_size()),
        true));
    body_.add(kir::local_alloc(compute(b), "lb", t_.k_chunk * b.ld * buffers, true));
    const Expr lid = var("lid"), grp = var("grp");
    body_.add(kir::let(kInt, "lid", kir::cast(kInt, kir::call(kir::Fn::kLocalId, {imm(0)}))));
    // Every item stages chunks (by lid); its slice and place in the slice's grid pick what it
    // multiplies.
    const Expr slot = t_.k_split > 1 ? binary("%", lid, imm(t_.rows * t_.cols)) : lid;
    body_.add(kir::let(kInt, "tx", binary("%", slot, imm(t_.cols))));
    body_.add(kir::let(kInt, "ty", binary("/", slot, imm(t_.cols))));
    if (t_.k_split > 1) body_.add(kir::let(kInt, "part", binary("/", lid, imm(t_.rows * t_.cols))));
    body_.add(kir::let(ix_, "grp", kir::cast(ix_, kir::call(kir::Fn::kGroupId, {imm(0)}))));
    body_.add(kir::let(ix_, "gcol", binary("*", paren(binary("%", grp, imm(gn))), imm(b.block))));
    body_.add(kir::let(
        ix_, "grow",
        binary("*", paren(binary("%", paren(binary("/", grp, imm(gn))), imm(gm))), imm(a.block))));
    emit_batch(out, gn * gm);
    prepare(a);
    prepare(b);

    // Accumulators of this work-item's tile_rows x tile_cols elements.
    const TensorInfo& o = program_.tensor(c_.output);
    const kir::Type acc_t = kir::compute_type(o.dtype);
    for (int i = 0; i < t_.tile_rows; ++i) {
      for (int j = 0; j < t_.tile_cols; ++j) body_.add(kir::let_mut(acc_t, acc(i, j), imm(0)));
    }
    const Expr kc = imm(t_.k_chunk), k0 = var("k0"), buf = var("buf");
    if (!t_.double_buffer) {
      body_.open_for(ix_, "k0", imm(0), imm(g_.k), kc);
      store(a, "la", fetch(a, k0));
      store(b, "lb", fetch(b, k0));
      body_.add(kir::barrier());
      multiply(a, b, "la", "lb");
      body_.add(kir::barrier());
      body_.close();
    } else {
      // The next chunk's global loads go into registers before the arithmetic on this one,
      // so their latency hides behind it; they land in the other buffer after it. That
      // buffer's last readers finished before the previous chunk's barrier: one barrier each.
      declare_registers(a);
      declare_registers(b);
      body_.open_scope();
      load_registers(a, imm(0));
      load_registers(b, imm(0));
      store_registers(a, "la");
      store_registers(b, "lb");
      body_.close();
      body_.add(kir::barrier());
      body_.add(kir::let_mut(kInt, "buf", imm(0)));
      body_.open_for(ix_, "k0", imm(0), imm(g_.k), kc);
      for (const Side* s : {&a, &b}) {
        const kir::Type ptr = kir::pointer_to(compute(*s), kir::Type::Pointer::kLocal);
        const Expr n = imm(t_.k_chunk * s->ld);
        body_.add(
            kir::let(ptr, s->lname + "_cur", binary("+", var(s->lname), binary("*", buf, n))));
        body_.add(
            kir::let(ptr, s->lname + "_next",
                     binary("+", var(s->lname), binary("*", paren(binary("^", buf, imm(1))), n))));
      }
      const Expr next = binary("+", k0, kc);
      body_.add(kir::let(kInt, "more", binary("<", next, imm(g_.k))));
      body_.open_if(var("more"));
      load_registers(a, next);
      load_registers(b, next);
      body_.close();
      multiply(a, b, "la_cur", "lb_cur");
      body_.open_if(var("more"));
      store_registers(a, "la_next");
      store_registers(b, "lb_next");
      body_.close();
      body_.add(kir::barrier());
      body_.add(kir::assign(buf, "^=", imm(1)));
      body_.close();
    }

    hand_over(acc_t);

    LocalGemmCode code;
    code.groups = gn * gm * g_.batch;
    emit_elements(out, a, b, &code);
    code.body = body_.build();
    return code;
  }

 private:
  static std::string acc(int i, int j) { return "acc_" + str(i) + "_" + str(j); }

  kir::Type compute(const Side& s) const {
    return kir::compute_type(program_.tensor(s.access->tensor).dtype);
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

  // `v` lies in its derived range, or null when every value the decoding gives does.
  Expr in_range(int v, std::int64_t extent, const std::string& n) const {
    const IndexRange& r = g_.ranges[static_cast<std::size_t>(v)];
    std::vector<Expr> parts;
    if (r.lo > 0) parts.push_back(binary(">=", var(n), imm(r.lo)));
    if (r.hi < extent) parts.push_back(binary("<", var(n), imm(r.hi)));
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
    const std::vector<Expr> dig = digits(var("gbat"), ext);
    if (!g_.batch_dims.empty()) {
      body_.add(kir::let(ix_, "gbat", binary("/", var("grp"), imm(per_batch))));
    }
    std::vector<Expr> ok;
    for (std::size_t k = 0; k < g_.batch_dims.size(); ++k) {
      const int d = g_.batch_dims[k];
      const auto v = static_cast<std::size_t>(var_of(d));
      body_.add(kir::let(ix_, names_[v], dig[k]));
      ok.push_back(in_range(static_cast<int>(v), out[static_cast<std::size_t>(d)], names_[v]));
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
              std::vector<Expr>* ok, std::vector<Expr>* terms) const {
    // e's value, after its divisibility check where it has a denominator.
    const auto value = [&](const Affine& e, bool wanted) {
      Expr val = cexpr::numerator_expr(e, n);
      if (e.denom() != 1) {
        if (wanted) ok->push_back(binary("==", binary("%", val, imm(e.denom())), imm(0)));
        val = paren(binary("/", val, imm(e.denom())));
      }
      return val;
    };
    const TensorInfo& t = program_.tensor(s.access->tensor);
    for (std::size_t d = 0; d < t.shape.size(); ++d) {
      const Affine& e = s.access->indices[d];
      const bool wanted = !k_only || *k_only == uses_k(e);
      const Expr val = value(e, wanted);
      if (wanted && !cexpr::always_in_range(e, t.shape[d], box_)) {
        ok->push_back(cexpr::in_range(val, t.shape[d]));
      }
      if (terms != nullptr) terms->push_back(val);
    }
    for (std::size_t i = 0; i < c_.constraints.size(); ++i) {
      if (g_.constraint_on_b[i] != s.on_b) continue;
      const Constraint& con = c_.constraints[i];
      if (k_only && *k_only != uses_k(con.expr)) continue;
      ok->push_back(cexpr::in_range(value(con.expr, true), con.bound));
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
    const Expr lid = var("lid");
    std::map<std::string, std::string> decoded;  // position expression -> its prefix
    for (int k = 0; k < slots; ++k) {
      const Expr e = paren(binary("+", lid, imm(k * wg_)));
      Expr pos, kk;
      if (s.k_fast) {
        kk = wg_ % kc == 0 ? binary("%", lid, imm(kc)) : binary("%", e, imm(kc));
        pos = wg_ % kc == 0 ? binary("+", binary("/", lid, imm(kc)), imm(k * (wg_ / kc)))
                            : binary("/", e, imm(kc));
      } else if (wg_ % s.block == 0) {
        pos = binary("%", lid, imm(s.block));
        kk = binary("+", binary("/", lid, imm(s.block)), imm(k * (wg_ / s.block)));
      } else if (s.block % wg_ == 0) {
        pos = binary("+", lid, imm((k % (s.block / wg_)) * wg_));
        kk = imm(k / (s.block / wg_));
      } else {
        pos = binary("%", e, imm(s.block));
        kk = binary("/", e, imm(s.block));
      }
      const std::string slot = s.tag + str(k);
      body_.add(kir::let(kInt, "kk" + slot, kk));
      body_.add(kir::let(kInt, "e" + slot, pos));
      auto it = decoded.find(kir::print(pos));
      if (it == decoded.end()) {
        const std::string p = "p" + slot;
        body_.add(kir::let(ix_, p, binary("+", var(s.origin), var("e" + slot))));
        const std::vector<Expr> dig = digits(var(p), ext);
        std::vector<Expr> ok;
        if (s.extent % s.block != 0) ok.push_back(binary("<", var(p), imm(s.extent)));
        for (std::size_t d = 0; d < s.dims.size(); ++d) {
          const int v = var_of(s.dims[d]);
          const std::string n = p + "_" + c_.index_names[static_cast<std::size_t>(v)];
          body_.add(kir::let(ix_, n, dig[d]));
          ok.push_back(in_range(v, ext[d], n));
        }
        ok.push_back(batch_ok_);
        const Expr all = all_of(ok);
        body_.add(kir::let(kInt, "ok" + p, all ? all : imm(1)));
        it = decoded.emplace(kir::print(pos), p).first;
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
        std::vector<Expr> ok{var("ok" + it->second)}, terms;
        checks(s, n, false, &ok, &terms);
        const TensorInfo& t = program_.tensor(s.access->tensor);
        const Expr base = cexpr::flat_offset(terms, row_major_strides(t.shape));
        body_.add(kir::let(ix_, "off" + slot,
                           binary("+", base, binary("*", imm(s.k_step), var("kk" + slot)))));
        body_.add(kir::let(kInt, "okl" + slot, all_of(ok)));
      }
    }
  }

  // The value of each load slot of `s` for the chunk starting at reduction position `k0`: the
  // element, or zero where the position is past K, past the block's extent, outside a
  // variable's range, out of the tensor's bounds, fractional or failing a constraint.
  std::vector<Expr> fetch(const Side& s, const Expr& k0) {
    const TensorInfo& t = program_.tensor(s.access->tensor);
    const Expr zero = kir::literal(t.dtype, 0);
    const Expr ptr = s.access->tensor == computed_ ? nullptr : var(arg_(s.access->tensor));
    const auto* k0_imm = std::get_if<kir::IntImm>(&k0->node);
    const bool at_start = k0_imm != nullptr && k0_imm->value == 0;
    std::vector<std::int64_t> k_ext;
    for (int v : g_.k_vars) k_ext.push_back(g_.ranges[static_cast<std::size_t>(v)].size());
    // kk expression -> the names of its reduction variables (slots loading along the operand's
    // contiguous K axis share one decoding).
    std::map<std::string, std::vector<std::string>> kdecoded;
    std::vector<Expr> values;
    for (std::size_t k = 0; k < s.slots.size(); ++k) {
      const std::string slot = s.tag + str(static_cast<std::int64_t>(k));
      std::vector<Expr> ok;
      if (g_.k % t_.k_chunk != 0) {
        ok.push_back(binary("<", binary("+", k0, var("kk" + slot)), imm(g_.k)));
      }
      if (s.linear) {
        ok.insert(ok.begin(), var("okl" + slot));
        const Expr start = var("off" + slot);
        const Expr off =
            at_start ? start
                     : binary("+", start,
                              s.k_step == 1 ? paren(k0) : binary("*", imm(s.k_step), paren(k0)));
        values.push_back(kir::ternary(paren(all_of(ok)), kir::load(t.dtype, ptr, off), zero));
        continue;
      }
      // The reduction variables, decoded once per distinct chunk position.
      std::vector<std::string> n = slot_names(s, s.slots[k]);
      auto it = kdecoded.find(kir::print(s.kk[k]));
      if (it == kdecoded.end()) {
        const std::string q = "q" + slot;
        body_.add(kir::let(ix_, q, binary("+", k0, var("kk" + slot))));
        const std::vector<Expr> dig = digits(var(q), k_ext);
        std::vector<std::string> kn;
        for (std::size_t j = 0; j < g_.k_vars.size(); ++j) {
          const auto v = static_cast<std::size_t>(g_.k_vars[j]);
          kn.push_back(q + "_" + c_.index_names[v]);
          const std::int64_t lo = g_.ranges[v].lo;
          body_.add(kir::let(
              ix_, kn.back(),
              lo == 0 ? dig[j] : binary(lo > 0 ? "+" : "-", dig[j], imm(lo > 0 ? lo : -lo))));
        }
        it = kdecoded.emplace(kir::print(s.kk[k]), std::move(kn)).first;
      }
      for (std::size_t j = 0; j < g_.k_vars.size(); ++j) {
        n[static_cast<std::size_t>(g_.k_vars[j])] = it->second[j];
      }
      ok.insert(ok.begin(), var("ok" + s.slots[k]));
      std::vector<Expr> terms;
      checks(s, n, std::nullopt, &ok, &terms);
      if (s.access->tensor == computed_) {
        values.push_back(var("pv" + slot));
        body_.add(load_(terms, all_of(ok), "pv" + slot));
        continue;
      }
      const Expr load =
          kir::load(t.dtype, ptr, cexpr::flat_offset(terms, row_major_strides(t.shape)));
      values.push_back(kir::ternary(paren(all_of(ok)), load, zero));
    }
    return values;
  }

  Expr local_index(const Side& s, std::size_t k) const {
    const std::string slot = s.tag + str(static_cast<std::int64_t>(k));
    return binary("+", binary("*", var("kk" + slot), imm(s.ld)), var("e" + slot));
  }

  // Straight into __local memory (single buffer).
  void store(const Side& s, const std::string& local, const std::vector<Expr>& values) {
    for (std::size_t k = 0; k < values.size(); ++k) {
      body_.add(kir::assign(kir::index(var(local), local_index(s, k)), "=", values[k]));
    }
  }

  std::string reg(const Side& s, std::size_t k) const {
    return "r" + s.tag + str(static_cast<std::int64_t>(k));
  }
  void declare_registers(const Side& s) {
    for (std::size_t k = 0; k < s.slots.size(); ++k) {
      body_.add(kir::let_mut(compute(s), reg(s, k), imm(0)));
    }
  }
  void load_registers(const Side& s, const Expr& k0) {
    const std::vector<Expr> values = fetch(s, k0);
    for (std::size_t k = 0; k < values.size(); ++k) {
      body_.add(kir::assign(var(reg(s, k)), "=", values[k]));
    }
  }
  void store_registers(const Side& s, const std::string& local) {
    for (std::size_t k = 0; k < s.slots.size(); ++k) {
      body_.add(kir::assign(kir::index(var(local), local_index(s, k)), "=", var(reg(s, k))));
    }
  }

  // The chunk's arithmetic from __local arrays `la` and `lb`: per reduction position (of this
  // item's slice), each side's values (as vectors where it reads vectors), then every product.
  void multiply(const Side& a, const Side& b, const std::string& la, const std::string& lb) {
    const int share = t_.k_chunk / t_.k_split;
    body_.open_for(kInt, "kq", imm(0), imm(share), nullptr, share);
    body_.add(kir::let(
        kInt, "kk",
        t_.k_split > 1 ? binary("+", binary("*", var("part"), imm(share)), var("kq")) : var("kq")));
    std::vector<Expr> av = read_side(a, la, "a"), bv = read_side(b, lb, "b");
    const kir::Type acc_t = kir::compute_type(program_.tensor(c_.output).dtype);
    for (int i = 0; i < t_.tile_rows; ++i) {
      for (int j = 0; j < t_.tile_cols; ++j) {
        body_.add(kir::assign(var(acc(i, j)), "+=",
                              kir::cast(acc_t, paren(binary("*", av[static_cast<std::size_t>(i)],
                                                            bv[static_cast<std::size_t>(j)])))));
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
  void hand_over(const kir::Type& acc_t) {
    if (t_.k_split == 1) return;
    const int n = t_.rows * t_.cols;
    const int tile = t_.tile_rows * t_.tile_cols;
    const kir::Type ptr = kir::pointer_to(acc_t, kir::Type::Pointer::kLocal);
    body_.add(kir::let(ptr, "lsum", kir::cast(ptr, var("la"))));
    const auto at = [&](const Expr& slice, int i, int j) {
      const Expr first =
          binary("+", binary("*", paren(slice), imm(tile * n)), imm((i * t_.tile_cols + j) * n));
      return kir::index(
          var("lsum"),
          binary("+", binary("+", first, binary("*", var("ty"), imm(t_.cols))), var("tx")));
    };
    const Expr part = var("part");
    body_.open_if(binary(">", part, imm(0)));
    for (int i = 0; i < t_.tile_rows; ++i) {
      for (int j = 0; j < t_.tile_cols; ++j) {
        body_.add(kir::assign(at(binary("-", part, imm(1)), i, j), "=", var(acc(i, j))));
      }
    }
    body_.close();
    body_.add(kir::barrier());
    body_.open_if(binary("==", part, imm(0)));
    body_.open_for(kInt, "s", imm(0), imm(t_.k_split - 1));
    for (int i = 0; i < t_.tile_rows; ++i) {
      for (int j = 0; j < t_.tile_cols; ++j) {
        body_.add(kir::assign(var(acc(i, j)), "+=", at(var("s"), i, j)));
      }
    }
    body_.close();
    body_.close();
  }

  // Emits the reads of one side's values at reduction position kk; returns each value's name.
  std::vector<Expr> read_side(const Side& s, const std::string& local, const std::string& tag) {
    std::vector<Expr> out;
    const auto row = [&](std::int64_t owned) {
      return binary("+", binary("+", binary("*", var("kk"), imm(s.ld)), s.thread_origin()),
                    imm(owned));
    };
    if (s.vec == 1) {
      for (int i = 0; i < s.tile; ++i) {
        out.push_back(var(tag + str(i)));
        body_.add(kir::let(compute(s), tag + str(i), kir::index(var(local), row(s.owned(i)))));
      }
      return out;
    }
    const DType dt = program_.tensor(s.access->tensor).dtype;
    for (int v = 0; v < s.tile / s.vec; ++v) {
      const std::string name = tag + str(v);
      body_.add(kir::let(kir::compute_type(dt, s.vec), name,
                         kir::local_vector_load(dt, var(local), row(s.owned(v * s.vec)), s.vec)));
      for (int l = 0; l < s.vec; ++l) out.push_back(kir::lane(var(name), l));
    }
    return out;
  }

  // The work-item's output elements: rows thread * vec + owned(i) of the block, and so columns.
  void emit_elements(const Shape& out, const Side& a, const Side& b, LocalGemmCode* code) {
    const std::vector<std::int64_t> strides = row_major_strides(out);
    std::vector<std::vector<std::string>> row_coord, col_coord;
    const auto decode = [&](const Side& s, const std::string& tag,
                            std::vector<std::vector<std::string>>* coords,
                            std::vector<Expr>* valid) {
      const std::vector<std::int64_t> ext = extents(s.dims);
      for (int i = 0; i < s.tile; ++i) {
        const std::string p = tag + str(i);
        body_.add(kir::let(
            ix_, p, binary("+", binary("+", var(s.origin), s.thread_origin()), imm(s.owned(i)))));
        const std::vector<Expr> dig = digits(var(p), ext);
        std::vector<std::string> names;
        for (std::size_t d = 0; d < s.dims.size(); ++d) {
          names.push_back(p + "_d" + str(s.dims[d]));
          body_.add(kir::let(ix_, names.back(), dig[d]));
        }
        coords->push_back(names);
        valid->push_back(s.extent % s.block == 0 ? nullptr : binary("<", var(p), imm(s.extent)));
      }
    };
    std::vector<Expr> row_valid, col_valid;
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
        std::vector<Expr> coord;
        for (const std::string& c : e.coord) coord.push_back(var(c));
        body_.add(kir::let(ix_, e.flat, cexpr::flat_offset(coord, strides)));
        // Split-K: only slice 0 holds the whole sum.
        const Expr valid = all_of({t_.k_split > 1 ? binary("==", var("part"), imm(0)) : nullptr,
                                   row_valid[static_cast<std::size_t>(i)],
                                   col_valid[static_cast<std::size_t>(j)]});
        e.valid = valid ? kir::print(valid) : "";
        e.acc = acc(i, j);
        code->elements.push_back(std::move(e));
      }
    }
  }

  const Program& program_;
  const Contraction& c_;
  const GemmShape& g_;
  const LocalTile& t_;
  const kir::Type ix_;
  kir::StmtBuilder body_;
  const std::function<std::string(TensorId)>& arg_;
  const TensorId computed_;
  const OperandLoad& load_;
  int wg_ = 0;
  std::vector<std::string> names_;
  std::vector<std::pair<std::int64_t, std::int64_t>> box_;
  Expr batch_ok_;
};

}  // namespace

LocalGemmCode lower_local_gemm(const Program& program, const Contraction& c, const GemmShape& g,
                               const LocalTile& tile, const kir::Type& index_type,
                               const std::function<std::string(TensorId)>& arg, TensorId computed,
                               const OperandLoad& load) {
  return LocalGemmWriter(program, c, g, tile, index_type, arg, computed, load).run();
}

}  // namespace tartan
