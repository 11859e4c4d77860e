#include "tartan/runtime/kernel_cache.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "common/test_env.h"
#include "device/vadd.h"
#include "tartan/runtime/cl_error.h"
#include "tartan/support/file_io.h"

namespace tartan::runtime {
namespace {

constexpr const char* kOptions = "-cl-std=CL1.2";

class KernelCacheTest : public ::testing::Test {
 protected:
  // The device comes up before XDG_CACHE_HOME moves: PoCL keeps its own compiler cache there,
  // and a cold one would make every test slow.
  Context ctx_{default_device()};
  Queue queue_{ctx_};
  testing::TempDir home_;
  testing::ScopedEnv xdg_{"XDG_CACHE_HOME", home_.path().c_str()};
  testing::ScopedEnv no_cache_{"TARTAN_NO_KERNEL_CACHE", nullptr};

  CacheKey key() const {
    return CacheKey::make(ctx_.device().info, kOptions, testing::kVaddSource);
  }

  // Builds through a fresh cache (as a new process would) and checks the program works.
  KernelCacheStats build_fresh() {
    KernelCache cache = KernelCache::from_environment();
    const Program p = cache.build(ctx_, testing::kVaddSource, kOptions, "vadd");
    testing::run_and_check_vadd(ctx_, queue_, p);
    return cache.stats();
  }

