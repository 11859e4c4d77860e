#include "runtime/build_workers.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <numeric>
#include <system_error>
#include <thread>

#include "support/child_env.h"
#include "tartan/support/env.h"
#include "tartan/support/error.h"
#include "tartan/support/file_io.h"

namespace tartan::runtime {

// A fresh folder for one batch of jobs, removed with everything in it at the end.
class JobDir {
 public:
  JobDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "tartan-build-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~JobDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  JobDir(const JobDir&) = delete;
  JobDir& operator=(const JobDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

namespace {

// Starts `worker` with `input` as its standard input and its output appended to `log`.
pid_t spawn(const std::filesystem::path& worker, const std::vector<std::string>& args, int input,
            const std::filesystem::path& log) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_adddup2(&files, input, STDIN_FILENO);
  for (int fd : {STDOUT_FILENO, STDERR_FILENO}) {
    posix_spawn_file_actions_addopen(&files, fd, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
  }
  // The worker starts clean: none of our descriptors (the driver's device files among them), no
  // blocked signals, default handlers.
  posix_spawn_file_actions_addclosefrom_np(&files, STDERR_FILENO + 1);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &all);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  // Not `environ`: the OpenCL loader has cut some of its variables short in place by now.
  std::vector<std::string> env_strings = child_environment();
  std::vector<char*> env;
  for (std::string& v : env_strings) env.push_back(v.data());
  env.push_back(nullptr);
  pid_t pid = -1;
  const int err = posix_spawn(&pid, worker.c_str(), &files, &attr, argv.data(), env.data());
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&files);
  return err == 0 ? pid : -1;
}

}  // namespace

std::filesystem::path build_worker_path() {
  if (std::optional<std::string> v = env_string("TARTAN_BUILD_WORKER")) return *v;
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const std::filesystem::path worker = self.parent_path() / "tartan-build-worker";
  return std::filesystem::exists(worker, ec) ? worker : std::filesystem::path();
}

double build_worker_timeout() {
  const std::optional<std::string> v = env_string("TARTAN_BUILD_WORKER_TIMEOUT");
  if (!v) return kDefaultWorkerTimeout;
  char* end = nullptr;
  const double seconds = std::strtod(v->c_str(), &end);
  if (end != v->c_str() + v->size() || !(seconds > 0)) {
    throw Error("TARTAN_BUILD_WORKER_TIMEOUT is '" + *v + "'",
                "set it to a number of seconds greater than 0, or unset it");
  }
  return seconds;
}

std::vector<std::vector<std::size_t>> balance_by_estimate(const std::vector<double>& costs,
                                                          const std::vector<double>& ready) {
  std::vector<std::size_t> order(costs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return costs[a] > costs[b]; });
  std::vector<std::vector<std::size_t>> groups(ready.size());
  std::vector<double> free_at = ready;
  for (std::size_t i : order) {
    const auto b = static_cast<std::size_t>(std::min_element(free_at.begin(), free_at.end()) -
                                            free_at.begin());
    groups[b].push_back(i);
    free_at[b] += costs[i];
  }
  for (std::vector<std::size_t>& g : groups) std::sort(g.begin(), g.end());
  return groups;
}

BuildWorkers::BuildWorkers(const std::filesystem::path& worker, const std::string& device_id,
                           const std::filesystem::path& cache_dir, const std::string& options,
                           int processes)
    : dir_(std::make_unique<JobDir>()), started_(std::chrono::steady_clock::now()) {
  if (processes < 1 || worker.empty() || dir_->path().empty()) return;
  const std::vector<std::string> args{worker.string(),    "--device",  device_id, "--cache-dir",
                                      cache_dir.string(), "--options", options,   "-"};
  for (int w = 0; w < processes; ++w) {
    // A socket rather than a pipe: send() with MSG_NOSIGNAL cannot raise SIGPIPE in the caller's
    // process when a worker died before reading its jobs.
    int ends[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) break;
    const pid_t pid = spawn(worker, args, ends[1], log_path(workers_.size()));
    close(ends[1]);
    if (pid <= 0) {
      close(ends[0]);
      break;
    }
    workers_.push_back({pid, ends[0], false});
  }
}

