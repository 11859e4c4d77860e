#include "tartan/passes/winograd.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "tartan/ir/bounds.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

// F(2x2, 3x3) (Lavin and Gray 2016): Y = A^T [(G g G^T) . (B^T d B)] A for a 4x4 input tile d
// and a 3x3 filter g gives the 2x2 correlation outputs.
constexpr std::array<std::array<double, 4>, 4> kBt = {
    {{1, 0, -1, 0}, {0, 1, 1, 0}, {0, -1, 1, 0}, {0, 1, 0, -1}}};
constexpr std::array<std::array<double, 3>, 4> kG = {
    {{1, 0, 0}, {0.5, 0.5, 0.5}, {0.5, -0.5, 0.5}, {0, 0, 1}}};
constexpr std::array<std::array<double, 4>, 2> kAt = {{{1, 1, 1, 0}, {0, 1, -1, -1}}};

// The convolution's parts: index variables by role, the input offsets and the sizes.
struct Conv3x3 {
  TensorId input = -1, weights = -1;
  int n = 0, y = 0, x = 0, k = 0, i = 0, j = 0, c = 0;  // index variables
  std::int64_t off_y = 0, off_x = 0;                    // I[n, y + i + off_y, x + j + off_x, c]
  std::int64_t batch = 0, out_h = 0, out_w = 0, in_c = 0, out_k = 0;
  std::int64_t tiles_h() const { return (out_h + 1) / 2; }
  std::int64_t tiles_w() const { return (out_w + 1) / 2; }
  std::int64_t tiles() const { return batch * tiles_h() * tiles_w(); }
};

bool single(const Affine& e, int* var) { return e.is_single_index(var); }

bool is_float32(const Program& p, TensorId t) { return p.tensor(t).dtype == DType::kFloat32; }

// Matches `O[n, y, x, k] = +(I[n, y + i + o, x + j + p, c] * W[i, j, c, k])` (either operand
// order) with W a float32 constant of shape [3, 3, C, K].
std::optional<Conv3x3> match_conv(const Program& p, const Contraction& c) {
  if (c.agg != AggOp::kSum || c.comb != CombOp::kMul || c.inputs.size() != 2 ||
      !c.constraints.empty() || c.default_tensor || c.index_names.size() != 7 ||
      c.output_indices.size() != 4 || !is_float32(p, c.output)) {
    return std::nullopt;
  }
  const bool w_first = p.tensor(c.inputs[0].tensor).kind == TensorKind::kConstant;
  const Access& in = c.inputs[w_first ? 1 : 0];
  const Access& w = c.inputs[w_first ? 0 : 1];
  const TensorInfo& wt = p.tensor(w.tensor);
  const TensorInfo& it = p.tensor(in.tensor);
  if (wt.kind != TensorKind::kConstant || !is_float32(p, w.tensor) || !is_float32(p, in.tensor) ||
      wt.shape.size() != 4 || it.shape.size() != 4 || wt.shape[0] != 3 || wt.shape[1] != 3) {
    return std::nullopt;
  }
  Conv3x3 m;
  m.input = in.tensor;
  m.weights = w.tensor;
  if (!single(c.output_indices[0], &m.n) || !single(c.output_indices[1], &m.y) ||
      !single(c.output_indices[2], &m.x) || !single(c.output_indices[3], &m.k) ||
      !single(w.indices[0], &m.i) || !single(w.indices[1], &m.j) || !single(w.indices[2], &m.c)) {
    return std::nullopt;
  }
  int v = -1;
  if (!single(w.indices[3], &v) || v != m.k || !single(in.indices[0], &v) || v != m.n ||
      !single(in.indices[3], &v) || v != m.c) {
    return std::nullopt;
  }
  // Seven distinct variables: four output ones, three reduction ones.
  std::vector<bool> seen(7, false);
  for (int var : {m.n, m.y, m.x, m.k, m.i, m.j, m.c}) {
    if (var < 0 || var >= 7 || seen[static_cast<std::size_t>(var)]) return std::nullopt;
    seen[static_cast<std::size_t>(var)] = true;
  }
  m.off_y = in.indices[1].constant_term();
  m.off_x = in.indices[2].constant_term();
  if (in.indices[1] != Affine::index(m.y) + Affine::index(m.i) + Affine::constant(m.off_y) ||
      in.indices[2] != Affine::index(m.x) + Affine::index(m.j) + Affine::constant(m.off_x)) {
    return std::nullopt;
  }
  const Shape& out = p.tensor(c.output).shape;
  m.batch = out[0];
  m.out_h = out[1];
  m.out_w = out[2];
  m.out_k = out[3];
  m.in_c = it.shape[3];
  if (it.shape[0] != m.batch || wt.shape[2] != m.in_c || wt.shape[3] != m.out_k) {
    return std::nullopt;
  }
  return m;
}

