// build_in_workers with stand-in worker scripts (no OpenCL): what a spawned worker is given
// (its arguments, and an environment the OpenCL loader cannot have cut short), and that a worker
// that hangs or crashes costs a bounded wait, not the compile.
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
                                              "echo \"$@\" > \"$(dirname \"$0\")/args.$$\"");
  const Sources s;
  const std::size_t cut = whole.size() / 2;
  const char saved = path[cut];
  path[cut] = '\0';
  const int ran = runtime::build_in_workers(worker, "some_device.0", dir.path() / "cache",
                                            s.pointers, "-DX", 2, 10.0);
  path[cut] = saved;
  EXPECT_EQ(ran, 2);
  int envs = 0, args = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    const std::string name = entry.path().filename().string();
    const std::string text = read_file(entry.path()).value_or("");
    if (name.rfind("env.", 0) == 0) {
      ++envs;
      EXPECT_NE(text.find("\nPATH=" + whole + "\n"), std::string::npos) << text;
    } else if (name.rfind("args.", 0) == 0) {
      ++args;
      EXPECT_NE(text.find("--device some_device.0 --cache-dir " + (dir.path() / "cache").string() +
                          " --options -DX "),
                std::string::npos)
          << text;
      EXPECT_NE(text.find(".cl"), std::string::npos) << text;
    }
  }
  EXPECT_EQ(envs, 2);
  EXPECT_EQ(args, 2);
}

TEST(BuildWorkers, AHungOrCrashedWorkerCostsABoundedWait) {
  for (const std::string body :
       {"echo $$ > \"$(dirname \"$0\")/pid.$$\"; exec sleep 30", "kill -SEGV $$", "exit 3"}) {
    SCOPED_TRACE(body);
    testing::TempDir dir;
    const Sources s;
    const auto start = std::chrono::steady_clock::now();
    const int ran = runtime::build_in_workers(script(dir.path(), body), "some_device.0",
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

// Every source in exactly one group; the longest goes first (to group 0, this process's share in
// KernelCache::build_all), and no group's total exceeds another's by more than its smallest
// source's length (greedy longest-first onto the least loaded).
TEST(BuildWorkers, BalanceByLengthPartitionsEvenly) {
  std::vector<std::string> texts;
  for (std::size_t n : {5, 90, 17, 40, 40, 3, 61, 8, 29}) texts.push_back(std::string(n, 'x'));
  std::vector<runtime::KernelCache::Source> storage;
  for (const std::string& t : texts) storage.push_back({t, "k"});
  std::vector<const runtime::KernelCache::Source*> sources;
  for (const auto& s : storage) sources.push_back(&s);
  const auto groups = runtime::balance_by_length(sources, 3);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].front(), 1u) << "the longest source first, to group 0";
  std::vector<int> seen(texts.size(), 0);
  std::vector<std::size_t> load(groups.size(), 0), smallest(groups.size(), SIZE_MAX);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (std::size_t i : groups[g]) {
      ++seen[i];
      load[g] += texts[i].size();
      smallest[g] = std::min(smallest[g], texts[i].size());
    }
  }
  for (int n : seen) EXPECT_EQ(n, 1);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (std::size_t h = 0; h < groups.size(); ++h) {
      EXPECT_LE(load[g], load[h] + smallest[g]) << g << " vs " << h;
    }
  }
  EXPECT_EQ(runtime::balance_by_length(sources, 20).size(), 20u);
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
