#include "common/op_programs.h"

#include "tartan/ir/builder.h"
#include "tartan/ops/conv.h"
#include "tartan/ops/dense.h"
#include "tartan/support/error.h"

namespace tartan::bench {

namespace {

// plaidbench's Conv2d(ci, h, w, co, i, j): [batch, h, w, ci] * [i, j, ci, co], valid padding.
OpBenchmark conv(const std::string& name, std::int64_t batch, std::int64_t ci, std::int64_t h,
                 std::int64_t w, std::int64_t co, std::int64_t kh, std::int64_t kw,
                 ops::Padding padding = ops::Padding::valid()) {
  Builder b;
  const Tensor x = b.input("I", DType::kFloat32, {batch, h, w, ci});
  const Tensor k = b.input("K", DType::kFloat32, {kh, kw, ci, co});
  const Tensor y = ops::conv2d(x, k, {}, {.padding = padding});
  b.output(y);
  const Shape out = y.shape();
  OpBenchmark bm{name, b.build(), 2.0 * static_cast<double>(num_elements(out) * kh * kw * ci)};
  if (kh == 1 && kw == 1) {
    bm.gemm_m = static_cast<std::size_t>(batch * h * w);
    bm.gemm_n = static_cast<std::size_t>(co);
    bm.gemm_k = static_cast<std::size_t>(ci);
  }
  return bm;
}

OpBenchmark depthwise(const std::string& name, std::int64_t batch, std::int64_t hw,
                      std::int64_t c) {
  Builder b;
  const Tensor x = b.input("I", DType::kFloat32, {batch, hw, hw, c});
  const Tensor k = b.input("K", DType::kFloat32, {3, 3, c, 1});
  const Tensor y = ops::depthwise_conv2d(x, k, {}, {.padding = ops::Padding::same()});
  b.output(y);
  const double flops = 2.0 * 9 * static_cast<double>(num_elements(y.shape()));
  return {name, b.build(), flops};
}

// plaidbench's Dense(i, j, k): [i, j] * [j, k].
OpBenchmark matmul(const std::string& name, std::int64_t m, std::int64_t k, std::int64_t n) {
  Builder b;
  const Tensor a = b.input("A", DType::kFloat32, {m, k});
  const Tensor w = b.input("B", DType::kFloat32, {k, n});
  b.output(ops::matmul(a, w));
  OpBenchmark bm{name, b.build(), 2.0 * static_cast<double>(m * n * k)};
  bm.gemm_m = static_cast<std::size_t>(m);
  bm.gemm_n = static_cast<std::size_t>(n);
  bm.gemm_k = static_cast<std::size_t>(k);
  return bm;
}

}  // namespace

std::vector<std::string> op_benchmark_names() {
  return {"sgemm_1024",          "sgemm_4096",           "conv2d_odd_sml",    "conv2d_odd_med",
          "conv2d_resnet50_med", "conv2d_vgg_lrg",       "dense_odd_sml",     "dense_odd_med",
          "dense_odd_lrg",       "depthwise3x3_b1",      "depthwise3x3_b64",  "pointwise1x1_b1",
          "pointwise1x1_b64",    "pointwise1x1_512_b64", "conv2d_same3x3_b16"};
}

OpBenchmark make_op_benchmark(const std::string& name) {
  if (name == "sgemm_1024") return matmul(name, 1024, 1024, 1024);
  if (name == "sgemm_4096") return matmul(name, 4096, 4096, 4096);
  if (name == "conv2d_odd_sml") return conv(name, 1, 16, 57, 57, 34, 3, 2);
  if (name == "conv2d_odd_med") return conv(name, 1, 133, 16, 16, 266, 4, 4);
  if (name == "conv2d_resnet50_med") return conv(name, 1, 256, 14, 14, 1024, 1, 1);
  if (name == "conv2d_vgg_lrg") return conv(name, 1, 128, 122, 122, 128, 3, 3);
  if (name == "dense_odd_sml") return matmul(name, 122, 98, 179);
  if (name == "dense_odd_med") return matmul(name, 110, 512, 313);
  if (name == "dense_odd_lrg") return matmul(name, 333, 455, 633);
  if (name == "depthwise3x3_b1") return depthwise(name, 1, 112, 64);
  if (name == "depthwise3x3_b64") return depthwise(name, 64, 112, 64);
  if (name == "pointwise1x1_b1") return conv(name, 1, 128, 56, 56, 128, 1, 1);
  if (name == "pointwise1x1_b64") return conv(name, 64, 128, 56, 56, 128, 1, 1);
  // MobileNet's five 14x14x512 -> 512 pointwise convolutions at batch 64.
  if (name == "pointwise1x1_512_b64") return conv(name, 64, 512, 14, 14, 512, 1, 1);
  // A VGG-style same-padded 3x3 convolution: the implicit GEMM's padded (bounds-checked) loads.
  if (name == "conv2d_same3x3_b16") {
    return conv(name, 16, 256, 56, 56, 256, 3, 3, ops::Padding::same());
  }
  std::string known;
  for (const std::string& n : op_benchmark_names()) known += (known.empty() ? "" : ", ") + n;
  throw Error("unknown op benchmark `" + name + "`", "known ops: " + known);
}

}  // namespace tartan::bench
