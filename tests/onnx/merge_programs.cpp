#include "onnx/merge_programs.h"

#include <variant>

namespace tartan::testing {

namespace {

void remap(std::vector<TensorId>& ids, const std::vector<TensorId>& map) {
  for (TensorId& id : ids) id = map[static_cast<std::size_t>(id)];
}

Op remapped(Op op, const std::vector<TensorId>& map) {
  const auto m = [&](TensorId& id) { id = map[static_cast<std::size_t>(id)]; };
  std::visit(
      [&](auto& o) {
        using T = std::decay_t<decltype(o)>;
        m(o.output);
        if constexpr (std::is_same_v<T, Contraction>) {
          for (Access& a : o.inputs) m(a.tensor);
          if (o.default_tensor) m(*o.default_tensor);
        } else if constexpr (std::is_same_v<T, Elementwise>) {
          remap(o.inputs, map);
        } else if constexpr (std::is_same_v<T, Reshape>) {
          m(o.input);
        } else if constexpr (std::is_same_v<T, Gather>) {
          m(o.data);
          m(o.indices);
        } else if constexpr (std::is_same_v<T, IndexOf>) {
          m(o.like);
        } else {
          remap(o.carried, map);
          remap(o.sequences, map);
          remap(o.invariants, map);
        }
      },
      op);
  return op;
}

}  // namespace

Program merge_programs(const std::vector<const Program*>& programs) {
  Program merged;
  std::vector<Op> ops;
  std::vector<TensorId> outputs;
  for (std::size_t k = 0; k < programs.size(); ++k) {
    const Program& p = *programs[k];
    const std::string prefix = "p" + std::to_string(k) + "_";
    std::vector<TensorId> map(p.tensors().size(), -1);
    for (const TensorId in : p.inputs()) {
      const TensorInfo& t = p.tensor(in);
      map[static_cast<std::size_t>(in)] = merged.add_input(prefix + t.name, t.dtype, t.shape);
    }
    for (std::size_t id = 0; id < p.tensors().size(); ++id) {
      if (map[id] >= 0) continue;
      TensorInfo t = p.tensors()[id];
      t.name = prefix + t.name;
      map[id] = merged.add_tensor(std::move(t));
    }
    for (const Op& op : p.ops()) ops.push_back(remapped(op, map));
    for (const TensorId out : p.outputs()) outputs.push_back(map[static_cast<std::size_t>(out)]);
  }
  merged.set_ops(std::move(ops));
  merged.set_outputs(std::move(outputs));
  return merged;
}

}  // namespace tartan::testing
