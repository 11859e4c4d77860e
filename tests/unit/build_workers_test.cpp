// Build workers with stand-in worker scripts (no OpenCL): what a spawned worker is given (its
// arguments, its jobs on standard input, and an environment the OpenCL loader cannot have cut
// short), that a worker that hangs or crashes costs a bounded wait, not the compile, that workers
// without jobs are stopped, and how the builds are split.
#include "runtime/build_workers.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "common/test_env.h"
#include "tartan/support/error.h"
#include "tartan/support/file_io.h"

namespace tartan {
namespace {

std::filesystem::path script(const std::filesystem::path& dir, const std::string& body) {
  const std::filesystem::path path = dir / "worker.sh";
  write_file_atomic(path, "#!/bin/sh\n" + body + "\n");
  ::chmod(path.c_str(), 0755);
  return path;
}

// A batch of `processes` workers given `sources` split by length, waited for (nothing else
// builds meanwhile). Returns how many ran.
int build_in_workers(const std::filesystem::path& worker, const std::string& device_id,
                     const std::filesystem::path& cache_dir,
                     const std::vector<const runtime::KernelCache::Source*>& sources,
                     const std::string& options, int processes, double timeout) {
  runtime::BuildWorkers workers(worker, device_id, cache_dir, options, processes);
  std::vector<double> costs;
  for (const runtime::KernelCache::Source* s : sources) {
    costs.push_back(static_cast<double>(s->text.size()));
  }
  workers.assign(sources,
                 runtime::balance_by_estimate(
                     costs, std::vector<double>(static_cast<std::size_t>(workers.started()), 0)));
  workers.wait(timeout);
  return workers.started();
}

struct Sources {
  std::vector<runtime::KernelCache::Source> storage{{"kernel void a() {}", "a"},
                                                    {"kernel void bb() {}", "bb"}};
  std::vector<const runtime::KernelCache::Source*> pointers{&storage[0], &storage[1]};
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The loader writes a NUL into OCL_ICD_FILENAMES (here: PATH, which ctest always sets) before
// compile() spawns its workers; each worker must still get the whole value, and the cache folder.
TEST(BuildWorkers, AWorkerGetsTheArgumentsAndTheStartingValueOfAVariableCutInPlace) {
  testing::TempDir dir;
  char* path = std::getenv("PATH");
  ASSERT_NE(path, nullptr);
  const std::string whole = path;
  ASSERT_GE(whole.size(), 2u);
  const std::filesystem::path worker = script(dir.path(),
                                              "/usr/bin/env > \"$(dirname \"$0\")/env.$$\"\n"
                                              "echo \"$@\" > \"$(dirname \"$0\")/args.$$\"\n"
                                              "cat > \"$(dirname \"$0\")/jobs.$$\"");
  const Sources s;
  const std::size_t cut = whole.size() / 2;
  const char saved = path[cut];
  path[cut] = '\0';
  const int ran =
      build_in_workers(worker, "some_device.0", dir.path() / "cache", s.pointers, "-DX", 2, 10.0);
  path[cut] = saved;
  EXPECT_EQ(ran, 2);
  int envs = 0, args = 0, jobs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    const std::string name = entry.path().filename().string();
    const std::string text = read_file(entry.path()).value_or("");
    if (name.rfind("env.", 0) == 0) {
      ++envs;
      EXPECT_NE(text.find("\nPATH=" + whole + "\n"), std::string::npos) << text;
    } else if (name.rfind("args.", 0) == 0) {
      ++args;
      EXPECT_EQ(text, "--device some_device.0 --cache-dir " + (dir.path() / "cache").string() +
                          " --options -DX -\n");
    } else if (name.rfind("jobs.", 0) == 0) {
      ++jobs;
      // One source each (two sources, two workers), named on standard input, one per line.
      EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1) << text;
      EXPECT_NE(text.find(".cl\n"), std::string::npos) << text;
    }
  }
  EXPECT_EQ(envs, 2);
  EXPECT_EQ(args, 2);
  EXPECT_EQ(jobs, 2);
}

TEST(BuildWorkers, AHungOrCrashedWorkerCostsABoundedWait) {
  for (const std::string body :
       {"echo $$ > \"$(dirname \"$0\")/pid.$$\"; exec sleep 30", "kill -SEGV $$", "exit 3"}) {
    SCOPED_TRACE(body);
    testing::TempDir dir;
    const Sources s;
    const auto start = std::chrono::steady_clock::now();
    const int ran = build_in_workers(script(dir.path(), body), "some_device.0",
                                     dir.path() / "cache", s.pointers, "", 2, 0.5);
    EXPECT_EQ(ran, 2);
    EXPECT_LT(seconds_since(start), 5.0);
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
      if (entry.path().filename().string().rfind("pid.", 0) != 0) continue;
      const pid_t pid = std::stoi(read_file(entry.path()).value_or("0"));
      ASSERT_GT(pid, 0);
      errno = 0;
      EXPECT_EQ(::kill(pid, 0), -1) << "worker " << pid << " still runs";
      EXPECT_EQ(errno, ESRCH);
    }
  }
}

