// Helpers for the op library's tests: seeded randomness, running one op through the reference
// executor, and indexing for the hand-written loop implementations the ops are compared with.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "tartan/ir/builder.h"
#include "tartan/ops/window.h"
#include "tartan/reference/executor.h"
#include "tartan/reference/host_tensor.h"

namespace tartan::optest {

// Literals are stored as float32: the loops use the same rounded value.
inline double f32(double v) { return static_cast<double>(static_cast<float>(v)); }

// A tensor of NaNs: an element the loops forget to write fails the comparison.
inline HostTensor poisoned(const Shape& s) {
  return HostTensor(DType::kFloat32, s,
                    std::vector<double>(static_cast<std::size_t>(num_elements(s)),
                                        std::numeric_limits<double>::quiet_NaN()));
}

// Row-major flat offset of `idx` in `shape`.
inline std::size_t flat(const Shape& shape, const std::vector<std::int64_t>& idx) {
  std::int64_t off = 0;
  for (std::size_t d = 0; d < shape.size(); ++d) off = off * shape[d] + idx[d];
  return static_cast<std::size_t>(off);
}
inline double& at(HostTensor& t, const std::vector<std::int64_t>& idx) {
  return t.values[flat(t.shape, idx)];
}
inline double at(const HostTensor& t, const std::vector<std::int64_t>& idx) {
  return t.values[flat(t.shape, idx)];
}

// Output size and leading padding of one window axis, written from the Keras/TF docs.
struct Geometry {
  std::int64_t out, before;
};
inline Geometry geometry(std::int64_t in, std::int64_t k, std::int64_t s, std::int64_t d,
                         const ops::Padding& p, bool vertical) {
  const std::int64_t span = (k - 1) * d + 1;
  switch (p.kind) {
    case ops::Padding::Kind::kSame: {
      const std::int64_t out = (in + s - 1) / s;
      const std::int64_t total = std::max<std::int64_t>(0, (out - 1) * s + span - in);
      return {out, total / 2};
    }
    case ops::Padding::Kind::kExplicit: {
      const std::int64_t b = vertical ? p.top : p.left, a = vertical ? p.bottom : p.right;
      return {(in + b + a - span) / s + 1, b};
    }
    default:
      return {(in - span) / s + 1, 0};
  }
}

class OpTest : public ::testing::Test {
 protected:
  std::uint64_t seed_ = (std::uint64_t{std::random_device{}()} << 32) ^ std::random_device{}();
  std::mt19937_64 rng_{seed_};
  ::testing::ScopedTrace trace_{__FILE__, __LINE__, "random seed " + std::to_string(seed_)};

  std::int64_t uniform(std::int64_t lo, std::int64_t hi) {  // inclusive
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng_);
  }
  HostTensor random(const Shape& s, double lo = -1.0, double hi = 1.0, DType t = DType::kFloat32) {
    return random_tensor(t, s, rng_, lo, hi);
  }

  // Declares one program input per host tensor (x0, x1, ...), builds make(b, inputs) as the
  // only output and runs it through the reference executor.
  HostTensor run(const std::vector<HostTensor>& inputs,
                 const std::function<Tensor(Builder&, const std::vector<Tensor>&)>& make) {
    Builder b;
    std::vector<Tensor> xs;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      xs.push_back(b.input("x" + std::to_string(i), inputs[i].dtype, inputs[i].shape));
    }
    b.output(make(b, xs));
    const Program p = b.build();
    std::vector<HostTensor> outs = reference_run(p, inputs);
    EXPECT_EQ(outs.size(), 1u);
    return outs.empty() ? HostTensor() : outs[0];
  }

  // Applies the elementwise `op` to a random tensor with values in [lo, hi] and compares with
  // `formula` per element.
  void check_elementwise(const char* what, const std::function<Tensor(const Tensor&)>& op,
                         const std::function<double(double)>& formula, double lo = -8.0,
                         double hi = 8.0) {
    SCOPED_TRACE(what);
    const std::vector<HostTensor> in = {random({uniform(1, 3), uniform(1, 5)}, lo, hi)};
    const HostTensor got =
        run(in, [&](Builder&, const std::vector<Tensor>& t) { return op(t[0]); });
    HostTensor want = in[0];
    for (double& v : want.values) v = formula(v);
    expect_close(got, want, DType::kFloat32);
  }

  static void expect_close(const HostTensor& got, const HostTensor& want, DType dtype) {
    EXPECT_EQ(got.dtype, dtype);
    ASSERT_EQ(got.shape, want.shape);
    EXPECT_LT(relative_error(got, want), 1e-9);
  }
};

}  // namespace tartan::optest
