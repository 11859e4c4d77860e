#include "common/process.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ;

namespace tartan::testing {
namespace {

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

ExecArgs make_exec_args(const std::string& binary, const std::vector<std::string>& args,
                        const EnvChanges& changes) {
  ExecArgs e;
  e.storage_args.push_back(binary);
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

int wait_with_timeout(int pid, int seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  for (;;) {
    int status = 0;
    const int r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) return decode_status(status);
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      ADD_FAILURE() << "the child process did not finish within " << seconds << " s";
      return -1;
    }
    ::usleep(10000);
  }
}

ChildProcess::ChildProcess(const std::string& binary, const std::vector<std::string>& args,
                           const EnvChanges& env, const std::string& input) {
  char dir_template[] = "/tmp/tartan-child-XXXXXX";
  dir_ = ::mkdtemp(dir_template);
  const std::string in_path = dir_ + "/in", out_path = dir_ + "/out", err_path = dir_ + "/err";
  std::ofstream(in_path, std::ios::binary) << input;
  ExecArgs e = make_exec_args(binary, args, env);
  pid_ = ::fork();
  if (pid_ == 0) {
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
  if (pid_ < 0) ADD_FAILURE() << "fork failed";
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  std::filesystem::remove_all(dir_);
}

std::string ChildProcess::out() const { return slurp(dir_ + "/out"); }
std::string ChildProcess::err() const { return slurp(dir_ + "/err"); }

ProcessResult ChildProcess::wait(int seconds) {
  ProcessResult result;
  result.exit_code = wait_with_timeout(pid_, seconds);
  pid_ = -1;
  result.out = out();
  result.err = err();
  return result;
}

ProcessResult run_process(const std::string& binary, const std::vector<std::string>& args,
                          const EnvChanges& env, const std::string& input, int timeout_seconds) {
  ChildProcess child(binary, args, env, input);
  return child.wait(timeout_seconds);
}

}  // namespace tartan::testing
