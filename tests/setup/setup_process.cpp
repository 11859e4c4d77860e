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

namespace tartan::testing {

ProcessResult run_setup(const std::vector<std::string>& args, const EnvChanges& env,
                        const std::string& input) {
  return run_process(TARTAN_SETUP_BIN, args, env, input, 120);
}

PtySession::PtySession(const std::vector<std::string>& args, const EnvChanges& env) {
  ExecArgs e = make_exec_args(TARTAN_SETUP_BIN, args, env);
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
