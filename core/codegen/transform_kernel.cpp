#include "codegen/transform_kernel.h"

#include <map>

#include "codegen/c_expr.h"
#include "codegen/kir/printer.h"
#include "codegen/work_item.h"

namespace tartan {

namespace {

// Every combination of values of `vars` (ranges from s), the last variable fastest.
std::vector<std::vector<std::int64_t>> combinations(const std::vector<int>& vars,
                                                    const std::vector<IndexRange>& ranges) {
  std::vector<std::vector<std::int64_t>> out{{}};
  for (int v : vars) {
    std::vector<std::vector<std::int64_t>> next;
    for (const std::vector<std::int64_t>& prefix : out) {
      for (std::int64_t x = ranges[static_cast<std::size_t>(v)].lo;
           x < ranges[static_cast<std::size_t>(v)].hi; ++x) {
        next.push_back(prefix);
        next.back().push_back(x);
      }
    }
    out = std::move(next);
  }
  return out;
}

// e with the variables in `values` (variable -> value) replaced by their values.
Affine substitute(const Affine& e, const std::map<int, std::int64_t>& values) {
  Affine r = e;
  for (const auto& [v, c] : e.terms()) {
    if (auto it = values.find(v); it != values.end()) {
      r = r - Affine::index(v, c) + Affine::constant(c * it->second);
    }
  }
  return r;
}

}  // namespace

TransformCode lower_transform(const Program& program, const Contraction& c, const TransformShape& s,
                              const kir::Type& index_type,
                              const std::function<std::string(TensorId)>& arg) {
  TransformCode code;
  code.items = s.items();
  const Shape& out = program.tensor(c.output).shape;
  const Access& ka = c.inputs[static_cast<std::size_t>(s.k_input)];
  const Access& xa = c.inputs[static_cast<std::size_t>(s.x_input)];
  const TensorInfo& kt = program.tensor(ka.tensor);
  const TensorInfo& xt = program.tensor(xa.tensor);
  const int w = s.lanes;
  const kir::Type vt = kir::compute_type(DType::kFloat32, w);
  const kir::Expr zero_lane = kir::literal(DType::kFloat32, 0);
  const kir::Expr zero = w > 1 ? kir::make_vector(vt, {zero_lane}) : zero_lane;
  std::vector<kir::Stmt> body{one_item_each(code.items)};

  // The item variables from the work-item index, the last fastest (in steps of `lanes`).
  std::vector<std::string> names(c.index_names.size());
  std::vector<std::pair<std::int64_t, std::int64_t>> box(c.index_names.size());
  kir::Expr rest = kir::var("gid");
  for (std::size_t k = s.item_vars.size(); k-- > 0;) {
    const auto v = static_cast<std::size_t>(s.item_vars[k]);
    const std::int64_t step = k + 1 == s.item_vars.size() ? w : 1;
    names[v] = "i_" + c.index_names[v];
    box[v] = {s.ranges[v].lo, s.ranges[v].hi - step};  // the lanes' variable: its first lane
    const std::int64_t size = s.ranges[v].size() / step;
    const kir::Expr value =
        kir::cast(index_type, k == 0 ? rest : kir::paren(kir::binary("%", rest, kir::imm(size))));
    body.push_back(
        kir::let(index_type, names[v], step > 1 ? kir::binary("*", value, kir::imm(step)) : value));
    rest = kir::paren(kir::binary("/", rest, kir::imm(size)));
  }

  // Each owned output's terms: (coefficient, X load key); the loads each needs, once.
  std::vector<int> k_vars;
  for (const Affine& e : ka.indices) k_vars.push_back(e.terms()[0].first);
  const std::vector<std::int64_t> k_strides = row_major_strides(kt.shape);
  const std::vector<std::int64_t> x_strides = row_major_strides(xt.shape);
  std::map<std::string, std::string> loads;  // X offset and guard -> value name
  const auto load = [&](const std::map<int, std::int64_t>& values) {
    std::vector<kir::Expr> terms, inside;
    for (std::size_t d = 0; d < xa.indices.size(); ++d) {
      const Affine e = substitute(xa.indices[d], values);
      const kir::Expr x = cexpr::numerator_expr(e, names);
      terms.push_back(x);
      if (!cexpr::always_in_range(e, xt.shape[d], box))
        inside.push_back(cexpr::in_range(x, xt.shape[d]));
    }
    const kir::Expr offset = cexpr::flat_offset(terms, x_strides);
    const kir::Expr guard = cexpr::all_of(inside);
    const auto [it, fresh] =
        loads.try_emplace(kir::print(offset) + "|" + (guard ? kir::print(guard) : ""),
                          "x" + std::to_string(loads.size()));
    if (fresh) {
      kir::Expr v = kir::load(DType::kFloat32, kir::var(arg(xa.tensor)), offset, w);
      if (guard) v = kir::ternary(kir::paren(guard), v, zero);
      body.push_back(kir::let(vt, it->second, v));
    }
    return kir::var(it->second);
  };
  const std::vector<std::vector<std::int64_t>> owned = combinations(s.owned_vars, s.ranges);
  const std::vector<std::vector<std::int64_t>> summed = combinations(s.sum_vars, s.ranges);
  std::vector<kir::Expr> sums;
  for (std::size_t o = 0; o < owned.size(); ++o) {
    std::map<int, std::int64_t> values;
    for (std::size_t k = 0; k < s.owned_vars.size(); ++k) values[s.owned_vars[k]] = owned[o][k];
    kir::Expr sum;
    for (const std::vector<std::int64_t>& sv : summed) {
      for (std::size_t k = 0; k < s.sum_vars.size(); ++k) values[s.sum_vars[k]] = sv[k];
      std::int64_t flat = 0;
      for (std::size_t d = 0; d < k_vars.size(); ++d) flat += values.at(k_vars[d]) * k_strides[d];
      const double coeff = kt.data->at(static_cast<std::size_t>(flat));
      if (coeff == 0) continue;
      const kir::Expr x = load(values);
      const bool minus = coeff < 0;
      const kir::Expr term =
          coeff == 1 || coeff == -1
              ? x
              : kir::binary("*", kir::literal(DType::kFloat32, minus ? -coeff : coeff), x);
      sum =
          !sum ? (minus ? kir::unary("-", term) : term) : kir::binary(minus ? "-" : "+", sum, term);
    }
    sums.push_back(sum ? sum : zero);
  }
  for (std::size_t o = 0; o < owned.size(); ++o) {
    const std::string name = "t" + std::to_string(o);
    body.push_back(kir::let(vt, name, sums[o]));
    sums[o] = kir::var(name);
  }

  // The elements: lane-major, each owned combination's coordinates.
  const std::vector<std::int64_t> out_strides = row_major_strides(out);
  for (int lane = 0; lane < w; ++lane) {
    for (std::size_t o = 0; o < owned.size(); ++o) {
      std::map<int, std::int64_t> values;
      for (std::size_t k = 0; k < s.owned_vars.size(); ++k) values[s.owned_vars[k]] = owned[o][k];
      TransformElement e;
      std::vector<kir::Expr> coord, inside;
      for (std::size_t d = 0; d < out.size(); ++d) {
        const Affine x = substitute(c.output_indices[d], values) +
                         Affine::constant(d + 1 == out.size() ? lane : 0);
        coord.push_back(cexpr::numerator_expr(x, names));
        e.coord.push_back(kir::print(coord.back()));
        if (!cexpr::always_in_range(x, out[d], box)) {
          inside.push_back(kir::binary("<", coord.back(), kir::imm(out[d])));
        }
      }
      e.flat = kir::print(cexpr::flat_offset(coord, out_strides));
      const kir::Expr valid = cexpr::all_of(inside);
      e.valid = valid ? kir::print(valid) : "";
      e.value = kir::print(w > 1 ? kir::lane(sums[o], lane) : sums[o]);
      code.elements.push_back(std::move(e));
    }
  }
  code.body = kir::block(std::move(body));
  return code;
}

}  // namespace tartan
