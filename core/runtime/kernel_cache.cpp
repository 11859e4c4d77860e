#include "tartan/runtime/kernel_cache.h"

#include <algorithm>
#include <array>
#include <exception>
#include <iostream>
#include <system_error>

#include "reference/parallel.h"
#include "runtime/build_workers.h"
#include "tartan/runtime/cl_error.h"
#include "tartan/support/env.h"
#include "tartan/support/error.h"
#include "tartan/support/file_io.h"
#include "tartan/support/paths.h"

namespace tartan::runtime {
namespace {

constexpr std::string_view kMagic{"TARTANKB", 8};
constexpr std::uint32_t kFormatVersion = 1;
// Seed for payload checksums, distinct from key hashing so the two can never be confused.
constexpr std::uint64_t kChecksumSeed = 0x74617274616e6b62ull;
// A sane bound on one key field; a larger length can only come from a corrupt header.
constexpr std::uint32_t kMaxFieldBytes = 1u << 20;

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_field(std::string& out, std::string_view s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

// Bounds-checked little-endian reader: every read may fail on a truncated entry.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool u64(std::uint64_t* v) {
    if (bytes_.size() - pos_ < 8) return false;
    *v = 0;
    for (int i = 7; i >= 0; --i) *v = (*v << 8) | static_cast<unsigned char>(bytes_[pos_ + i]);
    pos_ += 8;
    return true;
  }
  bool u32(std::uint32_t* v) {
    if (bytes_.size() - pos_ < 4) return false;
    *v = 0;
    for (int i = 3; i >= 0; --i) *v = (*v << 8) | static_cast<unsigned char>(bytes_[pos_ + i]);
    pos_ += 4;
    return true;
  }
  bool bytes(std::size_t n, std::string_view* out) {
    if (bytes_.size() - pos_ < n) return false;
    *out = bytes_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  bool field(std::string_view* out) {
    std::uint32_t n = 0;
    return u32(&n) && n <= kMaxFieldBytes && bytes(n, out);
  }
  std::size_t remaining() const { return bytes_.size() - pos_; }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

std::array<std::string, 6> key_fields(const CacheKey& key) {
  return {key.device_name,    key.device_vendor, key.driver_version,
          key.opencl_version, key.options,       key.source_hash.hex()};
}

std::optional<std::string> reject(std::string* why, std::string reason) {
  if (why != nullptr) *why = std::move(reason);
  return std::nullopt;
}

}  // namespace

CacheKey CacheKey::make(const DeviceInfo& device, std::string_view options,
                        std::string_view source) {
  return CacheKey{device.name,           device.vendor,        device.driver_version,
                  device.opencl_version, std::string(options), hash128(source)};
}

Hash128 CacheKey::hash() const {
  FieldHasher h;
  for (const std::string& f : key_fields(*this)) h.add(f);
  return h.finish();
}

std::string encode_cache_entry(const CacheKey& key, std::string_view binary) {
  std::string out(kMagic);
  put_u32(out, kFormatVersion);
  const auto fields = key_fields(key);
  put_u32(out, static_cast<std::uint32_t>(fields.size()));
  for (const std::string& f : fields) put_field(out, f);
  put_u64(out, binary.size());
  const Hash128 sum = hash128(binary, kChecksumSeed);
  put_u64(out, sum.lo);
  put_u64(out, sum.hi);
  out.append(binary);
  return out;
}

std::optional<std::string> decode_cache_entry(std::string_view bytes, const CacheKey& expected,
                                              std::string* why) {
  Reader r(bytes);
  std::string_view magic;
  if (!r.bytes(kMagic.size(), &magic) || magic != kMagic) return reject(why, "bad magic");
  std::uint32_t version = 0;
  if (!r.u32(&version) || version != kFormatVersion) {
    return reject(why, "unsupported format version " + std::to_string(version));
  }
  const auto want = key_fields(expected);
  std::uint32_t nfields = 0;
  if (!r.u32(&nfields) || nfields != want.size()) return reject(why, "wrong key field count");
  for (const std::string& w : want) {
    std::string_view got;
    if (!r.field(&got)) return reject(why, "truncated header");
    if (got != w) return reject(why, "key mismatch: entry has '" + std::string(got) + "'");
  }
  std::uint64_t length = 0, lo = 0, hi = 0;
  if (!r.u64(&length) || !r.u64(&lo) || !r.u64(&hi)) return reject(why, "truncated header");
  if (length != r.remaining()) {
    return reject(why, "payload is " + std::to_string(r.remaining()) + " bytes, header says " +
                           std::to_string(length));
  }
  std::string_view payload;
  r.bytes(length, &payload);
  if (hash128(payload, kChecksumSeed) != Hash128{lo, hi}) return reject(why, "checksum mismatch");
  return std::string(payload);
}

KernelCache::KernelCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

KernelCache KernelCache::from_environment() {
  if (env_flag("TARTAN_NO_KERNEL_CACHE")) return KernelCache({});
  return KernelCache(cache_dir() / "kernels");
}

std::filesystem::path KernelCache::entry_path(const CacheKey& key) const {
  return dir_ / (key.hash().hex() + ".bin");
}

KernelCacheStats KernelCache::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

Program KernelCache::build(const Context& context, std::string_view source,
                           const std::string& options, std::string_view name) {
  if (!enabled()) {
    Program p = Program::from_source(context, source, options, name);
    std::lock_guard lock(mutex_);
    ++stats_.source_builds;
    return p;
  }
  const CacheKey key = CacheKey::make(context.device().info, options, source);
  if (std::optional<Program> cached = load(context, key, options, name)) {
    std::lock_guard lock(mutex_);
    ++(worker_built_.contains(key.hash().hex()) ? stats_.worker_builds : stats_.hits);
    return std::move(*cached);
  }
  {
    std::lock_guard lock(mutex_);
    ++stats_.misses;
  }
  Program program = Program::from_source(context, source, options, name);
  {
    std::lock_guard lock(mutex_);
    ++stats_.source_builds;
  }
  store(key, program);
  return program;
}

int KernelCache::build_threads(std::size_t count, int threads) {
  return static_cast<int>(std::min<std::size_t>(
      std::max<std::size_t>(count, 1), static_cast<std::size_t>(resolve_threads(threads))));
}

std::vector<Program> KernelCache::build_all(const Context& context,
                                            const std::vector<Source>& sources,
                                            const std::string& options, int threads, int processes,
                                            BuildWorkers* started) {
  std::vector<bool> to_workers(sources.size(), false);
  std::unique_ptr<BuildWorkers> own;
  BuildWorkers* workers = nullptr;
  if ((started != nullptr || processes > 0) && enabled()) {
    workers = assign_workers(context, sources, options, processes, started, &own, &to_workers);
  }
  if (started != nullptr && workers == nullptr) started->wait(0);  // no jobs: stopped at once
  std::vector<std::optional<Program>> built(sources.size());
  std::vector<std::exception_ptr> errors(sources.size());
  // Builds (or loads) the sources whose to_workers flag is `theirs`: first this process's share
  // while the workers run, then, once they are done, what they built (or failed to).
  const auto build_some = [&](bool theirs) {
    std::vector<std::size_t> some;
    for (std::size_t i = 0; i < sources.size(); ++i) {
      if (to_workers[i] == theirs) some.push_back(i);
    }
    // parallel_for hands out a few chunks per thread, so unequal build times balance out.
    parallel_for(static_cast<std::int64_t>(some.size()), build_threads(some.size(), threads),
                 /*min_parallel=*/2, [&](std::int64_t begin, std::int64_t end) {
                   for (std::int64_t k = begin; k < end; ++k) {
                     const std::size_t i = some[static_cast<std::size_t>(k)];
                     try {
                       built[i].emplace(build(context, sources[i].text, options, sources[i].name));
                     } catch (...) {
                       errors[i] = std::current_exception();
                     }
                   }
                 });
  };
  build_some(false);
  if (workers != nullptr) {
    const WorkerTimes times = workers->wait(build_worker_timeout());
    std::lock_guard lock(mutex_);
    stats_.worker_ready_seconds = std::max(stats_.worker_ready_seconds, times.ready_seconds);
    stats_.worker_seconds = std::max(stats_.worker_seconds, times.seconds);
  }
  build_some(true);
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);  // the first in source order, whichever finished first
  }
  std::vector<Program> programs;
  programs.reserve(sources.size());
  for (std::optional<Program>& p : built) programs.push_back(std::move(*p));
  return programs;
}

