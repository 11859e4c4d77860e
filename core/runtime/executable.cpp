#include "tartan/runtime/executable.h"

#include <cstring>

#include "runtime/executable_state.h"
#include "tartan/schedule/packing.h"
#include "tartan/support/error.h"

namespace tartan {

TensorId Executable::State::storage_of(TensorId t) const {
  while (lowered.memory.slots.at(static_cast<std::size_t>(t)).kind == BufferSlot::Kind::kAlias) {
    t = lowered.memory.slots[static_cast<std::size_t>(t)].alias_of;
  }
  return t;
}

const TensorPlace& Executable::State::place_of(TensorId t) {
  const TensorId s = storage_of(t);
  const TensorPlace& place = places.at(static_cast<std::size_t>(s));
  TARTAN_CHECK(place.buffer != nullptr, "no buffer for tensor " + lowered.program.tensor(s).name);
  return place;
}

void Executable::State::allocate() {
  const Program& p = lowered.program;
  const MemoryPlan& plan = lowered.memory;
  own_buffers.resize(p.tensors().size());
  places.resize(p.tensors().size());
  if (plan.arena_bytes > 0) arena.emplace(context, plan.arena_bytes);
  for (std::size_t t = 0; t < p.tensors().size(); ++t) {
    const BufferSlot& slot = plan.slots[t];
    const TensorInfo& info = p.tensors()[t];
    const std::size_t bytes = std::max<std::size_t>(
        1, static_cast<std::size_t>(num_elements(info.shape)) * dtype_size(info.dtype));
    switch (slot.kind) {
      case BufferSlot::Kind::kInput:
      case BufferSlot::Kind::kOutput:
        places[t] = {&own_buffers[t].emplace(context, bytes), 0, bytes};
        break;
      case BufferSlot::Kind::kConstant:
        if (info.data == nullptr) break;
        places[t] = {&own_buffers[t].emplace(context, bytes), 0, bytes};
        own_buffers[t]->write(queue, info.data->bytes().data(), info.data->bytes().size());
        break;
      case BufferSlot::Kind::kArena:
        TARTAN_CHECK(
            slot.offset % dtype_size(info.dtype) == 0 && slot.offset + bytes <= arena->size(),
            "arena place of " + info.name + " is misaligned or out of the arena");
        places[t] = {&*arena, slot.offset, bytes};
        break;
      case BufferSlot::Kind::kAlias:
      case BufferSlot::Kind::kNone:
        break;
    }
  }
}

void set_tensor_arg(runtime::Kernel& kernel, std::size_t a, const TensorPlace& place,
                    std::size_t element_bytes) {
  TARTAN_CHECK(place.buffer != nullptr && place.offset % element_bytes == 0,
               "kernel argument without a buffer or at a misaligned place");
  kernel.set_arg(static_cast<cl_uint>(2 * a), *place.buffer);
  kernel.set_arg(static_cast<cl_uint>(2 * a + 1),
                 static_cast<cl_ulong>(place.offset / element_bytes));
}

void Executable::State::bind_args(runtime::Kernel& kernel, const KernelSource& source) {
  for (std::size_t a = 0; a < source.args.size(); ++a) {
    const TensorId t = source.args[a];
    const TensorInfo& info = lowered.program.tensor(t);
    const int panel = a < source.panels.size() ? source.panels[a] : 0;
    if (panel == 0) {
      set_tensor_arg(kernel, a, place_of(t), dtype_size(info.dtype));
      continue;
    }
    TARTAN_CHECK(info.kind == TensorKind::kConstant && info.data != nullptr,
                 "a packed kernel argument that is no constant: " + info.name);
    auto it = packed.find({t, panel});
    if (it == packed.end()) {
      const std::shared_ptr<const ConstantData> data = pack_panels(*info.data, info.shape, panel);
      it = packed.try_emplace({t, panel}, context, data->bytes().size()).first;
      it->second.write(queue, data->bytes().data(), data->bytes().size());
    }
    set_tensor_arg(kernel, a, {&it->second, 0, it->second.size()}, dtype_size(info.dtype));
  }
}

void Executable::State::release_packed_originals() {
  if (!loops.empty()) return;
  std::vector<bool> read_as_is(own_buffers.size(), false);
  for (const KernelSource& k : sources) {
    for (std::size_t a = 0; a < k.args.size(); ++a) {
      if (a >= k.panels.size() || k.panels[a] == 0) {
        read_as_is[static_cast<std::size_t>(storage_of(k.args[a]))] = true;
      }
    }
  }
  for (const auto& [key, buffer] : packed) {
    const auto t = static_cast<std::size_t>(key.first);
    if (read_as_is[t] || lowered.memory.slots[t].kind != BufferSlot::Kind::kConstant) continue;
    places[t] = {};
    own_buffers[t].reset();
  }
}

void Executable::State::write_tensor(TensorId t, const std::vector<double>& values) {
  const auto data = ConstantData::from_doubles(lowered.program.tensor(t).dtype, values);
  const TensorPlace& place = place_of(t);
  place.buffer->write(queue, data->bytes().data(), data->bytes().size(), place.offset);
}

HostTensor Executable::State::read_tensor(TensorId t) {
  const TensorInfo& info = lowered.program.tensor(t);
  HostTensor out(info.dtype, info.shape);
  if (info.kind == TensorKind::kLiteral) {
    out.values.assign(out.values.size(), info.data->at(0));
    return out;
  }
  std::vector<std::byte> bytes(out.values.size() * dtype_size(info.dtype));
  const TensorPlace& place = place_of(t);
  place.buffer->read(queue, bytes.data(), bytes.size(), place.offset);
  const ConstantData data(info.dtype, std::move(bytes));
  for (std::size_t i = 0; i < out.values.size(); ++i) out.values[i] = data.at(i);
  return out;
}

void Executable::State::poison(TensorId t) {
  const std::uint8_t ones = 0xff;
  const TensorPlace& place = place_of(t);
  place.buffer->fill(queue, &ones, 1, place.bytes, place.offset);
}

std::int64_t Executable::State::repeats(std::size_t i) const {
  const int loop = launches.at(i).loop;
  return loop < 0 ? 1 : loops[static_cast<std::size_t>(loop)]->trip_count;
}

Executable::State::~State() {
  try {
    queue.finish();
  } catch (const Error&) {
    // A failed run already reported its error; releasing must not throw.
  }
  launches.clear();
  loops.clear();
  events.clear();
  places.clear();
  packed.clear();
  own_buffers.clear();
  arena.reset();
  programs.clear();
}

Executable::Executable(std::unique_ptr<State> state) : state_(std::move(state)) {}
Executable::~Executable() = default;
Executable::Executable(Executable&&) noexcept = default;
Executable& Executable::operator=(Executable&&) noexcept = default;

void Executable::set_inputs(const std::vector<HostTensor>& inputs) {
  const Program& p = state_->lowered.program;
  if (inputs.size() != p.inputs().size()) {
    throw Error("the program takes " + std::to_string(p.inputs().size()) + " inputs, got " +
                std::to_string(inputs.size()));
  }
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const TensorInfo& t = p.tensor(p.inputs()[i]);
    if (inputs[i].shape != t.shape || inputs[i].dtype != t.dtype) {
      throw Error("input " + t.name + " is " + std::string(dtype_name(t.dtype)) +
                  shape_str(t.shape) + ", got " + std::string(dtype_name(inputs[i].dtype)) +
                  shape_str(inputs[i].shape));
    }
    if (state_->lowered.memory.slots[static_cast<std::size_t>(p.inputs()[i])].kind ==
        BufferSlot::Kind::kNone) {
      continue;  // an input that no kernel reads
    }
    state_->write_tensor(p.inputs()[i], inputs[i].values);
  }
}

