// format_diagnostic: one user error as the compiler-style text users know from clang.
#include <algorithm>

#include "tartan/lang/parse.h"

namespace tartan {

namespace {

// Line `line` (1-based) of `source` without its line break, or nullopt past the end.
std::optional<std::string_view> source_line(std::string_view source, int line) {
  std::size_t start = 0;
  for (int l = 1; l < line; ++l) {
    const std::size_t nl = source.find('\n', start);
    if (nl == std::string_view::npos) return std::nullopt;
    start = nl + 1;
  }
  std::size_t end = source.find('\n', start);
  if (end == std::string_view::npos) end = source.size();
  std::string_view text = source.substr(start, end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

// Spaces up to the column (tabs kept, so the caret lines up under the source), then ^~~~.
std::string caret_line(std::string_view text, int col, int length) {
  std::string s;
  for (int i = 0; i + 1 < col; ++i) {
    s += static_cast<std::size_t>(i) < text.size() && text[static_cast<std::size_t>(i)] == '\t'
             ? '\t'
             : ' ';
  }
  const int room = std::max(1, static_cast<int>(text.size()) - (col - 1));
  const int span = std::clamp(length, 1, room);
  s += '^';
  s.append(static_cast<std::size_t>(span - 1), '~');
  return s;
}

}  // namespace

std::string format_diagnostic(const Error& error, std::string_view source) {
  std::string out;
  const std::optional<SourceLoc>& loc = error.loc();
  if (loc) {
    out = loc->file + ":" + std::to_string(loc->line) + ":" + std::to_string(loc->col) +
          ": error: " + error.what() + "\n";
    if (loc->line >= 1 && loc->col >= 1) {
      if (const auto text = source_line(source, loc->line)) {
        out += std::string(*text) + "\n" + caret_line(*text, loc->col, loc->length) + "\n";
      }
    }
  } else {
    out = std::string("error: ") + error.what() + "\n";
  }
  if (!error.hint().empty()) out += "hint: " + error.hint() + "\n";
  return out;
}

}  // namespace tartan
