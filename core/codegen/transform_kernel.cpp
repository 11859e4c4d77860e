#include "codegen/transform_kernel.h"

#include <map>

#include "codegen/c_expr.h"
#include "codegen/opencl_dialect.h"

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

TransformCode write_transform(const Program& program, const Contraction& c, const TransformShape& s,
                              const std::string& index_type, CodeWriter& body,
                              const std::function<std::string(TensorId)>& arg) {
  TransformCode code;
  code.items = s.items();
  const Shape& out = program.tensor(c.output).shape;
  const Access& ka = c.inputs[static_cast<std::size_t>(s.k_input)];
  const Access& xa = c.inputs[static_cast<std::size_t>(s.x_input)];
  const TensorInfo& kt = program.tensor(ka.tensor);
  const TensorInfo& xt = program.tensor(xa.tensor);
  const int w = s.lanes;
  const std::string vt = w > 1 ? opencl::vector_type(DType::kFloat32, w) : "float";
  const std::string zero = w > 1 ? "(" + vt + ")(0.0f)" : "0.0f";

  // The item variables from the work-item index, the last fastest (in steps of `lanes`).
  std::vector<std::string> names(c.index_names.size());
  std::vector<std::pair<std::int64_t, std::int64_t>> box(c.index_names.size());
  body.line("const size_t gid = get_global_id(0);");
  body.line("if (gid >= " + std::to_string(code.items) + ") return;");
  std::string rest = "gid";
  for (std::size_t k = s.item_vars.size(); k-- > 0;) {
    const auto v = static_cast<std::size_t>(s.item_vars[k]);
    const std::int64_t step = k + 1 == s.item_vars.size() ? w : 1;
    names[v] = "i_" + c.index_names[v];
    box[v] = {s.ranges[v].lo, s.ranges[v].hi - step};  // the lanes' variable: its first lane
    const std::int64_t size = s.ranges[v].size() / step;
    const std::string value = k == 0 ? rest : "(" + rest + " % " + std::to_string(size) + ")";
    body.line("const " + index_type + " " + names[v] + " = (" + index_type + ")" + value +
              (step > 1 ? " * " + std::to_string(step) : "") + ";");
    rest = "(" + rest + " / " + std::to_string(size) + ")";
  }

  // Each owned output's terms: (coefficient, X load key); the loads each needs, once.
  std::vector<int> k_vars;
  for (const Affine& e : ka.indices) k_vars.push_back(e.terms()[0].first);
  const std::vector<std::int64_t> k_strides = row_major_strides(kt.shape);
  const std::vector<std::int64_t> x_strides = row_major_strides(xt.shape);
  std::map<std::string, std::string> loads;  // X offset and guard -> value name
  const auto load = [&](const std::map<int, std::int64_t>& values) {
    std::vector<std::string> terms, inside;
    for (std::size_t d = 0; d < xa.indices.size(); ++d) {
      const Affine e = substitute(xa.indices[d], values);
      const std::string x = cexpr::numerator(e, names);
      terms.push_back(x);
      if (!cexpr::always_in_range(e, xt.shape[d], box)) {
        inside.push_back(x + " >= 0 && " + x + " < " + std::to_string(xt.shape[d]));
      }
    }
    const std::string offset = cexpr::flat_offset(terms, x_strides);
    const std::string guard = cexpr::all_of(inside);
    const auto [it, fresh] =
        loads.try_emplace(offset + "|" + guard, "x" + std::to_string(loads.size()));
    if (fresh) {
      const std::string ptr = arg(xa.tensor);
      std::string v = w > 1 ? opencl::vector_load(DType::kFloat32, w, ptr, offset)
                            : opencl::load(DType::kFloat32, ptr, offset);
      if (!guard.empty()) v = "(" + guard + ") ? " + v + " : " + zero;
      body.line("const " + vt + " " + it->second + " = " + v + ";");
    }
    return it->second;
  };
  const std::vector<std::vector<std::int64_t>> owned = combinations(s.owned_vars, s.ranges);
  const std::vector<std::vector<std::int64_t>> summed = combinations(s.sum_vars, s.ranges);
  std::vector<std::string> sums;
  for (std::size_t o = 0; o < owned.size(); ++o) {
    std::map<int, std::int64_t> values;
    for (std::size_t k = 0; k < s.owned_vars.size(); ++k) values[s.owned_vars[k]] = owned[o][k];
    std::string sum;
    for (const std::vector<std::int64_t>& sv : summed) {
      for (std::size_t k = 0; k < s.sum_vars.size(); ++k) values[s.sum_vars[k]] = sv[k];
      std::int64_t flat = 0;
      for (std::size_t d = 0; d < k_vars.size(); ++d) flat += values.at(k_vars[d]) * k_strides[d];
      const double coeff = kt.data->at(static_cast<std::size_t>(flat));
      if (coeff == 0) continue;
      const std::string x = load(values);
      const bool minus = coeff < 0;
      const std::string term =
          coeff == 1 || coeff == -1
              ? x
              : opencl::literal(DType::kFloat32, minus ? -coeff : coeff) + " * " + x;
      sum += sum.empty() ? (minus ? "-" : "") + term : (minus ? " - " : " + ") + term;
    }
    sums.push_back(sum.empty() ? zero : sum);
  }
  for (std::size_t o = 0; o < owned.size(); ++o) {
    const std::string name = "t" + std::to_string(o);
    body.line("const " + vt + " " + name + " = " + sums[o] + ";");
    sums[o] = name;
  }

  // The elements: lane-major, each owned combination's coordinates.
  const std::vector<std::int64_t> out_strides = row_major_strides(out);
  for (int lane = 0; lane < w; ++lane) {
    for (std::size_t o = 0; o < owned.size(); ++o) {
      std::map<int, std::int64_t> values;
      for (std::size_t k = 0; k < s.owned_vars.size(); ++k) values[s.owned_vars[k]] = owned[o][k];
      TransformElement e;
      std::vector<std::string> inside;
      for (std::size_t d = 0; d < out.size(); ++d) {
        const Affine x = substitute(c.output_indices[d], values) +
                         Affine::constant(d + 1 == out.size() ? lane : 0);
        e.coord.push_back(cexpr::numerator(x, names));
        if (!cexpr::always_in_range(x, out[d], box)) {
          inside.push_back(e.coord.back() + " < " + std::to_string(out[d]));
        }
      }
      e.flat = cexpr::flat_offset(e.coord, out_strides);
      e.valid = cexpr::all_of(inside);
      e.value = w > 1 ? opencl::lane(sums[o], lane) : sums[o];
      code.elements.push_back(std::move(e));
    }
  }
  return code;
}

}  // namespace tartan
