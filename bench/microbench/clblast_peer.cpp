#include "clblast_peer.h"

#include <string>
#include <vector>

#include "tartan/runtime/buffer.h"
#include "tartan/runtime/event.h"
#include "tartan/support/error.h"

#ifdef TARTAN_HAVE_CLBLAST
#include <clblast_c.h>
#endif

namespace tartan::bench {

#ifdef TARTAN_HAVE_CLBLAST

bool clblast_available() { return true; }

double clblast_sgemm_seconds(runtime::Context& context, runtime::Queue& queue, std::size_t m,
                             std::size_t n, std::size_t k) {
  runtime::Buffer a(context, m * k * sizeof(float));
  runtime::Buffer b(context, k * n * sizeof(float));
  runtime::Buffer c(context, m * n * sizeof(float));
  const float one = 1.0f;
  a.fill(queue, one);
  b.fill(queue, one);
  cl_command_queue q = queue.get();
  double best = 0;
  for (int run = 0; run < 2; ++run) {  // the first call compiles CLBlast's kernels
    cl_event event = nullptr;
    const CLBlastStatusCode status =
        CLBlastSgemm(CLBlastLayoutRowMajor, CLBlastTransposeNo, CLBlastTransposeNo, m, n, k, 1.0f,
                     a.get(), 0, k, b.get(), 0, n, 0.0f, c.get(), 0, n, &q, &event);
    if (status != CLBlastSuccess) {
      throw Error("CLBlastSgemm failed with status " + std::to_string(status));
    }
    best = static_cast<double>(runtime::Event(event).duration_ns()) * 1e-9;
  }
  return best;
}

#else

bool clblast_available() { return false; }

double clblast_sgemm_seconds(runtime::Context&, runtime::Queue&, std::size_t, std::size_t,
                             std::size_t) {
  throw Error("this build has no CLBlast", "install libclblast-dev and rebuild");
}

#endif

}  // namespace tartan::bench
