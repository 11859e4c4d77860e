// NASNetMobile and NASNetLarge (keras.applications.nasnet): NASNet-A normal and reduction
// cells. Each cell takes the previous two cell outputs (ip, p); _adjust_block brings p to ip's
// resolution and width first (a two-path factorised reduction, or a 1x1 projection).
#include <optional>
#include <string>

#include "correct_pad.h"
#include "image_input.h"
#include "keras_layers.h"
#include "tartan/networks/applications.h"

namespace tartan::networks {

namespace {

struct NasNetConfig {
  const char* keras_name;
  std::int64_t default_size;
  std::int64_t penultimate_filters;
  int num_blocks;
  std::int64_t stem_block_filters;
  bool skip_reduction;
};
constexpr std::int64_t kFilterMultiplier = 2;
const BatchNormSpec kBn{.epsilon = 1e-3};

Tensor relu(KerasModel& m, const Tensor& x, const std::string& name = {}) {
  return m.activation(x, Activation::kRelu, name);
}

Tensor conv1x1(KerasModel& m, const Tensor& x, std::int64_t filters, const std::string& name) {
  return m.conv2d(x, {.filters = filters, .padding = PaddingMode::kSame, .use_bias = false}, name);
}

Tensor pool_3x3(KerasModel& m, const Tensor& x, bool average, std::int64_t stride,
                const std::string& name) {
  const PoolSpec s{.pool_size = {3, 3},
                   .strides = {stride, stride},
                   .padding = stride == 1 ? PaddingMode::kSame : PaddingMode::kValid};
  return average ? m.avg_pool2d(x, s, name) : m.max_pool2d(x, s, name);
}

// Two [ReLU, separable convolution, BN]; a strided first one pads like correct_pad.
Tensor separable_block(KerasModel& m, const Tensor& ip, std::int64_t filters, std::int64_t kernel,
                       std::int64_t stride, const std::string& id) {
  Tensor x = relu(m, ip);
  PaddingMode padding = PaddingMode::kSame;
  if (stride == 2) {
    x = m.zero_padding2d(x, correct_pad(x, kernel), "separable_conv_1_pad_" + id);
    padding = PaddingMode::kValid;
  }
  x = m.separable_conv2d(x,
                         {.filters = filters,
                          .kernel = {kernel, kernel},
                          .strides = {stride, stride},
                          .padding = padding,
                          .use_bias = false},
                         "separable_conv_1_" + id);
  x = m.batch_norm(x, kBn, "separable_conv_1_bn_" + id);
  x = relu(m, x);
  x = m.separable_conv2d(x,
                         {.filters = filters,
                          .kernel = {kernel, kernel},
                          .padding = PaddingMode::kSame,
                          .use_bias = false},
                         "separable_conv_2_" + id);
  return m.batch_norm(x, kBn, "separable_conv_2_bn_" + id);
}

Tensor adjust_block(KerasModel& m, const std::optional<Tensor>& p_in, const Tensor& ip,
                    std::int64_t filters, const std::string& id) {
  if (!p_in) return ip;
  Tensor p = *p_in;
  if (p.shape()[2] != ip.shape()[2]) {
    p = relu(m, p, "adjust_relu_1_" + id);
    const PoolSpec one_by_one_s2{.pool_size = {1, 1}, .strides = {2, 2}};
    Tensor p1 = m.avg_pool2d(p, one_by_one_s2, "adjust_avg_pool_1_" + id);
    p1 = conv1x1(m, p1, filters / 2, "adjust_conv_1_" + id);
    // The second path samples the odd positions: shift by one row and column.
    Tensor p2 = m.zero_padding2d(p, {0, 1, 0, 1});
    p2 = m.cropping2d(p2, {1, 0, 1, 0});
    p2 = m.avg_pool2d(p2, one_by_one_s2, "adjust_avg_pool_2_" + id);
    p2 = conv1x1(m, p2, filters / 2, "adjust_conv_2_" + id);
    p = m.concatenate({p1, p2});
    return m.batch_norm(p, kBn, "adjust_bn_" + id);
  }
  if (p.shape().back() != filters) {
    p = relu(m, p);
    p = conv1x1(m, p, filters, "adjust_conv_projection_" + id);
    return m.batch_norm(p, kBn, "adjust_bn_" + id);
  }
  return p;
}

struct CellOutput {
  Tensor x, p;
};

CellOutput normal_cell(KerasModel& m, const Tensor& ip, const std::optional<Tensor>& p_in,
                       std::int64_t filters, const std::string& id) {
  const Tensor p = adjust_block(m, p_in, ip, filters, id);
  Tensor h = relu(m, ip);
  h = conv1x1(m, h, filters, "normal_conv_1_" + id);
  h = m.batch_norm(h, kBn, "normal_bn_1_" + id);

  const Tensor x1_1 = separable_block(m, h, filters, 5, 1, "normal_left1_" + id);
  const Tensor x1_2 = separable_block(m, p, filters, 3, 1, "normal_right1_" + id);
  const Tensor x1 = m.add({x1_1, x1_2}, "normal_add_1_" + id);

  const Tensor x2_1 = separable_block(m, p, filters, 5, 1, "normal_left2_" + id);
  const Tensor x2_2 = separable_block(m, p, filters, 3, 1, "normal_right2_" + id);
  const Tensor x2 = m.add({x2_1, x2_2}, "normal_add_2_" + id);

  Tensor x3 = pool_3x3(m, h, true, 1, "normal_left3_" + id);
  x3 = m.add({x3, p}, "normal_add_3_" + id);

  const Tensor x4_1 = pool_3x3(m, p, true, 1, "normal_left4_" + id);
  const Tensor x4_2 = pool_3x3(m, p, true, 1, "normal_right4_" + id);
  const Tensor x4 = m.add({x4_1, x4_2}, "normal_add_4_" + id);

  Tensor x5 = separable_block(m, h, filters, 3, 1, "normal_left5_" + id);
  x5 = m.add({x5, h}, "normal_add_5_" + id);

  return {m.concatenate({p, x1, x2, x3, x4, x5}, "normal_concat_" + id), ip};
}

CellOutput reduction_cell(KerasModel& m, const Tensor& ip, const std::optional<Tensor>& p_in,
                          std::int64_t filters, const std::string& id) {
  const Tensor p = adjust_block(m, p_in, ip, filters, id);
  Tensor h = relu(m, ip);
  h = conv1x1(m, h, filters, "reduction_conv_1_" + id);
  h = m.batch_norm(h, kBn, "reduction_bn_1_" + id);
  const Tensor h3 = m.zero_padding2d(h, correct_pad(h, 3), "reduction_pad_1_" + id);

  const Tensor x1_1 = separable_block(m, h, filters, 5, 2, "reduction_left1_" + id);
  const Tensor x1_2 = separable_block(m, p, filters, 7, 2, "reduction_right1_" + id);
  const Tensor x1 = m.add({x1_1, x1_2}, "reduction_add_1_" + id);

  const Tensor x2_1 = pool_3x3(m, h3, false, 2, "reduction_left2_" + id);
  const Tensor x2_2 = separable_block(m, p, filters, 7, 2, "reduction_right2_" + id);
  const Tensor x2 = m.add({x2_1, x2_2}, "reduction_add_2_" + id);

  const Tensor x3_1 = pool_3x3(m, h3, true, 2, "reduction_left3_" + id);
  const Tensor x3_2 = separable_block(m, p, filters, 5, 2, "reduction_right3_" + id);
  const Tensor x3 = m.add({x3_1, x3_2}, "reduction_add3_" + id);

  Tensor x4 = pool_3x3(m, x1, true, 1, "reduction_left4_" + id);
  x4 = m.add({x2, x4});

  const Tensor x5_1 = separable_block(m, x1, filters, 3, 1, "reduction_left4_" + id);
  const Tensor x5_2 = pool_3x3(m, h3, false, 2, "reduction_right5_" + id);
  const Tensor x5 = m.add({x5_1, x5_2}, "reduction_add4_" + id);

  return {m.concatenate({x2, x3, x4, x5}, "reduction_concat_" + id), ip};
}

BuiltNetwork nasnet(const NasNetConfig& c, const NetworkOptions& options, WeightSource& weights) {
  const std::int64_t size = image_size(options, {c.keras_name, c.default_size, 32});
  constexpr std::int64_t fm = kFilterMultiplier;
  const std::int64_t filters = c.penultimate_filters / 24;
  KerasModel m(weights);
  Tensor x = m.input(DType::kFloat32, {options.batch, size, size, 3});
  x = m.conv2d(
      x, {.filters = c.stem_block_filters, .kernel = {3, 3}, .strides = {2, 2}, .use_bias = false},
      "stem_conv1");
  x = m.batch_norm(x, kBn, "stem_bn1");

  CellOutput cell = reduction_cell(m, x, std::nullopt, filters / (fm * fm), "stem_1");
  cell = reduction_cell(m, cell.x, cell.p, filters / fm, "stem_2");
  const int n = c.num_blocks;
  for (int i = 0; i < n; ++i) {
    cell = normal_cell(m, cell.x, cell.p, filters, std::to_string(i));
  }
  // With skip_reduction (NASNetLarge) the cells after a reduction keep the p of the cell
  // before it.
  CellOutput reduced =
      reduction_cell(m, cell.x, cell.p, filters * fm, "reduce_" + std::to_string(n));
  cell = {reduced.x, c.skip_reduction ? cell.p : reduced.p};
  for (int i = 0; i < n; ++i) {
    cell = normal_cell(m, cell.x, cell.p, filters * fm, std::to_string(n + i + 1));
  }
  reduced = reduction_cell(m, cell.x, cell.p, filters * fm * fm, "reduce_" + std::to_string(2 * n));
  cell = {reduced.x, c.skip_reduction ? cell.p : reduced.p};
  for (int i = 0; i < n; ++i) {
    cell = normal_cell(m, cell.x, cell.p, filters * fm * fm, std::to_string(2 * n + i + 1));
  }

  x = relu(m, cell.x);
  x = m.global_avg_pool2d(x, false);
  x = m.dense(x, 1000, Activation::kSoftmax, "predictions");
  return m.finish(x, options);
}

}  // namespace

BuiltNetwork nasnet_mobile(const NetworkOptions& options, WeightSource& weights) {
  return nasnet({"NASNetMobile", 224, 1056, 4, 32, false}, options, weights);
}

BuiltNetwork nasnet_large(const NetworkOptions& options, WeightSource& weights) {
  return nasnet({"NASNetLarge", 331, 4032, 6, 96, true}, options, weights);
}

}  // namespace tartan::networks
