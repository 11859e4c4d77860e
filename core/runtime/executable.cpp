#include "tartan/runtime/executable.h"

#include <cstring>

#include "runtime/executable_state.h"
#include "tartan/support/error.h"

namespace tartan {

TensorId Executable::State::storage_of(TensorId t) const {
  while (lowered.memory.slots.at(static_cast<std::size_t>(t)).kind == BufferSlot::Kind::kAlias) {
    t = lowered.memory.slots[static_cast<std::size_t>(t)].alias_of;
  }
  return t;
}

runtime::Buffer& Executable::State::buffer_of(TensorId t) {
  const TensorId s = storage_of(t);
  auto& b = buffers.at(static_cast<std::size_t>(s));
  TARTAN_CHECK(b.has_value(), "no buffer for tensor " + lowered.program.tensor(s).name);
  return *b;
}

void Executable::State::allocate() {
  const Program& p = lowered.program;
  const MemoryPlan& plan = lowered.memory;
  buffers.resize(p.tensors().size());
  if (plan.arena_bytes > 0) arena.emplace(context, plan.arena_bytes);
  for (std::size_t t = 0; t < p.tensors().size(); ++t) {
    const BufferSlot& slot = plan.slots[t];
    const TensorInfo& info = p.tensors()[t];
    const std::size_t bytes = std::max<std::size_t>(
        1, static_cast<std::size_t>(num_elements(info.shape)) * dtype_size(info.dtype));
    switch (slot.kind) {
      case BufferSlot::Kind::kInput:
      case BufferSlot::Kind::kOutput:
        buffers[t].emplace(context, bytes);
        break;
      case BufferSlot::Kind::kConstant:
        if (info.data == nullptr) break;
        buffers[t].emplace(context, bytes);
        buffers[t]->write(queue, info.data->bytes().data(), info.data->bytes().size());
        break;
      case BufferSlot::Kind::kArena:
        buffers[t] = runtime::Buffer::sub_buffer(*arena, slot.offset, bytes);
        break;
      case BufferSlot::Kind::kAlias:
      case BufferSlot::Kind::kNone:
        break;
    }
  }
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
  buffers.clear();
  arena.reset();
  program.reset();
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
    const auto bytes = ConstantData::from_doubles(t.dtype, inputs[i].values);
    state_->buffer_of(p.inputs()[i])
        .write(state_->queue, bytes->bytes().data(), bytes->bytes().size());
  }
}

namespace {

runtime::Event launch(runtime::Queue& queue, Launch& l) {
  const std::span<const std::size_t> global(l.global.data(), static_cast<std::size_t>(l.dims));
  const std::span<const std::size_t> local(l.local.data(),
                                           l.local[0] == 0 ? 0 : static_cast<std::size_t>(l.dims));
  return l.kernel.launch(queue, global, local);
}

}  // namespace

void bind_step(Launch& l, std::int64_t step, std::int64_t trips) {
  for (const CarriedArg& a : l.carried) {
    const runtime::Buffer* b = a.by_parity[static_cast<std::size_t>(step % 2)];
    if (step == 0 && a.first) b = a.first;
    if (step == trips - 1 && a.last) b = a.last;
    l.kernel.set_arg(a.index, *b);
  }
  if (l.step_arg >= 0) l.kernel.set_arg(static_cast<cl_uint>(l.step_arg), static_cast<int>(step));
}

void Executable::enqueue() {
  State& s = *state_;
  s.events.clear();
  s.event_launch.clear();
  for (std::size_t i = 0; i < s.launches.size();) {
    if (s.launches[i].loop < 0) {
      s.events.push_back(launch(s.queue, s.launches[i]));
      s.event_launch.push_back(i++);
      continue;
    }
    const Loop& loop = *s.loops[static_cast<std::size_t>(s.launches[i].loop)];
    for (std::int64_t step = 0; step < loop.trip_count; ++step) {
      for (std::size_t k = loop.first_launch; k < loop.first_launch + loop.launch_count; ++k) {
        bind_step(s.launches[k], step, loop.trip_count);
        s.events.push_back(launch(s.queue, s.launches[k]));
        s.event_launch.push_back(k);
      }
    }
    i = loop.first_launch + loop.launch_count;
  }
  s.queue.flush();
}

void Executable::finish() { state_->queue.finish(); }

std::vector<HostTensor> Executable::read_outputs() {
  State& s = *state_;
  const Program& p = s.lowered.program;
  std::vector<HostTensor> outputs;
  for (TensorId id : p.outputs()) {
    const TensorInfo& t = p.tensor(id);
    HostTensor out(t.dtype, t.shape);
    if (t.kind == TensorKind::kLiteral) {
      out.values.assign(out.values.size(), t.data->at(0));
    } else {
      std::vector<std::byte> bytes(out.values.size() * dtype_size(t.dtype));
      s.buffer_of(id).read(s.queue, bytes.data(), bytes.size());
      const ConstantData data(t.dtype, std::move(bytes));
      for (std::size_t i = 0; i < out.values.size(); ++i) out.values[i] = data.at(i);
    }
    outputs.push_back(std::move(out));
  }
  return outputs;
}

std::vector<HostTensor> Executable::run(const std::vector<HostTensor>& inputs,
                                        const RunOptions& options) {
  set_inputs(inputs);
  if (options.poison) {
    // All-ones bytes are NaN in float32 and float16: an element no kernel writes shows up.
    const std::uint8_t ones = 0xff;
    State& s = *state_;
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
      if (kind == BufferSlot::Kind::kOutput) {
        runtime::Buffer& b = s.buffer_of(id);
        b.fill(s.queue, &ones, 1, b.size());
      }
    }
  }
  enqueue();
  return read_outputs();
}

std::vector<KernelProfile> Executable::profile() const {
  const State& s = *state_;
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
