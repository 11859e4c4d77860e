#include "schedule/kernel_key.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "tartan/lang/parse.h"

namespace tartan {
namespace {

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// `text` with every whole occurrence of a name in `renamed` replaced (longest names first, so
// that `conv1_bias` is not read as `conv1` and a suffix).
std::string rename(const std::string& text,
                   const std::vector<std::pair<std::string, std::string>>& renamed) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    bool replaced = false;
    if (i == 0 || !name_char(text[i - 1])) {
      for (const auto& [from, to] : renamed) {
        const std::size_t end = i + from.size();
        if (text.compare(i, from.size(), from) == 0 &&
            (end == text.size() || !name_char(text[end]))) {
          out += to;
          i = end;
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

const char* slot_kind(BufferSlot::Kind k) {
  switch (k) {
    case BufferSlot::Kind::kInput:
      return "input";
    case BufferSlot::Kind::kConstant:
      return "constant";
    case BufferSlot::Kind::kOutput:
      return "output";
    case BufferSlot::Kind::kArena:
      return "arena";
    case BufferSlot::Kind::kAlias:
      return "alias";
    case BufferSlot::Kind::kNone:
      break;
  }
  return "none";
}

}  // namespace

std::string canonical_kernel_text(const LoweredProgram& lowered, const KernelGroup& group,
                                  const StepStrides& steps) {
  const Program& program = lowered.program;
  std::vector<std::size_t> ops = group.prologue;
  ops.insert(ops.end(), group.ops.begin(), group.ops.end());
  std::map<TensorId, int> position;
  std::vector<TensorId> order;
  const auto use = [&](TensorId id) {
    if (position.emplace(id, static_cast<int>(order.size())).second) order.push_back(id);
  };
  for (std::size_t i : ops) {
    const Op& op = program.ops()[i];
    for (TensorId id : op_inputs(op)) use(id);
    use(op_output(op));
  }
  use(group.output);
  std::vector<std::pair<std::string, std::string>> renamed;
  for (TensorId id : order) {
    renamed.emplace_back(program.tensor(id).name, "t" + std::to_string(position[id]));
  }
  std::sort(renamed.begin(), renamed.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  std::string text = group.softmax ? "softmax\n" : "";
  for (std::size_t i : ops) {
    const bool prologue =
        std::find(group.prologue.begin(), group.prologue.end(), i) != group.prologue.end();
    text += (prologue ? "prologue " : "") +
            rename(print_statement(program, program.ops()[i]), renamed) + "\n";
  }
  for (TensorId id : order) {
    const TensorInfo& t = program.tensor(id);
    const auto slot = static_cast<std::size_t>(id) < lowered.memory.slots.size()
                          ? lowered.memory.slots[static_cast<std::size_t>(id)].kind
                          : BufferSlot::Kind::kNone;
    text += "t" + std::to_string(position[id]) + ": " + std::string(dtype_name(t.dtype)) + " " +
            shape_str(t.shape) + " " + slot_kind(slot);
    if (const auto s = steps.elements.find(id); s != steps.elements.end()) {
      text += " step " + std::to_string(s->second);
    }
    text += id == group.output ? " (the kernel's output)\n" : "\n";
  }
  return text;
}

}  // namespace tartan
