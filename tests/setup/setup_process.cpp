#include "setup_process.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>

extern char** environ;

namespace tartan::testing {
namespace {

// Built before fork: after it, only async-signal-safe calls may run in the child.
struct ExecArgs {
  std::vector<std::string> storage_args, storage_env;
  std::vector<char*> argv, envp;
};

ExecArgs make_exec_args(const std::vector<std::string>& args, const EnvChanges& changes) {
  ExecArgs e;
  e.storage_args.push_back(TARTAN_SETUP_BIN);
  e.storage_args.insert(e.storage_args.end(), args.begin(), args.end());
  for (char** p = environ; *p != nullptr; ++p) {
    const std::string entry = *p;
    const std::string name = entry.substr(0, entry.find('='));
    if (changes.count(name) == 0) e.storage_env.push_back(entry);
  }
  for (const auto& [name, value] : changes) {
    if (value) e.storage_env.push_back(name + "=" + *value);
  }
  for (std::string& s : e.storage_args) e.argv.push_back(s.data());
  for (std::string& s : e.storage_env) e.envp.push_back(s.data());
  e.argv.push_back(nullptr);
  e.envp.push_back(nullptr);
  return e;
}

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// waitpid with a deadline; kills the child when it passes.
int wait_with_timeout(int pid, int seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  for (;;) {
    int status = 0;
    const int r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) return decode_status(status);
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      ADD_FAILURE() << "tartan-setup did not finish within " << seconds << " s";
      return -1;
    }
    ::usleep(10000);
  }
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

ProcessResult run_setup(const std::vector<std::string>& args, const EnvChanges& env,
                        const std::string& input) {
  char dir_template[] = "/tmp/tartan-setup-run-XXXXXX";
  const std::string dir = ::mkdtemp(dir_template);
  const std::string in_path = dir + "/in", out_path = dir + "/out", err_path = dir + "/err";
  std::ofstream(in_path, std::ios::binary) << input;
  ExecArgs e = make_exec_args(args, env);
  const int pid = ::fork();
  if (pid == 0) {
    const int in = ::open(in_path.c_str(), O_RDONLY);
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0 || err < 0) ::_exit(126);
    ::dup2(in, STDIN_FILENO);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::execve(e.argv[0], e.argv.data(), e.envp.data());
    ::_exit(127);
  }
  ProcessResult result;
  result.exit_code = wait_with_timeout(pid, 120);
  result.out = slurp(out_path);
  result.err = slurp(err_path);
  std::filesystem::remove_all(dir);
  return result;
}

PtySession::PtySession(const std::vector<std::string>& args, const EnvChanges& env) {
  ExecArgs e = make_exec_args(args, env);
  pid_ = ::forkpty(&fd_, nullptr, nullptr, nullptr);
  if (pid_ == 0) {
    ::execve(e.argv[0], e.argv.data(), e.envp.data());
    ::_exit(127);
  }
  if (pid_ < 0) ADD_FAILURE() << "forkpty failed: " << std::strerror(errno);
}

PtySession::~PtySession() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  if (fd_ >= 0) ::close(fd_);
}

bool PtySession::read_some(int timeout_ms) {
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, timeout_ms) <= 0) return true;  // nothing yet; not the end
  char buf[4096];
  const ssize_t n = ::read(fd_, buf, sizeof buf);
  if (n <= 0) return false;  // EIO: the child closed the terminal
  transcript_.append(buf, static_cast<std::size_t>(n));
  return true;
}

bool PtySession::wait_for(const std::string& text) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (transcript_.find(text) == std::string::npos) {
    if (std::chrono::steady_clock::now() > deadline || !read_some(100)) {
      return transcript_.find(text) != std::string::npos;
    }
  }
  return true;
}

void PtySession::type(const std::string& keys) {
  ASSERT_EQ(::write(fd_, keys.data(), keys.size()), static_cast<ssize_t>(keys.size()));
}

int PtySession::finish() {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline && read_some(100)) {
  }
  const int code = wait_with_timeout(pid_, 60);
  pid_ = -1;
  return code;
}

}  // namespace tartan::testing
