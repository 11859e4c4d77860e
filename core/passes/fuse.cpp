#include "tartan/passes/fuse.h"

#include <algorithm>
#include <set>

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
int placement_host_kernel(const Program& p, const Uses& uses, std::size_t index,
                          const Contraction& c, const std::vector<int>& kernel_of,
                          const std::vector<KernelGroup>& kernels) {
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

// Elementwise ops cheap enough to repeat wherever a contraction reloads an operand element.
bool cheap(EwOp op) {
  switch (op) {
    case EwOp::kAdd:
    case EwOp::kSub:
    case EwOp::kMul:
    case EwOp::kNeg:
    case EwOp::kMin:
    case EwOp::kMax:
    case EwOp::kRelu:
      return true;
    default:
      return false;
  }
}

// Whether kernel `k` can become the prologue of contraction `c` (op `index`): it is cheap float
// elementwise ops only, its output is read by c alone through one access (not the default), and
// it reads one tensor of its output's shape element for element and otherwise only tensors that
// broadcast into it (a batch norm's per-channel scale and shift) or literals. Then c reads that
// tensor instead, and the elementwise kernel's pass over memory (a write and a read of the
// whole tensor) disappears.
bool prologue_fits(const Program& p, const Uses& uses, std::size_t index, const Contraction& c,
                   const KernelGroup& k) {
  const TensorId t = k.output;
  if (!uses.only_read_by(t, index) || c.default_tensor == t || !k.prologue.empty()) return false;
  int reads = 0;
  for (const Access& a : c.inputs) reads += a.tensor == t ? 1 : 0;
  if (reads != 1) return false;
  const TensorInfo& info = p.tensor(t);
  std::set<TensorId> inside, full;
  for (std::size_t op : k.ops) {
    const auto* e = std::get_if<Elementwise>(&p.ops()[op]);
    if (e == nullptr || !cheap(e->op) || !is_float(p.tensor(e->output).dtype)) return false;
    for (TensorId in : e->inputs) {
      const TensorInfo& x = p.tensor(in);
      if (inside.count(in) || x.kind == TensorKind::kLiteral) continue;
      if (x.shape == info.shape) {
        full.insert(in);
      } else if (num_elements(x.shape) >= num_elements(info.shape)) {
        return false;
      }
    }
    inside.insert(e->output);
  }
  return full.size() == 1;
}

// Moves into kernel `k` (contraction `c`, op `index`, not yet added) the ops of the first
// producer kernel of one of its inputs that fits as its prologue; the emptied kernel is dropped
// at the end of fuse().
void adopt_prologue(const Program& p, const Uses& uses, std::size_t index, const Contraction& c,
                    int k, std::vector<int>& kernel_of, std::vector<KernelGroup>& kernels) {
  for (const Access& a : c.inputs) {
    const int e = kernel_of[static_cast<std::size_t>(a.tensor)];
    if (e < 0 || kernels[static_cast<std::size_t>(e)].output != a.tensor) continue;
    KernelGroup& producer = kernels[static_cast<std::size_t>(e)];
    if (!prologue_fits(p, uses, index, c, producer)) continue;
    KernelGroup& group = kernels[static_cast<std::size_t>(k)];
    group.prologue = std::move(producer.ops);
    producer.ops.clear();
    for (std::size_t o : group.prologue) {
      kernel_of[static_cast<std::size_t>(op_output(p.ops()[o]))] = k;
    }
    return;
  }
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
      k = placement_host_kernel(program, uses, i, *c, kernel_of, kernels);
    }
    if (k < 0) {
      k = static_cast<int>(kernels.size());
      kernels.push_back({});
    }
    KernelGroup& group = kernels[static_cast<std::size_t>(k)];
    const auto* c = std::get_if<Contraction>(&op);
    if (enabled && c && group.ops.empty() && !is_placement(*c)) {
      adopt_prologue(program, uses, i, *c, k, kernel_of, kernels);
    }
    group.ops.push_back(i);
    group.output = out;
    kernel_of[static_cast<std::size_t>(out)] = k;
  }
  std::erase_if(kernels, [](const KernelGroup& g) { return g.ops.empty(); });  // prologues now
  // A kernel runs where its last op was: every input of every op in it is ready by then, and
  // nothing in between reads its (single-use) intermediate results.
  std::stable_sort(kernels.begin(), kernels.end(), [](const KernelGroup& a, const KernelGroup& b) {
    return a.ops.back() < b.ops.back();
  });
  return kernels;
}

}  // namespace tartan
