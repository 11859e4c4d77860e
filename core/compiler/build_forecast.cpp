#include "compiler/build_forecast.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>
#include <sstream>
#include <variant>

#include "tartan/support/error.h"
#include "tartan/support/file_io.h"
#include "tartan/support/hash.h"

namespace tartan {
namespace {

// The graph's structure: every tensor's name, type, shape and kind, each op's kind, the inputs
// and outputs. Cheap (no constant data), so it costs a warm compile nothing measurable.
Hash128 fingerprint(const Program& program, const runtime::DeviceInfo& device,
                    const std::string& options) {
  FieldHasher h;
  h.add("tartan build forecast 1").add(device.id).add(device.driver_version).add(options);
  for (const TensorInfo& t : program.tensors()) {
    h.add(t.name).add(dtype_name(t.dtype)).add(shape_str(t.shape));
    h.add(std::to_string(static_cast<int>(t.kind)));
  }
  for (const Op& op : program.ops()) h.add(std::to_string(op.index()));
  for (TensorId id : program.inputs()) h.add(std::to_string(id));
  for (TensorId id : program.outputs()) h.add(std::to_string(id));
  return h.finish();
}

// A cache entry's file name as KernelCache::entry_path writes it: 32 hex digits and ".bin" (so a
// damaged record names no path outside the cache).
bool is_entry_name(const std::string& line) {
  return line.size() == 36 && line.ends_with(".bin") &&
         std::all_of(line.begin(), line.end() - 4,
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

BuildForecast::BuildForecast(const Program& program, const runtime::DeviceInfo& device,
                             const std::string& options, const runtime::KernelCache& cache)
    : cache_(cache) {
  if (!cache.enabled()) return;
  record_ = cache.dir() / "forecast" / (fingerprint(program, device, options).hex() + ".txt");
  const std::optional<std::string> text = read_file(record_);
  if (!text) return;
  std::istringstream lines(*text);
  std::error_code ec;
  for (std::string entry; std::getline(lines, entry);) {
    if (!is_entry_name(entry)) {
      // Outside data like any cached file: a damaged record is a cold forecast, said once.
      std::cerr << "tartan: warning: ignoring the build forecast " << record_.string() << ": line '"
                << entry.substr(0, 80) << "' is not a kernel cache entry name\n";
      return;
    }
    if (!std::filesystem::exists(cache.dir() / entry, ec)) return;
  }
  cold_ = false;
}

void BuildForecast::remember(const runtime::DeviceInfo& device, const std::string& options,
                             const std::vector<runtime::KernelCache::Source>& programs) const {
  if (record_.empty() || !cold_) return;
  std::string text;
  for (const runtime::KernelCache::Source& p : programs) {
    text +=
        cache_.entry_path(runtime::CacheKey::make(device, options, p.text)).filename().string() +
        "\n";
  }
  try {
    std::error_code ec;
    std::filesystem::create_directories(record_.parent_path(), ec);
    write_file_atomic(record_, text);
  } catch (const Error& e) {
    spdlog::debug("build forecast not recorded: {}", e.what());
  }
}

}  // namespace tartan
