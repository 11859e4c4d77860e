#include "terminal.h"

#include <unistd.h>

#include "tartan/support/env.h"

namespace tartan::setup {

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

Style Style::for_fd(int fd) {
  // https://no-color.org: any non-empty NO_COLOR disables colour.
  const bool wanted = !env_string("NO_COLOR") && env_string("TERM").value_or("") != "dumb";
  return Style(wanted && is_terminal(fd));
}

std::string Style::wrap(const char* code, std::string_view s) const {
  if (!enabled_) return std::string(s);
  return "\x1b[" + std::string(code) + "m" + std::string(s) + "\x1b[0m";
}

}  // namespace tartan::setup