BuildWorkers* KernelCache::assign_workers(const Context& context,
                                          const std::vector<Source>& sources,
                                          const std::string& options, int processes,
                                          BuildWorkers* workers, std::unique_ptr<BuildWorkers>* own,
                                          std::vector<bool>* to_workers) {
  {
    std::lock_guard lock(mutex_);
    if (!writable_) return nullptr;
  }
  std::vector<std::size_t> missing;
  std::vector<const Source*> missing_sources;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const CacheKey key = CacheKey::make(context.device().info, options, sources[i].text);
    std::error_code ec;
    if (std::filesystem::exists(entry_path(key), ec)) continue;
    missing.push_back(i);
    missing_sources.push_back(&sources[i]);
  }
  if (missing.size() < 2) return nullptr;  // one build gains nothing from a process of its own
  // By estimated seconds where the caller gave them, with each worker's start-up ahead of it;
  // else by length (build time grows with the source), every builder alike: a length says
  // nothing of how it compares with a start-up.
  const bool timed = std::any_of(missing_sources.begin(), missing_sources.end(),
                                 [](const Source* s) { return s->cost > 0; });
  std::vector<double> costs;
  for (const Source* s : missing_sources) {
    costs.push_back(timed ? s->cost : static_cast<double>(s->text.size()));
  }
  if (workers == nullptr) {
    *own = std::make_unique<BuildWorkers>(build_worker_path(), context.device().info.id, dir_,
                                          options, processes);
    workers = own->get();
  }
  // This process is builder 0, ready now; a worker only once its start-up is done.
  std::vector<double> ready(
      static_cast<std::size_t>(workers->started()) + 1,
      timed ? std::max(0.0, kWorkerStartupSeconds - workers->age_seconds()) : 0.0);
  ready[0] = 0;
  std::vector<std::vector<std::size_t>> groups = balance_by_estimate(costs, ready);
  std::vector<std::string> keys;
  for (std::size_t g = 1; g < groups.size(); ++g) {
    for (std::size_t m : groups[g]) {
      const std::size_t i = missing[m];
      (*to_workers)[i] = true;
      keys.push_back(CacheKey::make(context.device().info, options, sources[i].text).hash().hex());
    }
  }
  groups.erase(groups.begin());  // the workers' groups
  workers->assign(missing_sources, groups);
  std::lock_guard lock(mutex_);
  stats_.worker_processes += static_cast<std::uint64_t>(
      std::count_if(groups.begin(), groups.end(), [](const auto& g) { return !g.empty(); }));
  worker_built_.insert(keys.begin(), keys.end());
  return workers;
}