  std::filesystem::path entry() const { return KernelCache::from_environment().entry_path(key()); }
};

TEST_F(KernelCacheTest, SecondBuildCompilesNothing) {
  KernelCache cache = KernelCache::from_environment();
  EXPECT_EQ(cache.dir(), home_.path() / "tartan" / "kernels");

  const std::uint64_t before = program_source_builds();
  cache.build(ctx_, testing::kVaddSource, kOptions, "vadd");
  EXPECT_EQ(program_source_builds() - before, 1u);
  KernelCacheStats s = cache.stats();
  EXPECT_EQ(s.source_builds, 1u);
  EXPECT_EQ(s.misses, 1u);
  EXPECT_EQ(s.hits, 0u);
  EXPECT_EQ(s.stores, 1u);
  ASSERT_TRUE(std::filesystem::exists(entry()));

  // Same cache object, then a new one (a second process).
  const Program again = cache.build(ctx_, testing::kVaddSource, kOptions, "vadd");
  testing::run_and_check_vadd(ctx_, queue_, again);
  s = cache.stats();
  EXPECT_EQ(s.source_builds, 1u);
  EXPECT_EQ(s.hits, 1u);
  const KernelCacheStats fresh = build_fresh();
  EXPECT_EQ(fresh.source_builds, 0u);
  EXPECT_EQ(fresh.hits, 1u);
  EXPECT_EQ(fresh.misses, 0u);
  EXPECT_EQ(program_source_builds() - before, 1u) << "a cache hit compiled from source";

  // Different options are a different entry.
  cache.build(ctx_, testing::kVaddSource, "-cl-std=CL1.2 -DUNUSED=1", "vadd");
  EXPECT_EQ(cache.stats().source_builds, 2u);
}

enum class Damage {
  kTruncate,
  kFlipPayloadByte,
  kFlipHeaderByte,
  kGarbage,
  kEmpty,
  kForeignKey,
  kIntactButInvalidBinary
};

class KernelCacheDamage : public KernelCacheTest, public ::testing::WithParamInterface<Damage> {};

std::string damage_name(const ::testing::TestParamInfo<Damage>& info) {
  constexpr const char* kNames[] = {
      "Truncate", "FlipPayloadByte", "FlipHeaderByte",        "Garbage",
      "Empty",    "ForeignKey",      "IntactButInvalidBinary"};
  return kNames[static_cast<int>(info.param)];
}

TEST_P(KernelCacheDamage, IsDetectedDeletedAndRebuilt) {
  ASSERT_EQ(build_fresh().stores, 1u);
  const std::filesystem::path path = entry();
  std::string bytes = *read_file(path);
  std::mt19937 rng(std::random_device{}());
  switch (GetParam()) {
    case Damage::kTruncate:
      bytes.resize(bytes.size() / 2);
      break;
    case Damage::kFlipPayloadByte:
      bytes[bytes.size() - 1 - rng() % 64] ^= 0x5a;
      break;
    case Damage::kFlipHeaderByte:
      bytes[rng() % 40] ^= 0x01;
      break;
    case Damage::kGarbage:
      for (char& c : bytes) c = static_cast<char>(rng());
      break;
    case Damage::kEmpty:
      bytes.clear();
      break;
    case Damage::kForeignKey: {
      CacheKey other = key();
      other.device_name = "Another Vendor's GPU";
      other.driver_version = "999.1";
      bytes = encode_cache_entry(other, *decode_cache_entry(bytes, key()));
      break;
    }
    case Damage::kIntactButInvalidBinary:
      bytes = encode_cache_entry(key(), "this is not a device binary");
      break;
  }
  write_file_atomic(path, bytes);

  const KernelCacheStats s = build_fresh();  // also checks the rebuilt kernel's results
  EXPECT_EQ(s.rejected, 1u);
  EXPECT_EQ(s.hits, 0u);
  EXPECT_EQ(s.source_builds, 1u);
  EXPECT_EQ(s.stores, 1u);
  // The bad entry was replaced by a good one.
  EXPECT_TRUE(decode_cache_entry(*read_file(path), key()).has_value());
  EXPECT_EQ(build_fresh().hits, 1u);
}

INSTANTIATE_TEST_SUITE_P(All, KernelCacheDamage,
                         ::testing::Values(Damage::kTruncate, Damage::kFlipPayloadByte,
                                           Damage::kFlipHeaderByte, Damage::kGarbage,
                                           Damage::kEmpty, Damage::kForeignKey,
                                           Damage::kIntactButInvalidBinary),
                         damage_name);

TEST_F(KernelCacheTest, UnwritableDirWarnsOnceAndKeepsWorking) {
  // A regular file where the cache directory should be: unwritable even for root.
  write_file_atomic(home_.path() / "blocked", "not a directory");
  testing::ScopedEnv xdg("XDG_CACHE_HOME", (home_.path() / "blocked").c_str());
  KernelCache cache = KernelCache::from_environment();
  ::testing::internal::CaptureStderr();
  const Program p1 = cache.build(ctx_, testing::kVaddSource, kOptions, "vadd");
  const Program p2 = cache.build(ctx_, testing::kVaddSource, "-cl-std=CL1.2 -DX=1", "vadd");
  const std::string err = ::testing::internal::GetCapturedStderr();
  testing::run_and_check_vadd(ctx_, queue_, p1);
  testing::run_and_check_vadd(ctx_, queue_, p2);
  const std::string warning = "kernel cache disabled";
  ASSERT_NE(err.find(warning), std::string::npos) << err;
  EXPECT_EQ(err.find(warning, err.find(warning) + 1), std::string::npos) << "warned twice: " << err;
  EXPECT_EQ(cache.stats().store_failures, 1u);
  EXPECT_EQ(cache.stats().source_builds, 2u);
}

// Distinct kernels: vadd renamed, so each source is its own program and cache entry.
std::string renamed_vadd(int i) {
  std::string s = testing::kVaddSource;
  s.replace(s.find("vadd"), 4, "vadd_" + std::to_string(i));
  return s;
}

TEST_F(KernelCacheTest, BuildAllBuildsConcurrentlyInOrderThenLoadsFromTheCache) {
  constexpr int kPrograms = 6;
  std::vector<std::string> texts;
  for (int i = 0; i < kPrograms; ++i) texts.push_back(renamed_vadd(i));
  std::vector<KernelCache::Source> sources;
  for (int i = 0; i < kPrograms; ++i) sources.push_back({texts[i], "vadd_" + std::to_string(i)});
  EXPECT_EQ(KernelCache::build_threads(sources.size(), 4), 4);
  EXPECT_EQ(KernelCache::build_threads(sources.size(), 100), kPrograms);
  EXPECT_EQ(KernelCache::build_threads(2, 4), 2);
  EXPECT_EQ(KernelCache::build_threads(0, 4), 1);

  for (const bool warm : {false, true}) {
    KernelCache cache = KernelCache::from_environment();
    const std::uint64_t before = program_source_builds();
    const std::vector<Program> programs = cache.build_all(ctx_, sources, kOptions, 4);
    ASSERT_EQ(programs.size(), sources.size());
    for (int i = 0; i < kPrograms; ++i) {
      EXPECT_EQ(programs[i].name(), "vadd_" + std::to_string(i));
      testing::run_and_check_vadd(ctx_, queue_, programs[i], 1000, "vadd_" + std::to_string(i));
      EXPECT_THROW(Kernel(programs[i], "vadd_" + std::to_string(i + 1)), OpenCLError);
    }
    const KernelCacheStats s = cache.stats();
    const std::uint64_t all = kPrograms;
    EXPECT_EQ(s.hits, warm ? all : 0u) << "warm " << warm;
    EXPECT_EQ(s.source_builds, warm ? 0u : all) << "warm " << warm;
    EXPECT_EQ(program_source_builds() - before, warm ? 0u : all) << "warm " << warm;
    EXPECT_EQ(s.stores, warm ? 0u : all) << "warm " << warm;
  }
}

TEST_F(KernelCacheTest, BuildAllReportsTheFirstFailingSourceWithItsLog) {
  const std::string good = testing::kVaddSource;
  const std::string bad1 =
      "__kernel void first_bad(__global float* x) { x[0] = undeclared_one; }\n";
  const std::string bad2 =
      "__kernel void second_bad(__global float* x) { x[0] = undeclared_two; }\n";
  const std::vector<KernelCache::Source> sources = {
      {good, "good"}, {bad2, "second_bad"}, {good, "good_again"}, {bad1, "first_bad"}};
  // Whichever thread fails first; with worker processes too (theirs fail, this process builds
  // what they did not and reports the failure itself).
  for (int attempt = 0; attempt < 4; ++attempt) {
    const int processes = attempt % 2 == 0 ? 0 : 2;
    SCOPED_TRACE("processes " + std::to_string(processes));
    KernelCache cache = KernelCache::from_environment();
    try {
      cache.build_all(ctx_, sources, kOptions, 4, processes);
      FAIL() << "expected a build failure";
    } catch (const OpenCLError& e) {
      const std::string what = e.what();
      EXPECT_EQ(e.call(), "clBuildProgram");
      EXPECT_EQ(e.kernel(), "second_bad") << what;
      const std::size_t log = what.find("build log:\n");
      ASSERT_NE(log, std::string::npos) << what;
      EXPECT_NE(what.find("undeclared_two", log), std::string::npos) << what;
      EXPECT_EQ(what.find("undeclared_one"), std::string::npos) << what;
    }
  }
}

// Workers store into the caller's cache folder, whatever XDG_CACHE_HOME says (tartan-build-worker
// --cache-dir): this process then loads every program they built, and builds its own share.
TEST_F(KernelCacheTest, BuildAllWorkersStoreIntoTheCallersCacheFolder) {
  constexpr int kPrograms = 5;
  std::vector<std::string> texts;
  std::vector<KernelCache::Source> sources;
  for (int i = 0; i < kPrograms; ++i) texts.push_back(renamed_vadd(10 + i));
  for (int i = 0; i < kPrograms; ++i)
    sources.push_back({texts[i], "vadd_" + std::to_string(10 + i)});
  KernelCache cache(home_.path() / "elsewhere");
  const std::uint64_t before = program_source_builds();
  const std::vector<Program> programs = cache.build_all(ctx_, sources, kOptions, 2, 2);
  const std::uint64_t built_here = program_source_builds() - before;
  EXPECT_EQ(cache.stats().worker_processes, 2u);
  EXPECT_GE(cache.stats().worker_builds, 2u);
  EXPECT_EQ(built_here + cache.stats().worker_builds, static_cast<std::uint64_t>(kPrograms))
      << "built here though the workers had";
  EXPECT_GE(built_here, 1u) << "this process built no share";
  for (int i = 0; i < kPrograms; ++i) {
    EXPECT_TRUE(std::filesystem::exists(
        cache.entry_path(CacheKey::make(ctx_.device().info, kOptions, texts[i]))));
    testing::run_and_check_vadd(ctx_, queue_, programs[i], 1000, "vadd_" + std::to_string(10 + i));
  }
  EXPECT_FALSE(std::filesystem::exists(home_.path() / "tartan")) << "a worker used XDG_CACHE_HOME";
}

// With estimated build seconds, a worker's start-up (kWorkerStartupSeconds) counts against it:
// one source estimated at 2 s goes to this process (ready now), the four of 0.1 s to the two
// workers (free after ~0.5 s: 0.6 and 0.7 s each), whatever their lengths.
TEST_F(KernelCacheTest, BuildAllSplitsByEstimateCountingTheWorkersStartUp) {
  std::vector<std::string> texts;
  std::vector<KernelCache::Source> sources;
  for (int i = 0; i < 5; ++i) texts.push_back(renamed_vadd(20 + i));
  for (int i = 0; i < 5; ++i) {
    sources.push_back({texts[i], "vadd_" + std::to_string(20 + i), i == 3 ? 2.0 : 0.1});
  }
  KernelCache cache(home_.path() / "kernels");
  const std::uint64_t before = program_source_builds();
  const std::vector<Program> programs = cache.build_all(ctx_, sources, kOptions, 2, 2);
  EXPECT_EQ(program_source_builds() - before, 1u) << "this process builds the 2 s source only";
  EXPECT_EQ(cache.stats().worker_processes, 2u);
  EXPECT_EQ(cache.stats().worker_builds, 4u);
  for (int i = 0; i < 5; ++i) {
    testing::run_and_check_vadd(ctx_, queue_, programs[i], 1000, "vadd_" + std::to_string(20 + i));
  }
}

TEST_F(KernelCacheTest, EnvironmentVariableDisablesCache) {
  testing::ScopedEnv off("TARTAN_NO_KERNEL_CACHE", "1");
  KernelCache cache = KernelCache::from_environment();
  EXPECT_FALSE(cache.enabled());
  for (int i = 0; i < 2; ++i) {
    testing::run_and_check_vadd(ctx_, queue_,
                                cache.build(ctx_, testing::kVaddSource, kOptions, "vadd"));
  }
  EXPECT_EQ(cache.stats().source_builds, 2u);
  EXPECT_EQ(cache.stats().hits, 0u);
  EXPECT_FALSE(std::filesystem::exists(home_.path() / "tartan"));
}

}  // namespace
}  // namespace tartan::runtime
