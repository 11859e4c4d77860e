#include "tartan/passes/fuse.h"

#include <algorithm>

#include "passes/placement.h"
#include "passes/uses.h"

namespace tartan {

namespace {

// The kernel `e` joins: the one whose output it reads, when that output is read by e alone,
// is not a program output, and has e's shape.
int host_kernel(const Program& p, const Uses& uses, std::size_t index, const Elementwise& e,
                const std::vector<int>& kernel_of, const std::vector<KernelGroup>& kernels) {
  for (TensorId t : e.inputs) {
    const int k = kernel_of[static_cast<std::size_t>(t)];
    if (k < 0 || kernels[static_cast<std::size_t>(k)].output != t) continue;
    // A scan runs its body's kernels: there is no kernel to take an epilogue.
    if (std::holds_alternative<Scan>(p.ops()[kernels[static_cast<std::size_t>(k)].ops.front()]))
      continue;
    if (uses.only_read_by(t, index) && p.tensor(t).shape == p.tensor(e.output).shape) return k;
  }
  return -1;
}

// The kernel a placement `c` joins: the one that computes its default, when that kernel is
// placements only, its output is read by c alone, and c reads nothing that kernel computes
// (its intermediates never reach memory). The kernel then writes the concatenation once.
int host_kernel(const Uses& uses, std::size_t index, const Contraction& c, const Program& p,
                const std::vector<int>& kernel_of, const std::vector<KernelGroup>& kernels) {
  if (!c.default_tensor || !is_placement(c)) return -1;
  const int k = kernel_of[static_cast<std::size_t>(*c.default_tensor)];
  if (k < 0 || !uses.only_read_by(*c.default_tensor, index)) return -1;
  const KernelGroup& group = kernels[static_cast<std::size_t>(k)];
  if (group.output != *c.default_tensor) return -1;
  for (std::size_t op : group.ops) {
    const auto* placed = std::get_if<Contraction>(&p.ops()[op]);
    if (placed == nullptr || !is_placement(*placed)) return -1;
  }
  if (kernel_of[static_cast<std::size_t>(c.inputs[0].tensor)] == k) return -1;
  return k;
}

}  // namespace

std::vector<KernelGroup> fuse(const Program& program, bool enabled) {
  const Uses uses = find_uses(program);
  std::vector<int> kernel_of(program.tensors().size(), -1);
  std::vector<KernelGroup> kernels;
  for (std::size_t i = 0; i < program.ops().size(); ++i) {
    const Op& op = program.ops()[i];
    if (std::holds_alternative<Reshape>(op)) continue;  // a view: no kernel
    const TensorId out = op_output(op);
    int k = -1;
    if (const auto* e = std::get_if<Elementwise>(&op); e && enabled) {
      k = host_kernel(program, uses, i, *e, kernel_of, kernels);
    } else if (const auto* c = std::get_if<Contraction>(&op); c && enabled) {
      k = host_kernel(uses, i, *c, program, kernel_of, kernels);
    }
    if (k < 0) {
      k = static_cast<int>(kernels.size());
      kernels.push_back({});
    }
    KernelGroup& group = kernels[static_cast<std::size_t>(k)];
    group.ops.push_back(i);
    group.output = out;
    kernel_of[static_cast<std::size_t>(out)] = k;
  }
  // A kernel runs where its last op was: every input of every op in it is ready by then, and
  // nothing in between reads its (single-use) intermediate results.
  std::stable_sort(kernels.begin(), kernels.end(), [](const KernelGroup& a, const KernelGroup& b) {
    return a.ops.back() < b.ops.back();
  });
  return kernels;
}

}  // namespace tartan
