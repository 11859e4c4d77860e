// The environment to hand a child process (posix_spawn's envp).
#pragma once

#include <string>
#include <vector>

namespace tartan {

// The current environment ("NAME=value" strings: setenv, putenv and unsetenv since start are
// respected), except that a variable whose string is still the one this process started with but
// was overwritten in place since is passed as it was at start. Why: OpenCL's ICD loader
// (ocl-icd) splits its colon lists (OCL_ICD_FILENAMES, OPENCL_LAYERS) by writing NULs into the
// environment string itself, so after the first OpenCL call `environ` says
// OCL_ICD_FILENAMES=libpocl.so.2 where the process was given libpocl.so.2:libnvidia-opencl.so.1,
// and a child would load PoCL only (H200 machine, results/perf-notes.md S5-compile). The starting
// strings are copied during static initialisation, before main and any OpenCL call.
std::vector<std::string> child_environment();

}  // namespace tartan
