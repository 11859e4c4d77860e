#include "compiler/compile_loop.h"

#include "tartan/codegen/kernel_writer.h"
#include "tartan/support/error.h"

namespace tartan {

namespace {

// What a body tensor's storage is to the loop.
struct Role {
  enum class Kind : std::uint8_t { kCarriedIn, kSequence, kInvariant, kCarriedOut, kStacked, kOwn };
  Kind kind = Kind::kOwn;
  std::size_t index = 0;  // carried state, sequence or invariant number
};

TensorId storage_root(const MemoryPlan& plan, TensorId t) {
  while (plan.slots.at(static_cast<std::size_t>(t)).kind == BufferSlot::Kind::kAlias) {
    t = plan.slots[static_cast<std::size_t>(t)].alias_of;
  }
  return t;
}

Role role_of(const Scan& scan, const LoweredProgram& body, TensorId t) {
  const TensorId root = storage_root(body.memory, t);
  const Program& p = body.program;
  const std::size_t nc = scan.carried.size(), ns = scan.sequences.size();
  for (std::size_t i = 0; i < p.inputs().size(); ++i) {
    if (p.inputs()[i] != root) continue;
    if (i < nc) return {Role::Kind::kCarriedIn, i};
    if (i < nc + ns) return {Role::Kind::kSequence, i - nc};
    return {Role::Kind::kInvariant, i - nc - ns};
  }
  for (std::size_t k = 0; k < p.outputs().size(); ++k) {
    if (p.outputs()[k] != root) continue;
    return k < nc ? Role{Role::Kind::kCarriedOut, k} : Role{Role::Kind::kStacked, 0};
  }
  return {};
}

const Scan& scan_of(const Executable::State& state, const Loop& loop) {
  return std::get<Scan>(*state.lowered.program.producer(loop.scan));
}

std::size_t bytes_of(const TensorInfo& t) {
  return std::max<std::size_t>(
      1, static_cast<std::size_t>(num_elements(t.shape)) * dtype_size(t.dtype));
}

}  // namespace

StepStrides step_strides(const Scan& scan, const LoweredProgram& body) {
  // Sequence slices and the stacked output's slice move by their size each step.
  StepStrides steps;
  for (std::size_t t = 0; t < body.program.tensors().size(); ++t) {
    const auto id = static_cast<TensorId>(t);
    const Role r = role_of(scan, body, id);
    if (r.kind == Role::Kind::kSequence || r.kind == Role::Kind::kStacked) {
      steps.elements[id] = num_elements(body.program.tensor(storage_root(body.memory, id)).shape);
    }
  }
  return steps;
}

KernelPlan body_plan(KernelPlan plan) {
  // A body's constants live in the loop's own buffers, bound as they are (no packed copies).
  plan.pack_weights = false;
  return plan;
}

void write_loop_kernels(Executable::State& state, const KernelGroup& group,
                        const PlanKernel& plan) {
  const Scan& scan = std::get<Scan>(state.lowered.program.ops()[group.ops.front()]);
  auto loop = std::make_unique<Loop>();
  loop->scan = group.output;
  loop->body = state.lowered.bodies.at(group.output);
  loop->trip_count = scan.trip_count;
  loop->first_launch = state.sources.size();
  const LoweredProgram& body = *loop->body;
  loop->steps = step_strides(scan, body);
  const StepStrides& steps = loop->steps;
  for (const KernelGroup& k : body.kernels) {
    state.sources.push_back(write_kernel(body, k, body_plan(plan(body, k, steps)), steps));
  }
  loop->launch_count = state.sources.size() - loop->first_launch;
  state.loops.push_back(std::move(loop));
}

void bind_loop(Executable::State& state, std::size_t loop_index) {
  Loop& loop = *state.loops[loop_index];
  const Scan& scan = scan_of(state, loop);
  const LoweredProgram& body = *loop.body;
  const Program& p = body.program;
  runtime::Context& context = state.context;

  // The body's own storage: intermediates in an arena, constants, two buffers per carried state.
  if (body.memory.arena_bytes > 0) loop.arena.emplace(context, body.memory.arena_bytes);
  loop.own_buffers.resize(p.tensors().size());
  loop.places.resize(p.tensors().size());
  for (std::size_t t = 0; t < p.tensors().size(); ++t) {
    const BufferSlot& slot = body.memory.slots[t];
    const TensorInfo& info = p.tensors()[t];
    if (slot.kind == BufferSlot::Kind::kArena) {
      loop.places[t] = {&*loop.arena, slot.offset, bytes_of(info)};
    } else if (slot.kind == BufferSlot::Kind::kConstant && info.data) {
      loop.places[t] = {&loop.own_buffers[t].emplace(context, bytes_of(info)), 0, bytes_of(info)};
      loop.own_buffers[t]->write(state.queue, info.data->bytes().data(), info.data->bytes().size());
    }
  }
  loop.carried.resize(scan.carried.size());
  loop.carried_places.resize(scan.carried.size());
  for (std::size_t k = 0; k < scan.carried.size(); ++k) {
    const std::size_t bytes = bytes_of(p.tensor(p.inputs()[k]));
    for (std::size_t i = 0; i < 2; ++i) {
      loop.carried_places[k][i] = {&loop.carried[k][i].emplace(context, bytes), 0, bytes};
    }
  }

  const TensorPlace& out = state.place_of(loop.scan);
  for (std::size_t i = loop.first_launch; i < loop.first_launch + loop.launch_count; ++i) {
    Launch& l = state.launches[i];
    const KernelSource& src = state.sources[i];
    l.loop = static_cast<int>(loop_index);
    for (std::size_t a = 0; a < src.args.size(); ++a) {
      const std::size_t element_bytes = dtype_size(p.tensor(src.args[a]).dtype);
      const Role r = role_of(scan, body, src.args[a]);
      switch (r.kind) {
        case Role::Kind::kCarriedIn: {  // step t reads what step t - 1 wrote
          const auto& pair = loop.carried_places[r.index];
          l.carried.push_back({a,
                               element_bytes,
                               &state.place_of(scan.carried[r.index]),
                               {&pair[0], &pair[1]},
                               nullptr});
          break;
        }
        case Role::Kind::kCarriedOut: {  // the result's final value goes straight to the output
          const auto& pair = loop.carried_places[r.index];
          const bool result = !scan.stacked && static_cast<int>(r.index) == scan.result;
          l.carried.push_back(
              {a, element_bytes, nullptr, {&pair[1], &pair[0]}, result ? &out : nullptr});
          break;
        }
        case Role::Kind::kSequence:
          set_tensor_arg(l.kernel, a, state.place_of(scan.sequences[r.index]), element_bytes);
          break;
        case Role::Kind::kInvariant:
          set_tensor_arg(l.kernel, a, state.place_of(scan.invariants[r.index]), element_bytes);
          break;
        case Role::Kind::kStacked:
          set_tensor_arg(l.kernel, a, out, element_bytes);
          break;
        case Role::Kind::kOwn: {
          const TensorId root = storage_root(body.memory, src.args[a]);
          const TensorPlace& place = loop.places.at(static_cast<std::size_t>(root));
          TARTAN_CHECK(place.buffer != nullptr,
                       "no buffer for body tensor " + p.tensor(src.args[a]).name);
          set_tensor_arg(l.kernel, a, place, element_bytes);
          break;
        }
      }
    }
    if (takes_step(src.args, loop.steps)) l.step_arg = static_cast<int>(2 * src.args.size());
    bind_step(l, 0, loop.trip_count);  // every argument has a value from now on
  }
}

}  // namespace tartan
