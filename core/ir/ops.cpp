#include "tartan/ir/ops.h"

#include <array>

#include "tartan/ir/program.h"
#include "tartan/support/error.h"

namespace tartan {

std::string_view agg_symbol(AggOp op) {
  constexpr std::array<std::string_view, 5> kSymbols = {"+", "*", ">", "<", "="};
  return kSymbols[static_cast<std::size_t>(op)];
}

std::string_view comb_symbol(CombOp op) {
  constexpr std::array<std::string_view, 5> kSymbols = {"", "*", "+", "==", "?"};
  return kSymbols[static_cast<std::size_t>(op)];
}

int comb_arity(CombOp op) {
  constexpr std::array<int, 5> kArity = {1, 2, 2, 2, 3};
  return kArity[static_cast<std::size_t>(op)];
}

namespace {

// Indexed by EwOp; the order must follow the enum.
constexpr EwOpInfo kEwTable[] = {
    {"add", "+", 2, false, false},        {"sub", "-", 2, false, false},
    {"mul", "*", 2, false, false},        {"div", "/", 2, false, false},
    {"mod", "%", 2, false, false},        {"neg", "-", 1, false, false},
    {"min", "", 2, false, false},         {"max", "", 2, false, false},
    {"pow", "", 2, false, true},          {"cmp_eq", "==", 2, true, false},
    {"cmp_ne", "!=", 2, true, false},     {"cmp_lt", "<", 2, true, false},
    {"cmp_gt", ">", 2, true, false},      {"cmp_le", "<=", 2, true, false},
    {"cmp_ge", ">=", 2, true, false},     {"logical_and", "&&", 2, true, false},
    {"logical_or", "||", 2, true, false}, {"logical_not", "!", 1, true, false},
    {"select", "?", 3, false, false},     {"abs", "", 1, false, false},
    {"exp", "", 1, false, true},          {"log", "", 1, false, true},
    {"sqrt", "", 1, false, true},         {"tanh", "", 1, false, true},
    {"sigmoid", "", 1, false, true},      {"relu", "", 1, false, false},
    {"floor", "", 1, false, true},        {"ceil", "", 1, false, true},
    {"round", "", 1, false, true},        {"sin", "", 1, false, true},
    {"cos", "", 1, false, true},          {"tan", "", 1, false, true},
    {"erf", "", 1, false, true},          {"cast", "", 1, false, false},
    {"ident", "", 1, false, false},
};
static_assert(std::size(kEwTable) == static_cast<std::size_t>(EwOp::kIdentity) + 1);

}  // namespace

const EwOpInfo& ew_info(EwOp op) { return kEwTable[static_cast<std::size_t>(op)]; }

std::optional<EwOp> ew_op_by_name(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kEwTable); ++i) {
    if (kEwTable[i].name == name) return static_cast<EwOp>(i);
  }
  return std::nullopt;
}

bool Scan::operator==(const Scan& o) const {
  if (output != o.output || trip_count != o.trip_count || carried != o.carried ||
      sequences != o.sequences || invariants != o.invariants || result != o.result ||
      stacked != o.stacked) {
    return false;
  }
  if (body == o.body) return true;
  return body && o.body && programs_equal(*body, *o.body);
}

TensorId op_output(const Op& op) {
  return std::visit([](const auto& o) { return o.output; }, op);
}

std::vector<TensorId> op_inputs(const Op& op) {
  struct Collect {
    std::vector<TensorId> operator()(const Contraction& c) const {
      std::vector<TensorId> ids;
      for (const Access& a : c.inputs) ids.push_back(a.tensor);
      if (c.default_tensor) ids.push_back(*c.default_tensor);
      return ids;
    }
    std::vector<TensorId> operator()(const Elementwise& e) const { return e.inputs; }
    std::vector<TensorId> operator()(const Reshape& r) const { return {r.input}; }
    std::vector<TensorId> operator()(const Gather& g) const { return {g.data, g.indices}; }
    std::vector<TensorId> operator()(const IndexOf& i) const { return {i.like}; }
    std::vector<TensorId> operator()(const Scan& s) const {
      std::vector<TensorId> ids = s.carried;
      ids.insert(ids.end(), s.sequences.begin(), s.sequences.end());
      ids.insert(ids.end(), s.invariants.begin(), s.invariants.end());
      return ids;
    }
  };
  return std::visit(Collect{}, op);
}

void remap_inputs(Op* op, const std::function<TensorId(TensorId)>& f) {
  struct Remap {
    const std::function<TensorId(TensorId)>& f;
    void operator()(Contraction& c) const {
      for (Access& a : c.inputs) a.tensor = f(a.tensor);
      if (c.default_tensor) c.default_tensor = f(*c.default_tensor);
    }
    void operator()(Elementwise& e) const {
      for (TensorId& t : e.inputs) t = f(t);
    }
    void operator()(Reshape& r) const { r.input = f(r.input); }
    void operator()(Gather& g) const {
      g.data = f(g.data);
      g.indices = f(g.indices);
    }
    void operator()(IndexOf& i) const { i.like = f(i.like); }
    void operator()(Scan& s) const {
      for (TensorId& t : s.carried) t = f(t);
      for (TensorId& t : s.sequences) t = f(t);
      for (TensorId& t : s.invariants) t = f(t);
    }
  };
  std::visit(Remap{f}, *op);
}

}  // namespace tartan
