// BuildForecast: whether compile() expects a cold kernel cache (and starts its build workers
// before the passes) from the record of the entries the same program used last time.
#include "compiler/build_forecast.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/test_env.h"
#include "tartan/support/file_io.h"

namespace tartan {
namespace {

Program program(std::int64_t n) {
  Program p;
  const TensorId a = p.add_input("A", DType::kFloat32, {n, 4});
  const TensorId b = p.add_input("B", DType::kFloat32, {n, 4});
  p.add_output(p.add_elementwise("C", EwOp::kAdd, {a, b}));
  return p;
}

runtime::DeviceInfo device() {
  runtime::DeviceInfo d;
  d.id = "some_platform_some_device.0";
  d.name = "Some device";
  d.driver_version = "1.0";
  return d;
}

// Stores a stand-in entry for each program, as a build would.
void store(const runtime::KernelCache& cache, const std::vector<runtime::KernelCache::Source>& ps,
           const std::string& options) {
  for (const auto& p : ps) {
    write_file_atomic(cache.entry_path(runtime::CacheKey::make(device(), options, p.text)), "x");
  }
}

TEST(BuildForecast, ColdUntilEveryRecordedEntryExists) {
  testing::TempDir dir;
  const runtime::KernelCache cache(dir.path() / "kernels");
  const std::vector<runtime::KernelCache::Source> programs{{"kernel void a() {}", "a"},
                                                           {"kernel void b() {}", "b"}};
  const Program p = program(8);
  EXPECT_TRUE(BuildForecast(p, device(), "-DX", cache).cold()) << "no record yet";
  store(cache, programs, "-DX");
  BuildForecast(p, device(), "-DX", cache).remember(device(), "-DX", programs);
  EXPECT_FALSE(BuildForecast(p, device(), "-DX", cache).cold());
  // Another program, other options: no record.
  EXPECT_TRUE(BuildForecast(program(9), device(), "-DX", cache).cold());
  EXPECT_TRUE(BuildForecast(p, device(), "-DY", cache).cold());
  // An entry gone (cleaned, or rejected as corrupt): cold again.
  std::filesystem::remove(
      cache.entry_path(runtime::CacheKey::make(device(), "-DX", programs[1].text)));
  EXPECT_TRUE(BuildForecast(p, device(), "-DX", cache).cold());
}

// A damaged record (a line that is no entry name, such as a path out of the cache that exists)
// is a cold forecast with a warning, never a warm one.
TEST(BuildForecast, ADamagedRecordIsCold) {
  testing::TempDir dir;
  const runtime::KernelCache cache(dir.path() / "kernels");
  const std::vector<runtime::KernelCache::Source> programs{{"kernel void a() {}", "a"}};
  const Program p = program(8);
  store(cache, programs, "-DX");
  BuildForecast(p, device(), "-DX", cache).remember(device(), "-DX", programs);
  ASSERT_FALSE(BuildForecast(p, device(), "-DX", cache).cold());
  std::filesystem::path record;
  for (const auto& e : std::filesystem::directory_iterator(cache.dir() / "forecast")) {
    record = e.path();
  }
  const std::string good = *read_file(record);
  for (const std::string& bad : {std::string("../../../../etc/passwd\n"), std::string("..\n"),
                                 good + "x.bin\n", good.substr(0, 10) + "\n"}) {
    SCOPED_TRACE(bad);
    write_file_atomic(record, bad);
    ::testing::internal::CaptureStderr();
    EXPECT_TRUE(BuildForecast(p, device(), "-DX", cache).cold());
    EXPECT_NE(::testing::internal::GetCapturedStderr().find("ignoring the build forecast"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace tartan
