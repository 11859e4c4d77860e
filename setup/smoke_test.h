// The smoke test: does the whole compiler work on this device? A matrix product and a small
// convolution are built with the op library, compiled for the device, run with poisoned
// outputs and compared with the float64 reference executor.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "tartan/runtime/device.h"

namespace tartan::setup {

struct SmokeCheck {
  std::string name;  // "matmul 64x80 * 80x48"
  bool passed = false;
  double relative_error = 0;
  double compile_seconds = 0;
  bool cached = false;  // the kernels came from the kernel cache
  std::string failure;  // what went wrong (OpenCL call and status, build log), when failed
};

constexpr double kSmokeTolerance = 1e-4;

// Runs every check (a failing one does not stop the others); `on_check` sees each result as it
// comes, so a slow device shows progress.
std::vector<SmokeCheck> run_smoke_test(const runtime::Device& device,
                                       const std::function<void(const SmokeCheck&)>& on_check);

}  // namespace tartan::setup
