#include "tartan/passes/plan_memory.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "tartan/support/error.h"

namespace tartan {

namespace {

std::size_t tensor_bytes(const TensorInfo& t) {
  return static_cast<std::size_t>(num_elements(t.shape)) * dtype_size(t.dtype);
}

std::size_t align_up(std::size_t n, std::size_t alignment) {
  return (n + alignment - 1) / alignment * alignment;
}

// First-fit allocation over [0, end) with coalescing of freed blocks.
class Arena {
 public:
  explicit Arena(std::size_t alignment) : alignment_(alignment) {}

  std::size_t allocate(std::size_t bytes) {
    const std::size_t size = align_up(std::max<std::size_t>(bytes, 1), alignment_);
    for (auto it = free_.begin(); it != free_.end(); ++it) {
      if (it->second < size) continue;
      const std::size_t offset = it->first;
      const std::size_t left = it->second - size;
      free_.erase(it);
      if (left > 0) free_.emplace(offset + size, left);
      return offset;
    }
    // Nothing fits: grow, starting inside a free block that ends at the top if there is one.
    std::size_t offset = end_;
    if (!free_.empty() && free_.rbegin()->first + free_.rbegin()->second == end_) {
      offset = free_.rbegin()->first;
      free_.erase(std::prev(free_.end()));
    }
    end_ = offset + size;
    return offset;
  }

  void release(std::size_t offset, std::size_t bytes) {
    std::size_t size = align_up(std::max<std::size_t>(bytes, 1), alignment_);
    auto next = free_.lower_bound(offset);
    if (next != free_.end() && offset + size == next->first) {
      size += next->second;
      next = free_.erase(next);
    }
    if (next != free_.begin()) {
      auto prev = std::prev(next);
      if (prev->first + prev->second == offset) {
        prev->second += size;
        return;
      }
    }
    free_.emplace(offset, size);
  }

  std::size_t end() const { return end_; }

 private:
  std::map<std::size_t, std::size_t> free_;  // offset -> size
  std::size_t alignment_;
  std::size_t end_ = 0;
};

// Tensors a kernel reads from memory: inputs of its ops (prologue included) that no op of the
// kernel computes.
std::set<TensorId> kernel_reads(const Program& p, const KernelGroup& k) {
  std::set<TensorId> inside, reads;
  for (const auto* ops : {&k.prologue, &k.ops}) {
    for (std::size_t i : *ops) inside.insert(op_output(p.ops()[i]));
  }
  for (const auto* ops : {&k.prologue, &k.ops}) {
    for (std::size_t i : *ops) {
      for (TensorId t : op_inputs(p.ops()[i])) {
        if (!inside.count(t)) reads.insert(t);
      }
    }
  }
  return reads;
}

}  // namespace

MemoryPlan plan_memory(const Program& program, const std::vector<KernelGroup>& kernels,
                       std::size_t alignment) {
  const std::size_t n = program.tensors().size();
  MemoryPlan plan;
  plan.slots.resize(n);
  const auto slot = [&](TensorId t) -> BufferSlot& {
    return plan.slots[static_cast<std::size_t>(t)];
  };
  const auto root = [&](TensorId t) {
    while (slot(t).kind == BufferSlot::Kind::kAlias) t = slot(t).alias_of;
    return t;
  };

  // Leaves that are read, and kernel outputs; everything else stays kNone (unused, or kept in
  // registers inside a kernel).
  std::vector<bool> read(n, false);
  for (const Op& op : program.ops()) {
    for (TensorId t : op_inputs(op)) read[static_cast<std::size_t>(t)] = true;
  }
  for (TensorId t : program.outputs()) read[static_cast<std::size_t>(t)] = true;
  for (TensorId t : program.inputs()) slot(t) = {BufferSlot::Kind::kInput, 0, 0, -1};
  for (std::size_t t = 0; t < n; ++t) {
    const TensorKind kind = program.tensors()[t].kind;
    if (read[t] && (kind == TensorKind::kConstant || kind == TensorKind::kLiteral)) {
      plan.slots[t].kind = BufferSlot::Kind::kConstant;
    }
  }
  for (const KernelGroup& k : kernels) slot(k.output).kind = BufferSlot::Kind::kArena;
  for (const Op& op : program.ops()) {
    if (const auto* r = std::get_if<Reshape>(&op)) {
      slot(r->output) = {BufferSlot::Kind::kAlias, 0, 0, root(r->input)};
    }
  }
  // Program outputs own their buffers; an output that is a view owns its source's storage.
  for (TensorId t : program.outputs()) {
    BufferSlot& s = slot(root(t));
    if (s.kind == BufferSlot::Kind::kArena) s.kind = BufferSlot::Kind::kOutput;
  }
  for (std::size_t t = 0; t < n; ++t) {
    BufferSlot& s = plan.slots[t];
    if (s.kind == BufferSlot::Kind::kNone) continue;
    s.bytes = tensor_bytes(program.tensors()[t]);
    if (s.kind == BufferSlot::Kind::kConstant) plan.constant_bytes += s.bytes;
    if (s.kind == BufferSlot::Kind::kInput || s.kind == BufferSlot::Kind::kOutput) {
      plan.io_bytes += s.bytes;
    }
  }

  // Liveness in kernel steps: an arena tensor lives from its kernel to the last kernel that
  // reads it or any view of it.
  std::vector<std::size_t> last_use(n, 0);
  std::vector<std::set<TensorId>> reads(kernels.size());
  for (std::size_t k = 0; k < kernels.size(); ++k) {
    last_use[static_cast<std::size_t>(kernels[k].output)] = k;
    reads[k] = kernel_reads(program, kernels[k]);
    for (TensorId t : reads[k]) last_use[static_cast<std::size_t>(root(t))] = k;
  }

  Arena arena(std::max<std::size_t>(alignment, 1));
  std::vector<std::vector<TensorId>> dies_at(kernels.size());
  for (std::size_t k = 0; k < kernels.size(); ++k) {
    const TensorId out = kernels[k].output;
    BufferSlot& s = slot(out);
    if (s.kind == BufferSlot::Kind::kArena) {
      // In place: an elementwise kernel reads each element of a same-shaped input only where
      // it writes the same element of its output.
      std::optional<TensorId> donor;
      if (std::holds_alternative<Elementwise>(program.ops()[kernels[k].ops[0]])) {
        for (TensorId t : reads[k]) {
          const TensorId r = root(t);
          if (slot(r).kind != BufferSlot::Kind::kArena ||
              last_use[static_cast<std::size_t>(r)] != k || slot(r).bytes != s.bytes) {
            continue;
          }
          bool aligned = true;
          for (TensorId v : reads[k]) {
            if (root(v) == r)
              aligned = aligned && program.tensor(v).shape == program.tensor(out).shape;
          }
          if (aligned) {
            donor = r;
            break;
          }
        }
      }
      if (donor) {
        s.offset = slot(*donor).offset;
        std::erase(dies_at[k], *donor);
      } else {
        s.offset = arena.allocate(s.bytes);
      }
      dies_at[last_use[static_cast<std::size_t>(out)]].push_back(out);
    }
    for (TensorId t : dies_at[k]) arena.release(slot(t).offset, slot(t).bytes);
  }
  plan.arena_bytes = arena.end();
  return plan;
}

}  // namespace tartan
