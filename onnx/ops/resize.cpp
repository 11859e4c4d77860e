// Resize (opsets 11-17; opset 10's coordinate rules are not mapped) through ops::resize; the
// scales, sizes and region of interest must be known at import.
#include "tartan/ops/resize.h"

#include <map>

#include "ops/families.h"
#include "src/registry.h"

namespace tartan::onnx {

namespace {

using Opt = ops::ResizeOptions;

template <typename T>
T pick(NodeContext& ctx, const char* attr, const std::string& fallback,
       const std::map<std::string, T>& choices) {
  const std::string name = ctx.attr_string(attr, fallback);
  const auto it = choices.find(name);
  if (it == choices.end()) {
    std::string known;
    for (const auto& [k, v] : choices) known += (known.empty() ? "" : ", ") + k;
    ctx.unsupported(std::string(attr) + " '" + name + "'", known);
  }
  return it->second;
}

// An optional input that may also be present but empty (ONNX's way of omitting it).
const HostConstant* optional_constant(NodeContext& ctx, int i, const char* what) {
  if (!ctx.has_input(i)) return nullptr;
  const HostConstant& c = ctx.constant(i, what);
  return c.size() == 0 ? nullptr : &c;
}

std::vector<Value> convert_resize(NodeContext& ctx) {
  Opt o;
  o.mode = pick<Opt::Mode>(ctx, "mode", "nearest",
                           {{"nearest", Opt::Mode::kNearest},
                            {"linear", Opt::Mode::kLinear},
                            {"cubic", Opt::Mode::kCubic}});
  o.coordinates =
      pick<Opt::Coordinates>(ctx, "coordinate_transformation_mode", "half_pixel",
                             {{"half_pixel", Opt::Coordinates::kHalfPixel},
                              {"pytorch_half_pixel", Opt::Coordinates::kPytorchHalfPixel},
                              {"align_corners", Opt::Coordinates::kAlignCorners},
                              {"asymmetric", Opt::Coordinates::kAsymmetric},
                              {"tf_half_pixel_for_nn", Opt::Coordinates::kTfHalfPixelForNn},
                              {"tf_crop_and_resize", Opt::Coordinates::kTfCropAndResize}});
  o.rounding = pick<Opt::Rounding>(ctx, "nearest_mode", "round_prefer_floor",
                                   {{"round_prefer_floor", Opt::Rounding::kRoundPreferFloor},
                                    {"round_prefer_ceil", Opt::Rounding::kRoundPreferCeil},
                                    {"floor", Opt::Rounding::kFloor},
                                    {"ceil", Opt::Rounding::kCeil}});
  o.cubic_coeff_a = ctx.attr_float("cubic_coeff_a", -0.75f);
  o.exclude_outside = ctx.attr_int("exclude_outside", 0) != 0;
  o.extrapolation_value = ctx.attr_float("extrapolation_value", 0.0f);
  const HostConstant* scales = optional_constant(ctx, 2, "the scales");
  const HostConstant* sizes = optional_constant(ctx, 3, "the sizes");
  if ((scales == nullptr) == (sizes == nullptr)) {
    ctx.invalid(std::string("give exactly one of scales and sizes, not ") +
                (scales ? "both" : "neither"));
  }
  if (scales) o.scales = scales->values;
  if (sizes) {
    for (const std::int64_t s : sizes->ints()) o.sizes.push_back(s);
  }
  if (o.coordinates == Opt::Coordinates::kTfCropAndResize) {
    const HostConstant* roi = optional_constant(ctx, 1, "the region of interest");
    if (!roi) ctx.invalid("tf_crop_and_resize needs the roi input");
    o.roi = roi->values;
  }
  const Tensor x = ctx.tensor(0);
  if (!is_float(x.dtype())) {
    ctx.unsupported(elem_type_name(ctx.value(0).elem_type()) + " input",
                    "Resize of float and float16 tensors");
  }
  return {Value::device(ops::resize(x, o), {}, ctx.value(0).elem_type())};
}

}  // namespace

void register_resize_ops(Registry& r) { r.add("Resize", 11, kMaxOpset, convert_resize); }

}  // namespace tartan::onnx
