#include "tartan/runtime/event.h"

#include "tartan/runtime/cl_error.h"
#include "tartan/support/error.h"

namespace tartan::runtime {
namespace {

std::uint64_t profiling_value(cl_event e, cl_profiling_info param) {
  cl_ulong v = 0;
  TARTAN_CL_CALL(clGetEventProfilingInfo, e, param, sizeof v, &v, nullptr);
  return v;
}

}  // namespace

void Event::wait() const {
  TARTAN_CHECK(handle_, "waiting on an empty Event");
  const cl_event e = handle_.get();
  TARTAN_CL_CALL(clWaitForEvents, 1, &e);
}

ProfilingTimes Event::profile() const {
  wait();
  const cl_event e = handle_.get();
  return ProfilingTimes{profiling_value(e, CL_PROFILING_COMMAND_QUEUED),
                        profiling_value(e, CL_PROFILING_COMMAND_SUBMIT),
                        profiling_value(e, CL_PROFILING_COMMAND_START),
                        profiling_value(e, CL_PROFILING_COMMAND_END)};
}

}  // namespace tartan::runtime
