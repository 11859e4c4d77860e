// Accumulates C source with indentation; `open`/`close` bracket a block.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tartan {

class CodeWriter {
 public:
  explicit CodeWriter(int indent = 0) : indent_(indent) {}
  void line(std::string_view text) {
    text_.append(static_cast<std::size_t>(indent_) * 2, ' ');
    text_.append(text);
    text_ += '\n';
  }
  void open(std::string_view head) {  // an empty head opens a bare block
    line(head.empty() ? "{" : std::string(head) + " {");
    ++indent_;
  }
  void close(std::string_view tail = "}") {
    --indent_;
    line(tail);
  }
  const std::string& text() const { return text_; }

  // A place to insert lines later, at the indentation it had: declarations that belong in
  // front of a loop whose body decides them.
  struct Anchor {
    std::size_t pos = 0;
    int indent = 0;
  };
  Anchor anchor() const { return {text_.size(), indent_}; }
  // Inserts `lines` at `at` (an anchor taken since the last insert before it).
  void insert(const Anchor& at, const std::vector<std::string>& lines) {
    std::string block;
    for (const std::string& l : lines) {
      block.append(static_cast<std::size_t>(at.indent) * 2, ' ');
      block += l;
      block += '\n';
    }
    text_.insert(at.pos, block);
  }

 private:
  std::string text_;
  int indent_ = 0;
};

}  // namespace tartan
