#include "tartan/support/env.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace tartan {
namespace {

constexpr EnvironmentVariable kVariables[] = {
    {"TARTAN_CONFIG",
     "The user config file to read instead of $XDG_CONFIG_HOME/tartan/config.yaml "
     "(~/.config/tartan/config.yaml), else /etc/tartan/config.yaml.",
     "core/support/config.cpp"},
    {"TARTAN_DEVICE",
     "The device to use, by the id `tartan-setup --list` shows; overrides the config's `device`.",
     "core/support/config.cpp"},
    {"TARTAN_EXPERIMENTAL",
     "1 (or true, yes, on) allows devices of the experimental tier, 0 forbids them; overrides "
     "the config's `experimental`.",
     "core/support/config.cpp"},
    {"TARTAN_PROFILES_DIR",
     "A folder of device profiles (configs/devices) to use instead of the installed ones.",
     "core/schedule/device_profile.cpp"},
    {"TARTAN_NO_KERNEL_CACHE",
     "1: build every kernel from source, reading and writing no kernel binary cache.",
     "core/runtime/kernel_cache.cpp"},
    {"TARTAN_DUMP_KERNELS",
     "A folder to write every generated kernel to (program.cl and one file per kernel); "
     "CompileOptions::dump_kernels_dir wins when set.",
     "core/compiler/compile_config.cpp"},
    {"TARTAN_WINOGRAD",
     "1 or 0: Winograd F(2x2, 3x3) convolutions on or off whatever the device profile says "
     "(its thresholds kept).",
     "core/compiler/compile_config.cpp"},
    {"TARTAN_CHECK_PASSES", "1: re-check the program after every graph pass, not only the last.",
     "core/compiler/compile_config.cpp"},
    {"TARTAN_BUILD_OPTIONS",
     "OpenCL build options appended to tartan's (to try a driver's flags without a rebuild).",
     "core/compiler/compile_config.cpp"},
    {"TARTAN_PROGRAMS",
     "one or per-kernel: all kernels in one OpenCL program, or a program each; unset, the device "
     "profile's one_program decides.",
     "core/compiler/compile_config.cpp"},
    {"TARTAN_BUILD_THREADS",
     "Host threads that build or load programs at once (at least 1); unset, the profile's "
     "build_threads (0: one per hardware thread).",
     "core/compiler/compile_config.cpp"},
    {"TARTAN_BUILD_PROCESSES",
     "Worker processes that build the programs missing from the kernel cache (0: none); unset, "
     "the profile's build_processes.",
     "core/compiler/compile_config.cpp"},
    {"TARTAN_WORKER_SPAWN",
     "early or late: start the build workers before the graph passes or once the missing "
     "programs are known; unset, early when the kernel cache looks cold.",
     "core/compiler/compile_config.cpp"},
    {"TARTAN_BUILD_SPLIT",
     "estimate or length: share the builds among the workers by estimated build seconds "
     "(default) or by source length.",
     "core/compiler/compile_config.cpp"},
    {"TARTAN_BUILD_WORKER",
     "The tartan-build-worker executable to start (default: the one beside the running "
     "program, else the installed one).",
     "core/runtime/build_workers.cpp"},
    {"TARTAN_BUILD_WORKER_TIMEOUT",
     "Seconds a build worker may take to start before the compile builds its share itself.",
     "core/runtime/build_workers.cpp"},
};

}  // namespace

std::span<const EnvironmentVariable> tartan_environment_variables() { return kVariables; }

std::optional<std::string> env_string(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return std::nullopt;
  return std::string(v);
}

bool env_flag(const char* name) {
  std::optional<std::string> v = env_string(name);
  if (!v) return false;
  std::string s = *v;
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s == "1" || s == "true" || s == "yes" || s == "on";
}

}  // namespace tartan
