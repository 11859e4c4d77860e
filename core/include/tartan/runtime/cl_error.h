// Checked OpenCL calls: every failure becomes an OpenCLError that names the call, the status by
// name and, when there is one, the kernel.
//
//   TARTAN_CL_CALL(clFinish, queue);                       // call name taken from the macro
//   cl_check(clSetKernelArg(k, i, n, p), "clSetKernelArg", kernel_name);
#pragma once

#include <string>
#include <string_view>

#include "tartan/runtime/cl.h"
#include "tartan/support/error.h"

namespace tartan::runtime {

// "CL_OUT_OF_RESOURCES" for -5; "CL_UNKNOWN_STATUS(-1234)" for codes no spec defines.
std::string cl_status_name(cl_int status);

class OpenCLError : public Error {
 public:
  // `hint` empty: the usual advice for `status`.
  OpenCLError(std::string call, cl_int status, std::string kernel, std::string details,
              std::string hint = {});

  const std::string& call() const { return call_; }
  cl_int status() const { return status_; }
  const std::string& kernel() const { return kernel_; }

 private:
  std::string call_;
  cl_int status_;
  std::string kernel_;
};

// Throws OpenCLError; `details` is appended on its own lines (sizes, build log, ...).
[[noreturn]] void throw_cl_error(cl_int status, std::string_view call, std::string_view kernel,
                                 std::string_view details);

inline void cl_check(cl_int status, std::string_view call, std::string_view kernel = {},
                     std::string_view details = {}) {
  if (status != CL_SUCCESS) [[unlikely]] {
    throw_cl_error(status, call, kernel, details);
  }
}

}  // namespace tartan::runtime

#define TARTAN_CL_CALL(fn, ...) ::tartan::runtime::cl_check(fn(__VA_ARGS__), #fn)