// Longest first onto the builder that would finish it first, builders free at different times
// (this process now, workers after their start-up): worked by hand.
TEST(BuildWorkers, BalanceByEstimateIsLongestFirstOntoTheEarliestFinish) {
  // Order 90(1) 61(6) 40(3) 40(4) 29(8) 17(2) 8(7) 5(0) 3(5); builders free at 0, 50, 50:
  // 90->0 (90), 61->1 (111), 40->2 (90), 40->0 (130; tie with 2 goes to the lower index),
  // 29->2 (119), 17->1 (128), 8->2 (127), 5->2 (132), 3->1 (131).
  const std::vector<double> costs{5, 90, 17, 40, 40, 3, 61, 8, 29};
  const auto groups = runtime::balance_by_estimate(costs, {0, 50, 50});
  const std::vector<std::vector<std::size_t>> want{{1, 4}, {2, 5, 6}, {0, 3, 7, 8}};
  EXPECT_EQ(groups, want);
  EXPECT_EQ(runtime::balance_by_estimate(costs, {0, 50, 50}), groups) << "not deterministic";
  // A builder free only after the others have finished everything gets nothing.
  const std::vector<std::vector<std::size_t>> early{{0, 1}, {}};
  EXPECT_EQ(runtime::balance_by_estimate({1, 1}, {0, 5}), early);
  EXPECT_EQ(runtime::balance_by_estimate({}, {0, 0}).size(), 2u);
}

// Workers started before their jobs are known (compile() starts them before its passes) get
// exactly their group, through their standard input; one given nothing is stopped at once.
TEST(BuildWorkers, WorkersStartedEarlyGetTheirJobsLaterAndAnIdleOneIsStopped) {
  testing::TempDir dir;
  const std::filesystem::path worker =
      script(dir.path(),
             "d=\"$(dirname \"$0\")\"; echo $$ > \"$d/pid.$$\"; n=0\n"
             "while read f; do cat \"$f\" >> \"$d/got.$$\"; echo >> \"$d/got.$$\"; n=$((n+1)); "
             "done\n"
             "[ $n -gt 0 ] || exec sleep 30");  // an idle worker not stopped would hold wait()
  const Sources s;
  const auto start = std::chrono::steady_clock::now();
  {
    runtime::BuildWorkers workers(worker, "some_device.0", dir.path() / "cache", "", 3);
    ASSERT_EQ(workers.started(), 3);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // "codegen"
    workers.assign(s.pointers, {{1}, {}, {0}});
    const runtime::WorkerTimes times = workers.wait(20.0);
    EXPECT_GT(times.seconds, 0.1);
  }
  EXPECT_LT(seconds_since(start), 5.0) << "the idle worker was not stopped";
  std::vector<std::string> got;
  int pids = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("got.", 0) == 0) got.push_back(read_file(entry.path()).value_or(""));
    if (name.rfind("pid.", 0) != 0) continue;
    ++pids;
    const pid_t pid = std::stoi(read_file(entry.path()).value_or("0"));
    ASSERT_GT(pid, 0);
    EXPECT_EQ(::kill(pid, 0), -1) << "worker " << pid << " still runs";
  }
  EXPECT_LE(pids, 3);
  // Each source built once, by the worker of its group.
  std::sort(got.begin(), got.end());
  std::vector<std::string> want;
  for (const auto& source : s.storage) want.push_back(std::string(source.text) + "\n");
  std::sort(want.begin(), want.end());
  EXPECT_EQ(got, want);
}

// A compile that fails between starting its workers and knowing their jobs (an Error in its
// passes) leaves nothing running: the workers are stopped when the batch is destroyed.
TEST(BuildWorkers, WorkersNeverGivenJobsAreStoppedWithTheBatch) {
  testing::TempDir dir;
  const std::filesystem::path worker =
      script(dir.path(), "echo $$ > \"$(dirname \"$0\")/pid.$$\"; exec sleep 30");
  const auto start = std::chrono::steady_clock::now();
  {
    testing::ScopedEnv timeout("TARTAN_BUILD_WORKER_TIMEOUT", "20");
    runtime::BuildWorkers workers(worker, "some_device.0", dir.path() / "cache", "", 2);
    EXPECT_EQ(workers.started(), 2);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the scripts write their pid
  }
  EXPECT_LT(seconds_since(start), 5.0);
  int pids = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    if (entry.path().filename().string().rfind("pid.", 0) != 0) continue;
    ++pids;
    const pid_t pid = std::stoi(read_file(entry.path()).value_or("0"));
    ASSERT_GT(pid, 0);
    errno = 0;
    EXPECT_EQ(::kill(pid, 0), -1) << "worker " << pid << " still runs";
    EXPECT_EQ(errno, ESRCH);
  }
  EXPECT_EQ(pids, 2);
}

TEST(BuildWorkers, TheTimeoutComesFromTheEnvironmentAndRejectsNonsense) {
  {
    testing::ScopedEnv unset("TARTAN_BUILD_WORKER_TIMEOUT", nullptr);
    EXPECT_EQ(runtime::build_worker_timeout(), runtime::kDefaultWorkerTimeout);
  }
  {
    testing::ScopedEnv set("TARTAN_BUILD_WORKER_TIMEOUT", "2.5");
    EXPECT_EQ(runtime::build_worker_timeout(), 2.5);
  }
  for (const char* bad : {"0", "-1", "10s", "soon"}) {
    testing::ScopedEnv set("TARTAN_BUILD_WORKER_TIMEOUT", bad);
    EXPECT_THROW(runtime::build_worker_timeout(), Error) << bad;
  }
}

}  // namespace
}  // namespace tartan
