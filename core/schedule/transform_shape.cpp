#include "tartan/schedule/transform_shape.h"

#include <algorithm>
#include <cmath>

#include "tartan/schedule/tiling.h"

namespace tartan {

namespace {

// Owned outputs per work-item at most (their accumulators live in registers).
constexpr std::int64_t kMaxOwned = 64;

// Whether every value is 0 or a power of two in magnitude, as in Winograd's tile transforms:
// written into the kernel, those terms vanish or become adds, subtractions and exact scalings.
// A dense constant of arbitrary weights (a 3-channel first convolution) gains nothing from
// that and loses its weights' vector loads: on PoCL MobileNet's conv1 ran 5x slower as a
// transform (results/perf-notes.md, S5-lead).
bool simple_values(const ConstantData& data) {
  for (std::size_t i = 0; i < data.size(); ++i) {
    const double v = data.at(i);
    int exponent = 0;
    if (v != 0 && std::abs(std::frexp(v, &exponent)) != 0.5) return false;
  }
  return true;
}

std::int64_t product(const std::vector<int>& vars, const std::vector<IndexRange>& ranges) {
  std::int64_t n = 1;
  for (int v : vars) n *= ranges[static_cast<std::size_t>(v)].size();
  return n;
}

bool contains(const std::vector<int>& vars, int v) {
  return std::find(vars.begin(), vars.end(), v) != vars.end();
}

}  // namespace

std::int64_t TransformShape::items() const {
  std::int64_t n = product(item_vars, ranges);
  return n / lanes;
}

std::int64_t TransformShape::owned_values() const { return product(owned_vars, ranges); }

std::optional<TransformShape> transform_shape(const Program& program, const KernelGroup& group) {
  const auto* c = std::get_if<Contraction>(&program.ops()[group.ops.front()]);
  if (c == nullptr || !group.prologue.empty() || c->agg != AggOp::kSum || c->comb != CombOp::kMul ||
      c->inputs.size() != 2 || !c->constraints.empty() || c->default_tensor ||
      program.tensor(c->output).dtype != DType::kFloat32) {
    return std::nullopt;
  }
  TransformShape s;
  const TensorInfo& k0 = program.tensor(c->inputs[0].tensor);
  s.k_input = k0.kind == TensorKind::kConstant ? 0 : 1;
  s.x_input = 1 - s.k_input;
  const Access& ka = c->inputs[static_cast<std::size_t>(s.k_input)];
  const Access& xa = c->inputs[static_cast<std::size_t>(s.x_input)];
  const TensorInfo& kt = program.tensor(ka.tensor);
  const TensorInfo& xt = program.tensor(xa.tensor);
  if (kt.kind != TensorKind::kConstant || !kt.data || kt.dtype != DType::kFloat32 ||
      num_elements(kt.shape) > kMaxTransformConstant || !simple_values(*kt.data) ||
      xt.kind == TensorKind::kLiteral || xt.dtype != DType::kFloat32) {
    return std::nullopt;
  }
  std::vector<int> k_vars;
  for (const Affine& e : ka.indices) {
    int v = -1;
    if (!e.is_single_index(&v) || e != Affine::index(v) || contains(k_vars, v)) return std::nullopt;
    k_vars.push_back(v);
  }
  for (const Affine& e : xa.indices) {
    if (e.denom() != 1) return std::nullopt;
  }
  s.ranges = derive_index_ranges(program, *c);
  const Shape& out = program.tensor(c->output).shape;
  const auto covers = [&](int v, std::int64_t size) {
    const IndexRange& r = s.ranges[static_cast<std::size_t>(v)];
    return r.lo == 0 && r.hi == size;
  };
  std::vector<int> assigned;
  for (std::size_t d = 0; d < c->output_indices.size(); ++d) {
    const Affine& e = c->output_indices[d];
    int v = -1;
    if (e.is_single_index(&v) && e == Affine::index(v)) {
      if (contains(assigned, v) || !covers(v, out[d])) return std::nullopt;
      assigned.push_back(v);
      if (contains(k_vars, v)) {
        s.owned_vars.push_back(v);
      } else {
        s.item_dims.push_back(static_cast<int>(d));
        s.item_vars.push_back(v);
      }
      continue;
    }
    const std::optional<SplitDim> split = split_dim(e, s.ranges);
    if (!split || contains(k_vars, split->t) || !contains(k_vars, split->r) ||
        contains(assigned, split->t) || contains(assigned, split->r) ||
        !covers(split->t, (out[d] + split->q - 1) / split->q)) {
      return std::nullopt;
    }
    assigned.push_back(split->t);
    assigned.push_back(split->r);
    s.item_dims.push_back(static_cast<int>(d));
    s.item_vars.push_back(split->t);
    s.owned_vars.push_back(split->r);
  }
  // Every variable outside K is an item variable: no other reduction.
  for (std::size_t v = 0; v < c->index_names.size(); ++v) {
    const int var = static_cast<int>(v);
    if (!contains(k_vars, var) && !contains(assigned, var)) return std::nullopt;
    if (contains(k_vars, var) && !contains(s.owned_vars, var)) s.sum_vars.push_back(var);
  }
  if (s.owned_vars.empty() || s.owned_values() > kMaxOwned) return std::nullopt;
  // Lanes: the last output dimension is an item variable read alone as X's last dimension.
  const int last = static_cast<int>(out.size()) - 1;
  if (!s.item_dims.empty() && s.item_dims.back() == last && !xa.indices.empty()) {
    const int v = s.item_vars.back();
    bool alone = xa.indices.back() == Affine::index(v);
    for (std::size_t d = 0; d + 1 < xa.indices.size(); ++d) {
      alone = alone && xa.indices[d].coeff(v) == 0;
    }
    for (int w : {4, 2}) {
      if (alone && s.lanes == 1 && out.back() % w == 0 && xt.shape.back() % w == 0) s.lanes = w;
    }
  }
  return s;
}

}  // namespace tartan