namespace {

runtime::Event launch(runtime::Queue& queue, Launch& l) {
  const std::span<const std::size_t> global(l.global.data(), static_cast<std::size_t>(l.dims));
  const std::span<const std::size_t> local(l.local.data(),
                                           l.local[0] == 0 ? 0 : static_cast<std::size_t>(l.dims));
  return l.kernel.launch(queue, global, local);
}

// Keeps launch `i`'s event for profile(); launches on a queue without profiling have none.
void record(Executable::State& s, runtime::Event event, std::size_t i) {
  if (!event) return;
  s.events.push_back(std::move(event));
  s.event_launch.push_back(i);
}

}  // namespace

void bind_step(Launch& l, std::int64_t step, std::int64_t trips) {
  for (const CarriedArg& a : l.carried) {
    const TensorPlace* place = a.by_parity[static_cast<std::size_t>(step % 2)];
    if (step == 0 && a.first) place = a.first;
    if (step == trips - 1 && a.last) place = a.last;
    set_tensor_arg(l.kernel, a.arg, *place, a.element_bytes);
  }
  if (l.step_arg >= 0) l.kernel.set_arg(static_cast<cl_uint>(l.step_arg), static_cast<int>(step));
}

void Executable::enqueue() {
  State& s = *state_;
  s.events.clear();
  s.event_launch.clear();
  for (std::size_t i = 0; i < s.launches.size();) {
    if (s.launches[i].loop < 0) {
      record(s, launch(s.queue, s.launches[i]), i);
      ++i;
      continue;
    }
    const Loop& loop = *s.loops[static_cast<std::size_t>(s.launches[i].loop)];
    for (std::int64_t step = 0; step < loop.trip_count; ++step) {
      for (std::size_t k = loop.first_launch; k < loop.first_launch + loop.launch_count; ++k) {
        bind_step(s.launches[k], step, loop.trip_count);
        record(s, launch(s.queue, s.launches[k]), k);
      }
    }
    i = loop.first_launch + loop.launch_count;
  }
  s.queue.flush();
}

