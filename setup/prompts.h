// Questions on the terminal (or piped input). An empty answer takes the default; a wrong one is
// asked again, saying what is accepted; end of input takes the defaults for this and every later
// question. Non-interactive runs (--yes) answer every question with its default without reading.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "terminal.h"

namespace tartan::setup {

class Prompter {
 public:
  // `input_echoed`: the input is a terminal, which echoes the answer and its newline.
  Prompter(std::istream& in, std::ostream& out, Style style, bool assume_defaults,
           bool input_echoed);

  bool yes_no(const std::string& question, bool default_yes);
  // One of `choices` (shown numbered from 1 by the caller); accepts a number or the choice's
  // text. Returns a 0-based index.
  std::size_t choose(const std::string& question, const std::vector<std::string>& choices,
                     std::size_t default_index);

 private:
  // The trimmed answer; nullopt at end of input or with assume_defaults (saying which default is
  // taken). Throws Error after too many invalid answers, so that endless wrong input (`yes |`)
  // cannot loop forever.
  std::optional<std::string> ask(const std::string& prompt, const std::string& default_text);
  void complain(const std::string& accepted);

  std::istream& in_;
  std::ostream& out_;
  Style style_;
  bool assume_defaults_;
  bool input_echoed_;
  bool at_end_ = false;
  int invalid_answers_ = 0;
};

}  // namespace tartan::setup
