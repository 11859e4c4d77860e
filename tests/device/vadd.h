// The vector-add kernel and a checked run of it: fresh random inputs, output poisoned with NaN,
// result compared bit-for-bit with a host loop (float addition is exactly rounded, so any
// difference is a real error).
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "tartan/runtime/buffer.h"
#include "tartan/runtime/program.h"

namespace tartan::testing {

inline constexpr const char* kVaddSource = R"CL(
__kernel void vadd(__global const float* a, __global const float* b, __global float* c,
                   const int n) {
  const int i = get_global_id(0);
  if (i < n) c[i] = a[i] + b[i];
}
)CL";

// Runs `vadd` from `program` over n elements; returns the kernel's event. Adds gtest failures
// for every wrong element (at most a few reported).
inline runtime::Event run_and_check_vadd(const runtime::Context& ctx, runtime::Queue& queue,
                                         const runtime::Program& program, int n = 1000,
                                         const std::string& kernel = "vadd") {
  std::mt19937 rng(std::random_device{}());
  std::uniform_real_distribution<float> dist(-100.0f, 100.0f);
  std::vector<float> a(n), b(n), c(n);
  for (int i = 0; i < n; ++i) {
    a[i] = dist(rng);
    b[i] = dist(rng);
  }
  const std::size_t bytes = n * sizeof(float);
  runtime::Buffer da(ctx, bytes, CL_MEM_READ_ONLY), db(ctx, bytes, CL_MEM_READ_ONLY),
      dc(ctx, bytes, CL_MEM_WRITE_ONLY);
  da.write(queue, std::span<const float>(a));
  db.write(queue, std::span<const float>(b));
  dc.fill(queue, std::numeric_limits<float>::quiet_NaN());

  runtime::Kernel k(program, kernel);
  k.set_arg(0, da);
  k.set_arg(1, db);
  k.set_arg(2, dc);
  k.set_arg(3, static_cast<cl_int>(n));
  const std::size_t local = 64;
  const std::size_t global = (static_cast<std::size_t>(n) + local - 1) / local * local;
  const bool use_local = k.max_work_group_size() >= local;
  runtime::Event e = k.launch(
      queue, std::span<const std::size_t>(&global, 1),
      use_local ? std::span<const std::size_t>(&local, 1) : std::span<const std::size_t>());
  dc.read(queue, std::span<float>(c));

  int wrong = 0;
  for (int i = 0; i < n; ++i) {
    const float want = a[i] + b[i];
    if (std::memcmp(&want, &c[i], sizeof want) != 0 && ++wrong <= 5) {
      ADD_FAILURE() << "c[" << i << "] = " << c[i] << ", expected " << a[i] << " + " << b[i]
                    << " = " << want;
    }
  }
  EXPECT_EQ(wrong, 0) << "wrong elements out of " << n;
  return e;
}

}  // namespace tartan::testing