// The cost rule of WinogradOptions.
bool pays(const Conv3x3& m, const WinogradOptions& o) {
  if (m.in_c < o.min_channels || m.out_k < o.min_channels || m.tiles() < o.min_tiles) return false;
  const double ck = static_cast<double>(m.in_c) * static_cast<double>(m.out_k);
  const double direct = 2.0 * 9.0 * ck * static_cast<double>(m.batch * m.out_h * m.out_w);
  const double gemm = 2.0 * 16.0 * ck * static_cast<double>(m.tiles());
  const double extra_bytes =
      2.0 * 4.0 * 16.0 * static_cast<double>(m.tiles()) * static_cast<double>(m.in_c + m.out_k);
  return direct - gemm >= o.flops_per_byte * extra_bytes;
}

std::string unique_name(Program* p, const std::string& want) {
  return p->find(want) ? p->fresh_name() : want;
}

TensorId add_constant(Program* p, const std::string& name, Shape shape,
                      const std::vector<double>& values) {
  return p->add_constant(unique_name(p, name), std::move(shape),
                         ConstantData::from_doubles(DType::kFloat32, values));
}

// BB[a, b, u, v] = B^T[a, u] * B^T[b, v] and AA[r, s, a, b] = A^T[r, a] * A^T[s, b].
template <std::size_t R, std::size_t C>
std::vector<double> outer(const std::array<std::array<double, C>, R>& m) {
  std::vector<double> out;
  for (std::size_t a = 0; a < R; ++a)
    for (std::size_t b = 0; b < R; ++b)
      for (std::size_t u = 0; u < C; ++u)
        for (std::size_t v = 0; v < C; ++v) out.push_back(m[a][u] * m[b][v]);
  return out;
}

// U[a, b, c, k] = sum_ij G[a, i] G[b, j] W[i, j, c, k], in double. Computed here rather than
// as two contractions for fold_constants: the reference executor would interpret ~84 C K
// assignments per convolution (seconds for VGG16's 14.7M weights), these loops take
// milliseconds.
std::vector<double> transform_weights(const ConstantData& w, std::int64_t ck) {
  const auto n = static_cast<std::size_t>(ck);
  std::vector<double> wd(w.size());
  for (std::size_t e = 0; e < wd.size(); ++e) wd[e] = w.at(e);
  std::vector<double> u(16 * n, 0.0);
  for (std::size_t a = 0; a < 4; ++a) {
    for (std::size_t b = 0; b < 4; ++b) {
      double* dst = &u[(a * 4 + b) * n];
      for (std::size_t i = 0; i < 3; ++i) {
        for (std::size_t j = 0; j < 3; ++j) {
          const double g = kG[a][i] * kG[b][j];
          if (g == 0) continue;
          const double* src = &wd[(i * 3 + j) * n];
          for (std::size_t e = 0; e < n; ++e) dst[e] += g * src[e];
        }
      }
    }
  }
  return u;
}

Contraction make(std::vector<std::string> names, std::vector<Affine> out, Access a, Access b,
                 TensorId output) {
  Contraction c;
  c.output = output;
  c.index_names = std::move(names);
  c.output_indices = std::move(out);
  c.agg = AggOp::kSum;
  c.comb = CombOp::kMul;
  c.inputs = {std::move(a), std::move(b)};
  return c;
}

