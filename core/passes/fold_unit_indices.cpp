#include "tartan/passes/fold_unit_indices.h"

#include <optional>

#include "tartan/ir/bounds.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

// `e` with each variable v replaced by value[v] where it has one, and the others renumbered.
Affine substitute(const Affine& e, const std::vector<std::optional<std::int64_t>>& value,
                  const std::vector<int>& renumber) {
  Affine num = Affine::constant(e.constant_term());
  for (const auto& [v, coeff] : e.terms()) {
    const auto u = static_cast<std::size_t>(v);
    num =
        num + (value[u] ? Affine::constant(coeff * *value[u]) : Affine::index(renumber[u], coeff));
  }
  return num / e.denom();
}

std::optional<Contraction> fold(const Program& program, const Contraction& c) {
  std::vector<IndexRange> ranges;
  try {
    ranges = derive_index_ranges(program, c);
  } catch (const Error&) {
    return std::nullopt;  // left for the compiler to report as it is
  }
  std::vector<std::optional<std::int64_t>> value(ranges.size());
  std::vector<int> renumber(ranges.size(), -1);
  // A variable that is a whole output dimension stays: it is that dimension's coordinate.
  std::vector<bool> is_dim(ranges.size(), false);
  for (const Affine& e : c.output_indices) {
    int v = -1;
    if (e.is_single_index(&v)) is_dim[static_cast<std::size_t>(v)] = true;
  }
  Contraction out = c;
  out.index_names.clear();
  for (std::size_t v = 0; v < ranges.size(); ++v) {
    if (ranges[v].size() == 1 && !is_dim[v]) {
      value[v] = ranges[v].lo;
    } else {
      renumber[v] = static_cast<int>(out.index_names.size());
      out.index_names.push_back(c.index_names[v]);
    }
  }
  if (out.index_names.size() == c.index_names.size() || out.index_names.empty()) {
    return std::nullopt;
  }
  for (Affine& e : out.output_indices) e = substitute(e, value, renumber);
  for (Access& a : out.inputs) {
    for (Affine& e : a.indices) e = substitute(e, value, renumber);
  }
  for (Constraint& k : out.constraints) k.expr = substitute(k.expr, value, renumber);
  try {
    derive_index_ranges(program, out);
  } catch (const Error&) {
    return std::nullopt;  // e.g. a constant access now fractional: keep the original form
  }
  return out;
}

}  // namespace

void fold_unit_indices(Program* program) {
  std::vector<Op> ops = program->ops();
  for (Op& op : ops) {
    if (const auto* c = std::get_if<Contraction>(&op)) {
      if (std::optional<Contraction> folded = fold(*program, *c)) op = std::move(*folded);
    }
  }
  program->set_ops(std::move(ops));
}

}  // namespace tartan
