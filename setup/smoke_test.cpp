#include "smoke_test.h"

#include <chrono>
#include <cmath>
#include <random>

#include "tartan/compiler.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/conv.h"
#include "tartan/ops/dense.h"
#include "tartan/reference/executor.h"
#include "tartan/support/error.h"

namespace tartan::setup {
namespace {

struct SmokeCase {
  std::string name;
  Program program;
};

// Shapes that are not multiples of common tile sizes, so edge handling is exercised too.
SmokeCase matmul_case() {
  Builder b;
  const Tensor a = b.input("A", DType::kFloat32, {64, 80});
  const Tensor w = b.input("B", DType::kFloat32, {80, 48});
  b.output(ops::matmul(a, w));
  return {"matmul 64x80 * 80x48", b.build()};
}

SmokeCase conv_case() {
  Builder b;
  const Tensor x = b.input("X", DType::kFloat32, {1, 9, 9, 5});
  const Tensor k = b.input("K", DType::kFloat32, {3, 3, 5, 7});
  ops::Conv2DOptions options;
  options.padding = ops::Padding::same();
  b.output(ops::conv2d(x, k, std::nullopt, options));
  return {"conv2d 1x9x9x5 * 3x3x5x7, same padding", b.build()};
}

SmokeCheck run_case(const SmokeCase& c, const runtime::Device& device, std::mt19937_64& rng) {
  SmokeCheck check;
  check.name = c.name;
  try {
    std::vector<HostTensor> inputs;
    for (TensorId id : c.program.inputs()) {
      const TensorInfo& t = c.program.tensor(id);
      inputs.push_back(random_tensor(t.dtype, t.shape, rng));
    }
    const auto start = std::chrono::steady_clock::now();
    Executable exe = compile(c.program, device);
    check.compile_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    check.cached = exe.stats().cache_hit;
    RunOptions run_options;
    run_options.poison = true;  // a kernel that skips an output leaves NaN, which fails
    const std::vector<HostTensor> got = exe.run(inputs, run_options);
    const std::vector<HostTensor> want = reference_run(c.program, inputs);
    if (got.size() != want.size()) {
      check.failure = "the device returned " + std::to_string(got.size()) + " outputs, expected " +
                      std::to_string(want.size());
      return check;
    }
    check.relative_error = 0;
    for (std::size_t i = 0; i < got.size(); ++i) {
      check.relative_error = std::max(check.relative_error, relative_error(got[i], want[i]));
    }
    // `!(x < tol)` so that NaN fails.
    check.passed = check.relative_error < kSmokeTolerance;
    if (!check.passed) {
      check.failure = "wrong results: relative error " + std::to_string(check.relative_error) +
                      " (tolerance " + std::to_string(kSmokeTolerance) + ")";
    }
  } catch (const Error& e) {
    check.failure = e.what();
    if (!e.hint().empty()) check.failure += "\nhint: " + e.hint();
  } catch (const std::exception& e) {
    // A bug in tartan rather than the device; still a failed check, not a crash.
    check.failure = std::string("internal error: ") + e.what();
  }
  return check;
}

}  // namespace

std::vector<SmokeCheck> run_smoke_test(const runtime::Device& device,
                                       const std::function<void(const SmokeCheck&)>& on_check) {
  std::mt19937_64 rng(std::random_device{}());  // fresh inputs every run
  std::vector<SmokeCase> cases;
  cases.push_back(matmul_case());
  cases.push_back(conv_case());
  std::vector<SmokeCheck> checks;
  for (const SmokeCase& c : cases) {
    checks.push_back(run_case(c, device, rng));
    if (on_check) on_check(checks.back());
  }
  return checks;
}

}  // namespace tartan::setup