void Executable::finish() { state_->queue.finish(); }

std::vector<HostTensor> Executable::read_outputs() {
  std::vector<HostTensor> outputs;
  for (TensorId id : state_->lowered.program.outputs()) {
    outputs.push_back(state_->read_tensor(id));
  }
  return outputs;
}

std::vector<HostTensor> Executable::run(const std::vector<HostTensor>& inputs,
                                        const RunOptions& options) {
  set_inputs(inputs);
  if (options.poison) {
    // NaN in every intermediate and output: an element no kernel writes shows up.
    State& s = *state_;
    const std::uint8_t ones = 0xff;
    if (s.arena) s.arena->fill(s.queue, &ones, 1, s.arena->size());
    for (const auto& loop : s.loops) {
      if (loop->arena) loop->arena->fill(s.queue, &ones, 1, loop->arena->size());
      for (auto& pair : loop->carried) {
        for (auto& b : pair) b->fill(s.queue, &ones, 1, b->size());
      }
    }
    for (TensorId id : s.lowered.program.outputs()) {
      const BufferSlot::Kind kind =
          s.lowered.memory.slots[static_cast<std::size_t>(s.storage_of(id))].kind;
      if (kind == BufferSlot::Kind::kOutput) s.poison(id);
    }
  }
  enqueue();
  return read_outputs();
}

std::vector<KernelProfile> Executable::profile() const {
  const State& s = *state_;
  if (!s.queue.profiling()) {
    throw Error("no kernel times: this executable was compiled without profiling",
                "compile with CompileOptions::profiling = true (tartan-bench: --kernel-timing)");
  }
  std::vector<KernelProfile> out;
  if (s.events.empty()) return out;
  for (std::size_t k = 0; k < s.sources.size(); ++k) {
    const KernelSource& src = s.sources[k];
    const auto n = static_cast<double>(s.repeats(k));
    out.push_back(
        {src.name, src.statement, 0, src.flops * n, src.bytes * n, static_cast<int>(s.repeats(k))});
  }
  for (std::size_t e = 0; e < s.events.size(); ++e) {
    out[s.event_launch[e]].device_ms += static_cast<double>(s.events[e].duration_ns()) * 1e-6;
  }
  return out;
}

const MemoryPlan& Executable::memory() const { return state_->lowered.memory; }
const CompileStats& Executable::stats() const { return state_->stats; }
const runtime::DeviceInfo& Executable::device() const { return state_->device.info; }
const std::vector<KernelSource>& Executable::kernels() const { return state_->sources; }

double Executable::flops_per_run() const {
  double f = 0;
  for (std::size_t k = 0; k < state_->sources.size(); ++k) {
    f += state_->sources[k].flops * static_cast<double>(state_->repeats(k));
  }
  return f;
}

}  // namespace tartan