BuildWorkers::~BuildWorkers() {
  if (waited_) return;
  try {
    wait(build_worker_timeout());
  } catch (const Error&) {
    wait(kDefaultWorkerTimeout);  // a bad TARTAN_BUILD_WORKER_TIMEOUT: reported by the caller
  }
}

std::filesystem::path BuildWorkers::log_path(std::size_t worker) const {
  return dir_->path() / ("worker-" + std::to_string(worker) + ".log");
}

double BuildWorkers::age_seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

void BuildWorkers::assign(const std::vector<const KernelCache::Source*>& sources,
                          const std::vector<std::vector<std::size_t>>& groups) {
  TARTAN_CHECK(!assigned_, "build workers given jobs twice");
  assigned_ = true;
  for (std::size_t w = 0; w < workers_.size(); ++w) {
    Worker& worker = workers_[w];
    std::string paths;  // one per line; a worker ignores a last line cut short
    try {
      for (std::size_t i : w < groups.size() ? groups[w] : std::vector<std::size_t>{}) {
        const std::filesystem::path file =
            dir_->path() / (std::to_string(i) + "-" + sources[i]->name + ".cl");
        write_file_atomic(file, sources[i]->text);
        paths += file.string() + "\n";
      }
    } catch (const Error& e) {
      spdlog::debug("build workers: {}", e.what());
      paths.clear();  // the caller builds what no worker did
    }
    // Non-blocking: a few kilobytes fit the socket's buffer; a worker that is not reading must
    // not hold this process up.
    // What is not sent (a worker gone already) the caller builds after wait(), as it does for a
    // worker that failed.
    if (!paths.empty()) {
      send(worker.input, paths.data(), paths.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    close(worker.input);
    worker.input = -1;
    if (paths.empty()) {  // nothing to do: its start-up would only slow the others'
      worker.idle = true;
      kill(worker.pid, SIGKILL);
    }
  }
}

WorkerTimes BuildWorkers::wait(double timeout) {
  if (!assigned_) assign({}, {});  // no jobs: every worker is stopped at once
  waited_ = true;
  WorkerTimes slowest;
  // Bounded: a worker that hangs (a driver stuck in its compiler) is killed at the deadline, and
  // the caller builds its kernels as if it had failed.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout);
  std::vector<bool> done(workers_.size(), false);
  for (std::size_t left = workers_.size(); left > 0;) {
    const bool late = std::chrono::steady_clock::now() >= deadline;
    for (std::size_t i = 0; i < workers_.size(); ++i) {
      if (done[i]) continue;
      const Worker& w = workers_[i];
      int status = 0;
      // One stopped for lack of jobs was killed already: reaped at once.
      pid_t got = waitpid(w.pid, &status, w.idle ? 0 : WNOHANG);
      if (got == 0 && late) {
        kill(w.pid, SIGKILL);
        while ((got = waitpid(w.pid, &status, 0)) < 0 && errno == EINTR) {
        }
        spdlog::warn(
            "build worker {} did not finish within {} s (TARTAN_BUILD_WORKER_TIMEOUT); "
            "killed, its kernels are built here instead",
            i, timeout);
      } else if (got == w.pid && w.idle) {
        // Stopped for lack of jobs: nothing to report.
      } else if (got == w.pid && (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
        // Unexpected (a kernel that does not build fails here too, with its log): say why.
        spdlog::warn("build worker {} failed (status {}), its kernels are built here instead:\n{}",
                     i, status, read_file(log_path(i)).value_or("").substr(0, 2000));
      } else if (got == w.pid) {
        const std::string log = read_file(log_path(i)).value_or("");
        const std::size_t at = log.find(kWorkerReadyLine);
        if (at != std::string::npos) {
          slowest.ready_seconds =
              std::max(slowest.ready_seconds,
                       std::strtod(log.c_str() + at + kWorkerReadyLine.size(), nullptr));
        }
      }
      if (got != 0) {  // exited, killed, or not ours to wait for (got < 0): done either way
        done[i] = true;
        --left;
        if (!w.idle) slowest.seconds = std::max(slowest.seconds, age_seconds());
      }
    }
    if (left > 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return slowest;
}

}  // namespace tartan::runtime
