// Whether a compile will find its programs in the kernel cache, known before its kernels are:
// compile() starts its build workers before the passes only when the cache looks cold, because a
// worker's device start-up (~0.5 s on NVIDIA) runs beside the passes, context and codegen of a
// cold compile, but would only slow a warm one (~0.15 s in all), whose context creation it
// competes with.
//
// The forecast is a list, per program fingerprint (the graph's structure, the device and the
// build options: no constant values, which some kernels embed), of the cache entries its last
// compile used: warm when that list exists and every entry in it does. A wrong forecast costs
// only time (workers started for nothing, or started after codegen as without a forecast).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tartan/ir/program.h"
#include "tartan/runtime/device.h"
#include "tartan/runtime/kernel_cache.h"

namespace tartan {

class BuildForecast {
 public:
  BuildForecast(const Program& program, const runtime::DeviceInfo& device,
                const std::string& options, const runtime::KernelCache& cache);

  // No record of this program's entries, or one of them is gone.
  bool cold() const { return cold_; }
  // Records the entries `programs` use, for the next compile (only where the forecast was cold:
  // a warm one's record holds already). Best effort: an unwritable folder records nothing.
  void remember(const runtime::DeviceInfo& device, const std::string& options,
                const std::vector<runtime::KernelCache::Source>& programs) const;

 private:
  const runtime::KernelCache& cache_;
  std::filesystem::path record_;  // empty: the cache is off
  bool cold_ = true;
};

}  // namespace tartan
