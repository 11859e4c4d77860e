// How compile() builds its kernels: one program per distinct kernel on several threads, or one
// program for all. The kernels (names and code) and the results must not depend on either, and
// a second compile of the same program must load every program from the kernel cache.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>

#include "common/device_check.h"
#include "common/random_program.h"
#include "common/test_env.h"
#include "tartan/compiler.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/conv.h"
#include "tartan/ops/dense.h"
#include "tartan/reference/executor.h"
#include "tartan/runtime/program.h"
#include "tartan/support/error.h"
#include "tartan/support/file_io.h"

namespace tartan {
namespace {

using Programs = CompileOptions::Programs;
using testing::test_devices;
using testing::test_seed;

// A depthwise + pointwise block, a matmul and two identical relus: several distinct kernels, and
// one shared by two launches.
Program network(std::mt19937_64& rng) {
  Builder b;
  const auto weights = [&](const std::string& name, const Shape& shape) {
    return testing::random_constant(b, name, shape, rng);
  };
  const Tensor x = b.input("x", DType::kFloat32, {2, 5, 4, 4});
  const Tensor d = ops::depthwise_conv2d(x, weights("dw", {3, 3, 4, 1}), weights("db", {4}),
                                         {.padding = ops::Padding::same()});
  const Tensor p = relu(ops::conv2d(relu(d), weights("pw", {1, 1, 4, 6}), weights("pb", {6})));
  b.output(p);
  b.output(ops::matmul(b.input("a", DType::kFloat32, {3, 7}), weights("m", {7, 5})));
  // Same shapes, same op: one OpenCL function launched twice.
  b.output(relu(b.input("u", DType::kFloat32, {3, 5})));
  b.output(relu(b.input("v", DType::kFloat32, {3, 5})));
  return b.build();
}

// Random values for network()'s inputs x, a, u and v.
std::vector<HostTensor> network_inputs(std::mt19937_64& rng) {
  return {random_tensor(DType::kFloat32, {2, 5, 4, 4}, rng),
          random_tensor(DType::kFloat32, {3, 7}, rng), random_tensor(DType::kFloat32, {3, 5}, rng),
          random_tensor(DType::kFloat32, {3, 5}, rng)};
}

// network() with random inputs and the reference's outputs for them.
struct NetworkCase {
  Program program;
  std::vector<HostTensor> inputs, want;
};

NetworkCase network_case(std::mt19937_64& rng) {
  Program p = network(rng);
  std::vector<HostTensor> inputs = network_inputs(rng);
  std::vector<HostTensor> want = reference_run(p, inputs);
  return {std::move(p), std::move(inputs), std::move(want)};
}

struct Compiled {
  std::vector<KernelSource> kernels;
  std::vector<HostTensor> outputs;
  CompileStats stats;
};

Compiled compile_and_run(const Program& p, const runtime::Device& device, Programs programs,
                         int threads, const std::vector<HostTensor>& inputs, int processes = 0) {
  CompileOptions options;
  options.programs = programs;
  options.build_threads = threads;
  options.build_processes = processes;
  Executable exe = compile(p, device, options);
  return {exe.kernels(), exe.run(inputs, {.poison = true}), exe.stats()};
}

TEST(ProgramBuild, SplitAndThreadsChangeNeitherKernelsNorResultsAndTheCacheServesAll) {
  const std::uint64_t seed = test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const auto [p, inputs, want] = network_case(rng);
  for (const runtime::Device& device : test_devices()) {
    SCOPED_TRACE(device.info.id);
    testing::TempDir home;
    testing::ScopedEnv xdg("XDG_CACHE_HOME", home.path().c_str());
    testing::ScopedEnv cache_on("TARTAN_NO_KERNEL_CACHE", nullptr);

    const Compiled one = compile_and_run(p, device, Programs::kOne, 1, inputs);
    EXPECT_EQ(one.stats.programs, 1);
    EXPECT_EQ(one.stats.build_threads, 1);
    EXPECT_EQ(one.stats.cache_hits, 0);
    EXPECT_EQ(one.stats.source_builds, 1u);
    ASSERT_GE(one.stats.unique_kernels, 3);
    EXPECT_LT(one.stats.unique_kernels, static_cast<int>(one.kernels.size()))
        << "the two relu kernels should share one function";

    const std::uint64_t before = runtime::program_source_builds();
    const Compiled split = compile_and_run(p, device, Programs::kPerKernel, 4, inputs);
    const Compiled warm = compile_and_run(p, device, Programs::kPerKernel, 3, inputs);
    EXPECT_EQ(runtime::program_source_builds() - before,
              static_cast<std::uint64_t>(split.stats.unique_kernels))
        << "the warm compile built from source";
    for (const Compiled* c : {&split, &warm}) {
      EXPECT_EQ(c->stats.programs, one.stats.unique_kernels);
      EXPECT_EQ(c->stats.build_threads, std::min(c == &split ? 4 : 3, c->stats.programs));
      ASSERT_EQ(c->kernels.size(), one.kernels.size());
      for (std::size_t k = 0; k < one.kernels.size(); ++k) {
        EXPECT_EQ(c->kernels[k].name, one.kernels[k].name) << k;
        EXPECT_EQ(c->kernels[k].code, one.kernels[k].code) << k;
      }
      ASSERT_EQ(c->outputs.size(), want.size());
      for (std::size_t o = 0; o < want.size(); ++o) {
        EXPECT_LT(relative_error(c->outputs[o], want[o]), 1e-5) << "output " << o;
        // Same kernels, same device: bit-identical results whatever the split.
        EXPECT_EQ(c->outputs[o].values, one.outputs[o].values) << "output " << o;
      }
    }
    EXPECT_EQ(split.stats.cache_hits, 0);
    EXPECT_FALSE(split.stats.cache_hit);
    EXPECT_EQ(warm.stats.cache_hits, warm.stats.programs);
    EXPECT_TRUE(warm.stats.cache_hit);
    EXPECT_EQ(warm.stats.source_builds, 0u);
    // The phases are measured and lie within the total.
    const CompileStats& s = split.stats;
    const double phases = s.pipeline_seconds + s.context_seconds + s.upload_seconds +
                          s.schedule_seconds + s.codegen_seconds + s.build_seconds + s.bind_seconds;
    EXPECT_GT(s.build_seconds, 0);
    EXPECT_GT(s.context_create_seconds, 0);
    EXPECT_LE(phases, s.total_seconds * 1.001 + 1e-6);
    EXPECT_FALSE(s.pass_seconds.empty());
  }
}

// Cold builds in tartan-build-worker processes (built beside this test) land in the kernel cache
// and the compile loads them: only its own share built from source here, results as the
// in-process build's. Split by length (TARTAN_BUILD_SPLIT): this network's kernels are estimated
// to build in less than a worker's start-up, so by estimate this process would build them all.
// Without a worker, the compile builds everything itself.
TEST(ProgramBuild, WorkerProcessesBuildIntoTheCacheAndAMissingWorkerFallsBack) {
  const std::uint64_t seed = test_seed();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const auto [p, inputs, want] = network_case(rng);
  for (const runtime::Device& device : test_devices()) {
    SCOPED_TRACE(device.info.id);
    testing::ScopedEnv cache_on("TARTAN_NO_KERNEL_CACHE", nullptr);
    testing::ScopedEnv by_length("TARTAN_BUILD_SPLIT", "length");
    for (const bool missing_worker : {false, true}) {
      SCOPED_TRACE(missing_worker ? "no worker executable" : "workers");
      testing::TempDir home;
      testing::ScopedEnv xdg("XDG_CACHE_HOME", home.path().c_str());
      testing::ScopedEnv worker("TARTAN_BUILD_WORKER",
                                missing_worker ? "/nonexistent/tartan-build-worker" : nullptr);
      const std::uint64_t before = runtime::program_source_builds();
      const Compiled c = compile_and_run(p, device, Programs::kPerKernel, 2, inputs, 2);
      const auto built_here = runtime::program_source_builds() - before;
      EXPECT_EQ(c.stats.cache_hits, 0);
      EXPECT_FALSE(c.stats.cache_hit);
      if (missing_worker) {
        EXPECT_EQ(c.stats.worker_builds, 0);
        EXPECT_EQ(built_here, static_cast<std::uint64_t>(c.stats.programs));
      } else {
        // This process builds a share itself while the workers build the rest.
        EXPECT_EQ(c.stats.build_processes, 2);
        EXPECT_GE(c.stats.worker_builds, 2);
        EXPECT_LT(c.stats.worker_builds, c.stats.programs);
        EXPECT_EQ(built_here + static_cast<std::uint64_t>(c.stats.worker_builds),
                  static_cast<std::uint64_t>(c.stats.programs))
            << "built here though the workers had";
        EXPECT_GT(c.stats.worker_seconds, 0);
        EXPECT_GT(c.stats.worker_ready_seconds, 0);
        EXPECT_LT(c.stats.worker_ready_seconds, c.stats.worker_seconds);
      }
      ASSERT_EQ(c.outputs.size(), want.size());
      for (std::size_t o = 0; o < want.size(); ++o) {
        EXPECT_LT(relative_error(c.outputs[o], want[o]), 1e-5) << "output " << o;
      }
    }
  }
}

// A worker killed after it got its jobs (mid-build), or one that hangs past
// TARTAN_BUILD_WORKER_TIMEOUT, costs time, not the compile: this process builds their kernels
// itself, the results are right, and no worker is left running. (Split by length, so that both
// workers get jobs: see the test above.)
TEST(ProgramBuild, AWorkerKilledMidBuildOrHungLeavesTheBuildToThisProcess) {
  std::mt19937_64 rng(test_seed());
  const auto [p, inputs, want] = network_case(rng);
  const runtime::Device device = test_devices().front();
  testing::ScopedEnv cache_on("TARTAN_NO_KERNEL_CACHE", nullptr);
  testing::ScopedEnv timeout("TARTAN_BUILD_WORKER_TIMEOUT", "1");
  testing::ScopedEnv by_length("TARTAN_BUILD_SPLIT", "length");
  for (const std::string body : {"read f; kill -KILL $$", "exec sleep 30"}) {
    SCOPED_TRACE(body);
    testing::TempDir home;
    testing::ScopedEnv xdg("XDG_CACHE_HOME", home.path().c_str());
    const std::filesystem::path worker = home.path() / "worker.sh";
    write_file_atomic(worker, "#!/bin/sh\necho $$ > \"$(dirname \"$0\")/pid.$$\"\n" + body + "\n");
    std::filesystem::permissions(worker, std::filesystem::perms::owner_all);
    testing::ScopedEnv use("TARTAN_BUILD_WORKER", worker.c_str());
    const auto start = std::chrono::steady_clock::now();
    const std::uint64_t before = runtime::program_source_builds();
    const Compiled c = compile_and_run(p, device, Programs::kPerKernel, 2, inputs, 2);
    const auto built_here = runtime::program_source_builds() - before;
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
              20.0);
    EXPECT_EQ(c.stats.build_processes, 2) << "a worker got no jobs";
    EXPECT_EQ(c.stats.worker_builds, 0);
    EXPECT_EQ(built_here, static_cast<std::uint64_t>(c.stats.programs));
    ASSERT_EQ(c.outputs.size(), want.size());
    for (std::size_t o = 0; o < want.size(); ++o) {
      EXPECT_LT(relative_error(c.outputs[o], want[o]), 1e-5) << "output " << o;
    }
    int pids = 0;
    for (const auto& entry : std::filesystem::directory_iterator(home.path())) {
      if (entry.path().filename().string().rfind("pid.", 0) != 0) continue;
      ++pids;
      const pid_t pid = std::stoi(read_file(entry.path()).value_or("0"));
      ASSERT_GT(pid, 0);
      EXPECT_EQ(::kill(pid, 0), -1) << "worker " << pid << " still runs";
    }
    EXPECT_EQ(pids, 2);
  }
}

TEST(ProgramBuild, EnvironmentPicksTheSplitAndThreadsAndRejectsNonsense) {
  std::mt19937_64 rng(test_seed());
  const Program p = network(rng);
  const runtime::Device device = test_devices().front();
  {
    testing::ScopedEnv split("TARTAN_PROGRAMS", "per-kernel");
    testing::ScopedEnv threads("TARTAN_BUILD_THREADS", "2");
    const CompileStats s = compile(p, device).stats();
    EXPECT_EQ(s.programs, s.unique_kernels);
    EXPECT_EQ(s.build_threads, 2);
  }
  {
    testing::ScopedEnv split("TARTAN_PROGRAMS", "one");
    EXPECT_EQ(compile(p, device).stats().programs, 1);
  }
  for (const auto& [name, value] :
       std::vector<std::pair<const char*, const char*>>{{"TARTAN_PROGRAMS", "two"},
                                                        {"TARTAN_BUILD_THREADS", "0"},
                                                        {"TARTAN_BUILD_THREADS", "4x"},
                                                        {"TARTAN_WORKER_SPAWN", "soon"},
                                                        {"TARTAN_BUILD_SPLIT", "size"}}) {
    testing::ScopedEnv bad(name, value);
    try {
      compile(p, device);
      ADD_FAILURE() << name << "=" << value << " was accepted";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(value), std::string::npos) << e.what();
      EXPECT_FALSE(e.hint().empty());
    }
  }
}

}  // namespace
}  // namespace tartan