// The three contractions replacing convolution `conv` (matched as `m`); the last writes the
// convolution's output tensor.
std::array<Contraction, 3> rewrite(Program* p, const Contraction& conv, const Conv3x3& m) {
  const std::string base = p->tensor(conv.output).name;
  const std::int64_t th = m.tiles_h(), tw = m.tiles_w();
  const TensorId bb = add_constant(p, base + "_wino_BB", {4, 4, 4, 4}, outer(kBt));
  const TensorId aa = add_constant(p, base + "_wino_AA", {2, 2, 4, 4}, outer(kAt));
  const TensorId u = add_constant(p, base + "_wino_U", {4, 4, m.in_c, m.out_k},
                                  transform_weights(*p->tensor(m.weights).data, m.in_c * m.out_k));
  const auto ix = [](int var, std::int64_t coeff = 1) { return Affine::index(var, coeff); };
  const auto k = [](std::int64_t c) { return Affine::constant(c); };
  const auto intermediate = [&](const std::string& name, std::int64_t channels) {
    return p->add_tensor({unique_name(p, base + name),
                          DType::kFloat32,
                          {4, 4, m.batch, th, tw, channels},
                          TensorKind::kIntermediate,
                          nullptr});
  };
  const TensorId vt = intermediate("_wino_V", m.in_c);
  const TensorId mt = intermediate("_wino_M", m.out_k);
  // V: a b n ty tx c | u v
  Contraction v = make(
      {"a", "b", "n", "ty", "tx", "c", "u", "v"}, {ix(0), ix(1), ix(2), ix(3), ix(4), ix(5)},
      {bb, {ix(0), ix(1), ix(6), ix(7)}},
      {m.input, {ix(2), ix(3, 2) + ix(6) + k(m.off_y), ix(4, 2) + ix(7) + k(m.off_x), ix(5)}}, vt);
  // M: a b n ty tx k | c
  Contraction gemm =
      make({"a", "b", "n", "ty", "tx", "k", "c"}, {ix(0), ix(1), ix(2), ix(3), ix(4), ix(5)},
           {vt, {ix(0), ix(1), ix(2), ix(3), ix(4), ix(6)}}, {u, {ix(0), ix(1), ix(6), ix(5)}}, mt);
  // O: n ty tx k | r s a b, writing O[n, 2 ty + r, 2 tx + s, k]: each output coordinate
  // determines its tile and its place in it (schedule/tiling.h SplitDim), and a 2x2 tile past
  // an odd edge loses its outside half to the iteration space's bounds.
  Contraction o =
      make({"n", "ty", "tx", "k", "r", "s", "a", "b"},
           {ix(0), ix(1, 2) + ix(4), ix(2, 2) + ix(5), ix(3)}, {aa, {ix(4), ix(5), ix(6), ix(7)}},
           {mt, {ix(6), ix(7), ix(0), ix(1), ix(2), ix(3)}}, conv.output);
  return {std::move(v), std::move(gemm), std::move(o)};
}

}  // namespace

void winograd(Program* program, const WinogradOptions& options) {
  if (!options.enabled) return;
  std::vector<Op> ops;
  bool changed = false;
  const std::vector<Op> before = program->ops();
  for (const Op& op : before) {
    const auto* conv = std::get_if<Contraction>(&op);
    const std::optional<Conv3x3> m = conv ? match_conv(*program, *conv) : std::nullopt;
    if (!m || !pays(*m, options)) {
      ops.push_back(op);
      continue;
    }
    for (Contraction& c : rewrite(program, *conv, *m)) {
      try {
        derive_index_ranges(*program, c);
      } catch (const Error& e) {
        throw InternalError(std::string("winograd built an invalid contraction: ") + e.what());
      }
      ops.emplace_back(std::move(c));
    }
    changed = true;
  }
  if (changed) program->set_ops(std::move(ops));
}

}  // namespace tartan
