// Persistent cache of compiled kernel binaries, so the second start of a network compiles
// nothing.
//
// Entries live in `$XDG_CACHE_HOME/tartan/kernels/<key hash>.bin` and are keyed by everything
// that can change the binary: device name and vendor, driver version, OpenCL version, build
// options and the source text. An entry is a header (magic, format version, the key fields,
// payload length and checksum) followed by the driver's binary; anything that does not verify
// (truncated, corrupt, another device's or another format's entry) is deleted and rebuilt from
// source. Writes are atomic. TARTAN_NO_KERNEL_CACHE=1 disables the cache; an unwritable cache
// directory gives one warning and the cache keeps working without persistence.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tartan/runtime/context.h"
#include "tartan/runtime/program.h"
#include "tartan/support/hash.h"

namespace tartan::runtime {

class BuildWorkers;

struct CacheKey {
  std::string device_name;
  std::string device_vendor;
  std::string driver_version;
  std::string opencl_version;
  std::string options;
  Hash128 source_hash;

  static CacheKey make(const DeviceInfo& device, std::string_view options, std::string_view source);
  Hash128 hash() const;  // names the entry's file
  friend bool operator==(const CacheKey&, const CacheKey&) = default;
};

// The on-disk entry format, exposed for tests.
std::string encode_cache_entry(const CacheKey& key, std::string_view binary);
// The binary if `bytes` is a complete, intact entry for exactly `expected`; otherwise nullopt
// and, if `why` is given, the reason.
std::optional<std::string> decode_cache_entry(std::string_view bytes, const CacheKey& expected,
                                              std::string* why = nullptr);

struct KernelCacheStats {
  std::uint64_t hits = 0;           // built from a cached binary
  std::uint64_t misses = 0;         // no usable entry (enabled cache only)
  std::uint64_t source_builds = 0;  // compiled from source
  std::uint64_t rejected = 0;       // entries found invalid, deleted and rebuilt
  std::uint64_t stores = 0;         // entries written
  std::uint64_t store_failures = 0;
  std::uint64_t worker_builds = 0;     // loaded from entries that build_all's workers just built
  std::uint64_t worker_processes = 0;  // tartan-build-worker processes build_all ran
  double worker_ready_seconds = 0;     // the slowest worker's start-up (device and context)
  double worker_seconds = 0;           // the slowest worker's whole run
};

class KernelCache {
 public:
  // Caches under `dir` (created on first store); an empty path disables the cache.
  explicit KernelCache(std::filesystem::path dir);
  // `cache_dir()/kernels`, or disabled when TARTAN_NO_KERNEL_CACHE is set.
  static KernelCache from_environment();

  // A built program for `source`: from a valid cache entry if there is one, else compiled (and
  // stored). Build errors are those of Program::from_source.
  Program build(const Context& context, std::string_view source, const std::string& options,
                std::string_view name);

  // One program per source, in the order of `sources`, each built as build() does, on up to
  // `threads` host threads at once (0: one per hardware thread; drivers build different
  // programs concurrently). If builds fail, throws the failure of the first failing source in
  // `sources` order (with its build log), after every thread has finished. With `processes` > 0
  // (and the cache enabled), the sources missing from the cache are first built by up to that
  // many tartan-build-worker processes into it (runtime/build_workers.h), while this process
  // builds a share of them itself: for drivers that build one program at a time per process.
  // `started`, if given, are workers the caller started earlier for these options and this
  // cache (they then replace `processes`); build_all gives them their jobs, or none.
  // The sources are split among this process and the workers largest first onto the builder
  // that would finish it first: by estimated build seconds (`cost`) where given, a worker's
  // start-up counted (this process is ready now), else by length, every builder alike.
  struct Source {
    std::string_view text;
    std::string name;
    double cost = 0;  // estimated build seconds; 0: none
  };
  std::vector<Program> build_all(const Context& context, const std::vector<Source>& sources,
                                 const std::string& options, int threads = 0, int processes = 0,
                                 BuildWorkers* started = nullptr);
  // The number of threads build_all(sources of `count`, threads) uses.
  static int build_threads(std::size_t count, int threads);

  bool enabled() const { return !dir_.empty(); }
  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path entry_path(const CacheKey& key) const;
  KernelCacheStats stats() const;

 private:
  std::optional<Program> load(const Context& context, const CacheKey& key,
                              const std::string& options, std::string_view name);
  void store(const CacheKey& key, const Program& program);

  // Gives the sources missing from the cache to `workers` (or to `processes` new ones, kept in
  // `*own`, when it is null), all but a share this process builds itself meanwhile (marked false
  // in `*to_workers`); remembers the workers' keys. Returns the workers given jobs, or null
  // where there are fewer than two builds to share.
  BuildWorkers* assign_workers(const Context& context, const std::vector<Source>& sources,
                               const std::string& options, int processes, BuildWorkers* workers,
                               std::unique_ptr<BuildWorkers>* own, std::vector<bool>* to_workers);

  std::filesystem::path dir_;
  mutable std::mutex mutex_;  // guards stats_, writable_ and worker_built_
  KernelCacheStats stats_;
  bool writable_ = true;
  std::set<std::string> worker_built_;  // cache key hashes (hex) the workers were given
};

}  // namespace tartan::runtime
