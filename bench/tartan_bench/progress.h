// A one-line progress bar on stderr, drawn only when stderr is a terminal (never into a pipe
// or a log file), redrawn at most ten times a second.
#pragma once

#include <chrono>
#include <string>

namespace tartan::bench {

class ProgressBar {
 public:
  ProgressBar(std::string label, int total);
  ~ProgressBar();  // clears the line
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(int done);

 private:
  std::string label_;
  int total_;
  bool enabled_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace tartan::bench
