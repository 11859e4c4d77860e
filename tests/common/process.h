// Runs a real binary for the CLI tests (tartan-setup, tartan-bench): with an environment of the
// test's choosing, stdin from a file (so it is not a terminal) and stdout/stderr captured.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tartan::testing {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal when killed by one
  std::string out;
  std::string err;
};

// Environment changes: a value sets the variable, nullopt removes it.
using EnvChanges = std::map<std::string, std::optional<std::string>>;

// argv and envp for execve, built before fork: after it, only async-signal-safe calls may run
// in the child.
struct ExecArgs {
  std::vector<std::string> storage_args, storage_env;
  std::vector<char*> argv, envp;
};
ExecArgs make_exec_args(const std::string& binary, const std::vector<std::string>& args,
                        const EnvChanges& changes);

// waitpid with a deadline; kills the child and fails the test when it passes.
int wait_with_timeout(int pid, int seconds);

// A child whose stdout and stderr go to files, for tests that act on it while it runs (send
// it a signal). The destructor kills it if it is still running.
class ChildProcess {
 public:
  ChildProcess(const std::string& binary, const std::vector<std::string>& args,
               const EnvChanges& env, const std::string& input = "");
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  int pid() const { return pid_; }
  std::string out() const;  // what it has written so far
  std::string err() const;
  // Waits for the exit (failing the test after `seconds`) and returns the result.
  ProcessResult wait(int seconds);

 private:
  std::string dir_;
  int pid_ = -1;
};

// Runs `binary` to the end. Fails the test (and returns exit_code -1) past `timeout_seconds`.
ProcessResult run_process(const std::string& binary, const std::vector<std::string>& args,
                          const EnvChanges& env, const std::string& input = "",
                          int timeout_seconds = 120);

}  // namespace tartan::testing
