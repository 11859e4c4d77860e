// compile()'s settings come from one function (compiler/compile_config.h) that merges the device
// profile, the caller's options and the TARTAN_* environment, and every TARTAN_* variable core
// reads is listed, with its meaning, in tartan_environment_variables().
#include "compiler/compile_config.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "common/test_env.h"
#include "tartan/support/env.h"
#include "tartan/support/error.h"

namespace tartan {
namespace {

namespace fs = std::filesystem;
using testing::ScopedEnv;

runtime::DeviceInfo device(std::string platform, std::string vendor, runtime::DeviceType type) {
  runtime::DeviceInfo d;
  d.platform_name = std::move(platform);
  d.vendor = std::move(vendor);
  d.name = "some device";
  d.type = type;
  d.max_work_group_size = 1024;
  return d;
}

const runtime::DeviceInfo kPocl =
    device("Portable Computing Language", "GenuineIntel", runtime::DeviceType::kCpu);
const runtime::DeviceInfo kNvidia =
    device("NVIDIA CUDA", "NVIDIA Corporation", runtime::DeviceType::kGpu);
const runtime::DeviceInfo kOclgrind =
    device("Oclgrind", "University of Bristol", runtime::DeviceType::kAccelerator);

TEST(CompileConfig, TheProfileDecidesWhatTheCallerLeavesToTartan) {
  const CompileConfig pocl = resolve_compile_config({}, kPocl);
  EXPECT_EQ(pocl.profile, "matched pocl_cpu.yaml");
  EXPECT_FALSE(pocl.program_per_kernel);  // pocl_cpu.yaml: one_program
  EXPECT_TRUE(pocl.pipeline.fuse_softmax);
  EXPECT_EQ(pocl.build_processes, 0);
  const CompileConfig nvidia = resolve_compile_config({}, kNvidia);
  EXPECT_TRUE(nvidia.program_per_kernel);
  EXPECT_EQ(nvidia.build_processes, 4);
  EXPECT_TRUE(nvidia.pipeline.winograd.enabled);
  EXPECT_EQ(resolve_compile_config({}, kOclgrind).build_threads, 1);  // oclgrind.yaml
  // The fitted build-time constants are the profile's data: 0.029 s + 12.2 us per byte.
  EXPECT_NEAR(nvidia.build_seconds(std::string(1000, 'x')), 0.029 + 0.0122, 1e-12);
  // -v shows all of it.
  const std::vector<std::string> lines = nvidia.describe();
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_NE(lines[1].find("winograd=true"), std::string::npos) << lines[1];
  EXPECT_NE(lines[3].find("4 worker processes"), std::string::npos) << lines[3];
}

TEST(CompileConfig, EnvironmentOverridesTheProfileAndOptionsOverrideBoth) {
  {
    ScopedEnv programs("TARTAN_PROGRAMS", "per-kernel"), threads("TARTAN_BUILD_THREADS", "3"),
        processes("TARTAN_BUILD_PROCESSES", "2"), winograd("TARTAN_WINOGRAD", "0"),
        options("TARTAN_BUILD_OPTIONS", "-cl-fast-relaxed-math"),
        dump("TARTAN_DUMP_KERNELS", "/tmp/k"), split("TARTAN_BUILD_SPLIT", "length"),
        spawn("TARTAN_WORKER_SPAWN", "late");
    const CompileConfig env = resolve_compile_config({}, kNvidia);
    EXPECT_TRUE(env.program_per_kernel);
    EXPECT_EQ(env.build_threads, 3);
    EXPECT_EQ(env.build_processes, 2);
    EXPECT_FALSE(env.pipeline.winograd.enabled);
    EXPECT_EQ(env.build_options, "-cl-fast-relaxed-math");
    EXPECT_EQ(env.dump_kernels_dir, "/tmp/k");
    EXPECT_FALSE(env.split_by_estimate);
    EXPECT_EQ(env.worker_spawn, CompileConfig::WorkerSpawn::kLate);
    CompileOptions o;
    o.programs = CompileOptions::Programs::kOne;
    o.build_threads = 2;
    o.build_processes = 0;
    o.extra_build_options = "-DX";
    o.dump_kernels_dir = "/tmp/mine";
    const CompileConfig mine = resolve_compile_config(o, kNvidia);
    EXPECT_FALSE(mine.program_per_kernel);
    EXPECT_EQ(mine.build_threads, 2);
    EXPECT_EQ(mine.build_processes, 0);
    EXPECT_EQ(mine.build_options, "-DX -cl-fast-relaxed-math");  // the variable appends
    EXPECT_EQ(mine.dump_kernels_dir, "/tmp/mine");
  }
  ScopedEnv cuda("CUDA_CACHE_DISABLE", "1");
  EXPECT_EQ(resolve_compile_config({}, kNvidia).build_processes, 0);
}

TEST(CompileConfig, MalformedVariablesAreErrorsNamingThem) {
  for (const auto& [name, value] :
       std::vector<std::pair<const char*, const char*>>{{"TARTAN_PROGRAMS", "two"},
                                                        {"TARTAN_BUILD_THREADS", "0"},
                                                        {"TARTAN_BUILD_THREADS", "4x"},
                                                        {"TARTAN_BUILD_PROCESSES", "-1"},
                                                        {"TARTAN_WINOGRAD", "yes"},
                                                        {"TARTAN_WORKER_SPAWN", "soon"},
                                                        {"TARTAN_BUILD_SPLIT", "evenly"}}) {
    SCOPED_TRACE(std::string(name) + "=" + value);
    ScopedEnv env(name, value);
    std::string what;
    try {
      resolve_compile_config({}, kNvidia);
    } catch (const Error& e) {
      what = e.what();
    }
    EXPECT_EQ(what, std::string(name) + " is '" + value + "'");
  }
}

// Every TARTAN_* name that core/ passes to env_string, env_flag or a *_from_environment reader
// is listed,
// and each listed one is read where the list says, and nowhere else in core.
TEST(EnvironmentVariables, EveryVariableCoreReadsIsListedOnce) {
  const fs::path core = fs::path(TARTAN_TEST_DATA_DIR).parent_path().parent_path() / "core";
  ASSERT_TRUE(fs::is_directory(core)) << core;
  std::map<std::string, std::set<std::string>> read_in;  // variable -> files (relative to root)
  const std::regex read(R"re((env_string|env_flag|_from_environment)\(\s*"(TARTAN_[A-Z0-9_]+)")re");
  for (const auto& e : fs::recursive_directory_iterator(core)) {
    if (e.path().extension() != ".cpp" && e.path().extension() != ".h") continue;
    std::ifstream in(e.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (auto m = std::sregex_iterator(s.begin(), s.end(), read); m != std::sregex_iterator();
         ++m) {
      read_in[(*m)[2]].insert(fs::relative(e.path(), core.parent_path()).string());
    }
  }
  std::set<std::string> listed;
  for (const EnvironmentVariable& v : tartan_environment_variables()) {
    SCOPED_TRACE(std::string(v.name));
    EXPECT_TRUE(listed.insert(std::string(v.name)).second) << "listed twice";
    EXPECT_GT(v.meaning.size(), 20u);
    EXPECT_EQ(read_in[std::string(v.name)], std::set<std::string>{std::string(v.read_by)});
  }
  for (const auto& [name, files] : read_in) {
    EXPECT_TRUE(listed.contains(name)) << name << " is read by core but not listed";
  }
}

}  // namespace
}  // namespace tartan
