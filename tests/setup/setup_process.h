// Runs the real tartan-setup binary for the CLI tests: with an environment of the test's
// choosing (temp config and cache dirs), piped input, or on a pseudo-terminal.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/process.h"

namespace tartan::testing {

// Runs tartan-setup with `args`, `input` on stdin (a file, so stdin is not a terminal) and
// stdout/stderr captured. Fails the test (and returns exit_code -1) if it runs over 120 s.
ProcessResult run_setup(const std::vector<std::string>& args, const EnvChanges& env,
                        const std::string& input = "");

// A tartan-setup on a pseudo-terminal, driven by waiting for text and typing answers.
class PtySession {
 public:
  PtySession(const std::vector<std::string>& args, const EnvChanges& env);
  ~PtySession();
  PtySession(const PtySession&) = delete;
  PtySession& operator=(const PtySession&) = delete;

  // Reads output until it contains `text` (returns true) or the child ends or 60 s pass.
  bool wait_for(const std::string& text);
  void type(const std::string& keys);
  // Reads the rest of the output and waits for the exit; returns the exit code.
  int finish();
  const std::string& transcript() const { return transcript_; }

 private:
  bool read_some(int timeout_ms);
  int fd_ = -1;
  int pid_ = -1;
  std::string transcript_;
};

}  // namespace tartan::testing
