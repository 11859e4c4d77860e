// The persistent tuning cache: the measured best plan of each kernel on each device.
//
// One JSON record per key in `$XDG_CACHE_HOME/tartan/tuning/<key hash>.json`, written
// atomically. The key is the canonical kernel (schedule/kernel_key.h: its statements, shapes and
// dtypes with the tensors renamed by position; no generated code, so codegen changes keep the
// records) plus the device's id and name and the driver version, so a
// driver update re-tunes. Records are checked on load: every field within its bounds
// (schedule/plan_fields.h), a digest over the record matching (an edited or damaged file is
// seen), and, by compile(), the plan fitting the device and being one the scheduler would
// produce for the kernel (schedule/record_check.h). A record that fails is reported once on
// stderr, naming the file and the field, and ignored (and overwritten by the next tuning run).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "tartan/runtime/device.h"
#include "tartan/schedule/plan.h"
#include "tartan/support/hash.h"

namespace tartan {

struct TuningRecord {
  KernelPlan plan;
  double time_ms = 0;        // the winner's device time
  double plain_time_ms = 0;  // the plain plan's, for comparison
  std::string device;        // device name and driver, for people reading the file
};

struct TuningKey {
  Hash128 hash;
  static TuningKey make(std::string_view canonical_kernel, const runtime::DeviceInfo& device);
};

class TuningCache {
 public:
  explicit TuningCache(std::filesystem::path dir) : dir_(std::move(dir)) {}
  static TuningCache from_environment();  // cache_dir()/tuning

  // nullopt when there is no record, or an unusable one (reported).
  std::optional<TuningRecord> load(const TuningKey& key) const;
  // Warns that the record of `key` is not used and why: once per file, problem and process,
  // however many compiles look it up.
  void report_unusable(const TuningKey& key, const std::string& why) const;
  void store(const TuningKey& key, const TuningRecord& record) const;
  std::filesystem::path path(const TuningKey& key) const;

 private:
  std::filesystem::path dir_;
};

// The record as JSON text and back (nullopt, with the reason in `why`, when malformed).
std::string encode_tuning_record(const TuningRecord& record);
std::optional<TuningRecord> decode_tuning_record(const std::string& text, std::string* why);

}  // namespace tartan
