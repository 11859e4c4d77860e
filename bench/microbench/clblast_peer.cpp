#include "clblast_peer.h"

#include <dlfcn.h>

#include <chrono>
#include <string>

#include "tartan/runtime/buffer.h"
#include "tartan/runtime/cl_error.h"
#include "tartan/runtime/event.h"
#include "tartan/support/error.h"

namespace tartan::bench {

namespace {

// CLBlast's C entry point, loaded at run time so that the benchmark builds and runs where
// CLBlast is absent and uses it where it is (libclblast1 on Debian). The enum values are
// CLBlast's (CBLAS's): row-major 101, no transpose 111; status 0 is success.
using SgemmFn = int (*)(int layout, int a_transpose, int b_transpose, std::size_t m, std::size_t n,
                        std::size_t k, float alpha, cl_mem a, std::size_t a_offset,
                        std::size_t a_ld, cl_mem b, std::size_t b_offset, std::size_t b_ld,
                        float beta, cl_mem c, std::size_t c_offset, std::size_t c_ld,
                        cl_command_queue* queue, cl_event* event);
constexpr int kRowMajor = 101;
constexpr int kNoTranspose = 111;

SgemmFn load_sgemm() {
  static const SgemmFn fn = [] {
    void* lib = dlopen("libclblast.so.1", RTLD_NOW | RTLD_LOCAL);
    return lib ? reinterpret_cast<SgemmFn>(dlsym(lib, "CLBlastSgemm")) : nullptr;
  }();
  return fn;
}

}  // namespace

bool clblast_available() { return load_sgemm() != nullptr; }

ClblastSgemm::ClblastSgemm(runtime::Context& context, runtime::Queue& queue, std::size_t m,
                           std::size_t n, std::size_t k)
    : queue_(queue),
      m_(m),
      n_(n),
      k_(k),
      a_(context, m * k * sizeof(float)),
      b_(context, k * n * sizeof(float)),
      c_(context, m * n * sizeof(float)) {
  if (!load_sgemm()) throw Error("CLBlast is not installed", "install libclblast1 (Debian)");
  const float one = 1.0f;
  a_.fill(queue_, one);
  b_.fill(queue_, one);
  run();  // the first call compiles CLBlast's kernels
}

ClblastSgemm::Times ClblastSgemm::run() {
  cl_command_queue q = queue_.get();
  cl_event event = nullptr;
  queue_.finish();
  const auto start = std::chrono::steady_clock::now();
  const int status = load_sgemm()(kRowMajor, kNoTranspose, kNoTranspose, m_, n_, k_, 1.0f, a_.get(),
                                  0, k_, b_.get(), 0, n_, 0.0f, c_.get(), 0, n_, &q, &event);
  if (status != 0) throw Error("CLBlastSgemm failed with status " + std::to_string(status));
  queue_.finish();
  const std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
  return {static_cast<double>(runtime::Event(event).duration_ns()) * 1e-9, wall.count()};
}

}  // namespace tartan::bench
