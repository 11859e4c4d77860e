// The converter registry: ONNX operator -> the function that builds it with the op library.
//
// How to add a converter:
//   1. In the operator family's file under onnx/ops/ (conv.cpp, elementwise.cpp, shape_ops.cpp,
//      ...), write `std::vector<Value> convert_foo(NodeContext& ctx)`: read attributes and
//      inputs from ctx (ctx.tensor(i) for a Program tensor in ONNX order, ctx.constant(i, ..)
//      for values needed at import), build with tartan/ops and the Builder, and return one
//      Value per node output (Value::device(tensor), or Value::host(constant) for values
//      computed on the host). Raise ctx.unsupported(what, supported) for anything not mapped
//      exactly; never approximate.
//   2. Register it in that file's register_<family>_ops(Registry&) with the opset range whose
//      semantics it implements: registry.add("Foo", 13, kMaxOpset, convert_foo).
//   3. A new family file also declares its register function in ops/families.h and adds it to
//      kFamilies in src/registry.cpp.
// Converters need not care about layouts: ctx.tensor(i) is always in ONNX order. Layout-aware
// ones (see src/layout.h) read ctx.value(i).physical()/perm() and return Value::device(t, perm).
// A node whose inputs are all known at import is folded: its converter runs on a scratch
// Builder and the reference executor computes its outputs, so shape subgraphs become constants.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "src/node_context.h"

namespace tartan::onnx {

// The newest opset of the ai.onnx domain that Debian 12's libonnx (1.12) defines, and the
// oldest that the importer accepts (each converter narrows it to the opsets it implements).
inline constexpr std::int64_t kMaxOpset = 17;
inline constexpr std::int64_t kMinOpset = 1;

using Converter = std::vector<Value> (*)(NodeContext& ctx);

struct ConverterEntry {
  std::string op_type;
  std::int64_t min_opset = kMinOpset;
  std::int64_t max_opset = kMaxOpset;
  Converter convert = nullptr;
};

class Registry {
 public:
  // Every family's converters (built once).
  static const Registry& instance();
  void add(const std::string& op_type, std::int64_t min_opset, std::int64_t max_opset,
           Converter convert);
  const ConverterEntry* find(const std::string& op_type) const;
  const std::map<std::string, ConverterEntry>& entries() const { return entries_; }

 private:
  std::map<std::string, ConverterEntry> entries_;
};

}  // namespace tartan::onnx
