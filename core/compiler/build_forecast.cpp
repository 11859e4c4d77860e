#include "compiler/build_forecast.h"

#include <spdlog/spdlog.h>

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
