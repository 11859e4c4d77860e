#include "src/registry.h"

#include "ops/families.h"
#include "tartan/support/error.h"

namespace tartan::onnx {

namespace {

constexpr void (*kFamilies[])(Registry&) = {
    register_conv_ops,
    register_dense_ops,
    register_elementwise_ops,
    register_index_ops,
    register_norm_ops,
    register_pool_ops,
    register_shape_ops,
    // onnx-ops' families
    register_activation_ops,
    register_array_ops,
    register_einsum_ops,
    register_layer_norm_ops,
    register_logic_ops,
    register_reduce_ops,
    register_resize_ops,
};

}  // namespace

const Registry& Registry::instance() {
  static const Registry registry = [] {
    Registry r;
    for (const auto family : kFamilies) family(r);
    return r;
  }();
  return registry;
}

void Registry::add(const std::string& op_type, std::int64_t min_opset, std::int64_t max_opset,
                   Converter convert) {
  TARTAN_CHECK(!entries_.contains(op_type), "converter for " + op_type + " registered twice");
  entries_[op_type] = {op_type, min_opset, max_opset, convert};
}

const ConverterEntry* Registry::find(const std::string& op_type) const {
  const auto it = entries_.find(op_type);
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace tartan::onnx
