// Errors: user mistakes and compiler bugs are different things.
//
// A tartan::Error is something the user can fix (a bad program, flag, config, weights file,
// missing device). It carries what went wrong, optionally where (a source location), and how to
// fix it. A tartan::InternalError is a bug in tartan itself; it carries context for us.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace tartan {

// A position in a source text, 1-based. `file` is a path or a pseudo-name like "<string>".
struct SourceLoc {
  std::string file;
  int line = 0;
  int col = 0;
  int length = 1;  // how many columns the caret underline spans
};

class Error : public std::runtime_error {
 public:
  explicit Error(std::string what, std::string hint = {}, std::optional<SourceLoc> loc = {})
      : std::runtime_error(std::move(what)), hint_(std::move(hint)), loc_(std::move(loc)) {}

  const std::string& hint() const { return hint_; }
  const std::optional<SourceLoc>& loc() const { return loc_; }

 private:
  std::string hint_;
  std::optional<SourceLoc> loc_;
};

class InternalError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// Throws InternalError naming the failed condition and where it was checked.
[[noreturn]] void internal_check_failed(const char* cond, const char* file, int line,
                                        const std::string& msg);

}  // namespace tartan

// TARTAN_CHECK(cond) << nothing; a plain macro: TARTAN_CHECK(cond, "context").
#define TARTAN_CHECK(cond, msg)                                                     \
  do {                                                                              \
    if (!(cond)) ::tartan::internal_check_failed(#cond, __FILE__, __LINE__, (msg)); \
  } while (0)
