// Expand, Tile, Range, ConstantOfShape, DepthToSpace and SpaceToDepth through
// tartan/ops/array.h, and Size. Shapes, repeats and range bounds must be known at import;
// Range and ConstantOfShape then fold into constants.
#include "tartan/ops/array.h"

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <cmath>

#include "ops/families.h"
#include "src/registry.h"

namespace tartan::onnx {

namespace {

std::vector<Value> convert_expand(NodeContext& ctx) {
  const std::vector<std::int64_t> shape = ctx.constant(1, "the target shape").ints();
  const Tensor x = ctx.tensor(0);
  Shape out;
  if (!broadcast_shapes(x.shape(), shape, &out)) {
    ctx.invalid(shape_str(x.shape()) + " does not broadcast with " + shape_str(shape));
  }
  return {Value::device(ops::expand(x, shape), {}, ctx.value(0).elem_type())};
}

std::vector<Value> convert_tile(NodeContext& ctx) {
  const std::vector<std::int64_t> repeats = ctx.constant(1, "the repeat counts").ints();
  const Value& v = ctx.value(0);
  if (static_cast<int>(repeats.size()) != v.rank()) {
    ctx.invalid(std::to_string(repeats.size()) + " repeat counts for rank " +
                std::to_string(v.rank()));
  }
  for (const std::int64_t r : repeats) {
    if (r < 1) ctx.unsupported("a repeat count of " + std::to_string(r), "counts of at least 1");
  }
  return {Value::device(ops::tile(ctx.tensor(0), repeats), {}, v.elem_type())};
}

double scalar(NodeContext& ctx, int i, const char* what) {
  const HostConstant& c = ctx.constant(i, what);
  if (c.size() != 1) ctx.invalid(std::string(what) + " is not a scalar");
  return c.values[0];
}

std::vector<Value> convert_range(NodeContext& ctx) {
  const double start = scalar(ctx, 0, "start"), limit = scalar(ctx, 1, "limit");
  const double delta = scalar(ctx, 2, "delta");
  const int elem = ctx.value(0).elem_type();
  const std::optional<DType> t = program_dtype(elem);
  if (!t || *t == DType::kBool) {
    ctx.unsupported(elem_type_name(elem) + " bounds", "float, float16 and integer ranges");
  }
  if (delta != 0 && std::max(std::ceil((limit - start) / delta), 0.0) < 1) {
    ctx.unsupported("an empty range (" + std::to_string(start) + " to " + std::to_string(limit) +
                        " by " + std::to_string(delta) + ")",
                    "tartan tensors have at least one element");
  }
  return {Value::device(ops::range(ctx.builder(), start, limit, delta, *t), {}, elem)};
}

std::vector<Value> convert_constant_of_shape(NodeContext& ctx) {
  const std::vector<std::int64_t> shape = ctx.constant(0, "the shape").ints();
  for (const std::int64_t d : shape) {
    if (d < 1) {
      ctx.unsupported("a dimension of " + std::to_string(d),
                      "tartan tensors have at least one element");
    }
  }
  HostConstant value{::onnx::TensorProto::FLOAT, {1}, {0.0}};
  if (ctx.has_attr("value")) value = ctx.attr_tensor("value");
  if (value.size() != 1) ctx.invalid("the value attribute must hold one element");
  HostConstant out{
      value.elem_type, shape,
      std::vector<double>(static_cast<std::size_t>(num_elements(shape)), value.values[0])};
  return {Value::host(std::move(out))};
}

std::vector<Value> convert_depth_to_space(NodeContext& ctx) {
  const std::string mode = ctx.attr_string("mode", "DCR");
  if (mode != "DCR" && mode != "CRD") ctx.invalid("mode '" + mode + "' (DCR or CRD)");
  if (ctx.value(0).rank() != 4) ctx.unsupported("a rank other than 4", "[N, C, H, W] inputs");
  const std::int64_t bs = ctx.attr_int("blocksize", 0);
  return {Value::device(ops::depth_to_space(ctx.tensor(0), bs, mode == "CRD"), {},
                        ctx.value(0).elem_type())};
}

std::vector<Value> convert_space_to_depth(NodeContext& ctx) {
  if (ctx.value(0).rank() != 4) ctx.unsupported("a rank other than 4", "[N, C, H, W] inputs");
  const std::int64_t bs = ctx.attr_int("blocksize", 0);
  return {Value::device(ops::space_to_depth(ctx.tensor(0), bs), {}, ctx.value(0).elem_type())};
}

// The element count, known from the shape at import.
std::vector<Value> convert_size(NodeContext& ctx) {
  return {Value::host(HostConstant{
      ::onnx::TensorProto::INT64, {}, {static_cast<double>(num_elements(ctx.value(0).shape()))}})};
}

}  // namespace

void register_array_ops(Registry& r) {
  r.add("Expand", 8, kMaxOpset, convert_expand);
  r.add("Tile", 6, kMaxOpset, convert_tile);
  r.add("Range", 11, kMaxOpset, convert_range);
  r.add("ConstantOfShape", 9, kMaxOpset, convert_constant_of_shape);
  r.add("DepthToSpace", 1, kMaxOpset, convert_depth_to_space);
  r.add("SpaceToDepth", 1, kMaxOpset, convert_space_to_depth);
  r.add("Size", 1, kMaxOpset, convert_size);
}

}  // namespace tartan::onnx
