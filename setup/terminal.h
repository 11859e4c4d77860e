// Output styling: colour and bold only when the stream is a terminal that wants them (not when
// piped, not with NO_COLOR set, not on TERM=dumb).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace tartan::setup {

class Style {
 public:
  explicit Style(bool enabled) : enabled_(enabled) {}
  // Styling for a file descriptor (STDOUT_FILENO, STDERR_FILENO) per the rules above.
  static Style for_fd(int fd);

  bool enabled() const { return enabled_; }
  std::string bold(std::string_view s) const { return wrap("1", s); }
  std::string dim(std::string_view s) const { return wrap("2", s); }
  std::string ok(std::string_view s) const { return wrap("32", s); }    // green
  std::string warn(std::string_view s) const { return wrap("33", s); }  // yellow
  std::string bad(std::string_view s) const { return wrap("31", s); }   // red

 private:
  std::string wrap(const char* code, std::string_view s) const;
  bool enabled_;
};

bool is_terminal(int fd);

}  // namespace tartan::setup
