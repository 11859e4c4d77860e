// Accumulates C source with indentation; `open`/`close` bracket a block.
#pragma once

#include <string>
#include <string_view>

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

 private:
  std::string text_;
  int indent_ = 0;
};

}  // namespace tartan