std::optional<Program> KernelCache::load(const Context& context, const CacheKey& key,
                                         const std::string& options, std::string_view name) {
  const std::filesystem::path path = entry_path(key);
  std::optional<std::string> bytes = read_file(path);
  if (!bytes) return std::nullopt;
  std::optional<std::string> binary = decode_cache_entry(*bytes, key);
  if (binary) {
    try {
      return Program::from_binary(context, *binary, options, name);
    } catch (const OpenCLError&) {
      // An intact entry the driver refuses (e.g. a driver update that kept its version
      // string): treat like corruption and rebuild.
    }
  }
  std::error_code ec;
  std::filesystem::remove(path, ec);  // best effort: a failed delete is overwritten on store
  std::lock_guard lock(mutex_);
  ++stats_.rejected;
  return std::nullopt;
}

void KernelCache::store(const CacheKey& key, const Program& program) {
  {
    std::lock_guard lock(mutex_);
    if (!writable_) return;
  }
  const std::string binary = program.binary();
  if (binary.empty()) return;  // the driver offers no binary: nothing to cache
  try {
    write_file_atomic(entry_path(key), encode_cache_entry(key, binary));
    std::lock_guard lock(mutex_);
    ++stats_.stores;
  } catch (const Error& e) {
    std::lock_guard lock(mutex_);
    ++stats_.store_failures;
    writable_ = false;  // warn once; later builds skip the doomed write
    std::cerr << "tartan: warning: kernel cache disabled for this run, " << e.what()
              << "\n  kernels will be recompiled next time; set XDG_CACHE_HOME to a writable "
                 "directory, or TARTAN_NO_KERNEL_CACHE=1 to silence this\n";
  }
}

}  // namespace tartan::runtime
