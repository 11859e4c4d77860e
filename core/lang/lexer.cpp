#include "lang/lexer.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace tartan {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }

// Integer literals saturate here; the parser reports values outside int32 with their location.
constexpr std::int64_t kIntSaturation = std::int64_t{1} << 40;

class Lexer {
 public:
  Lexer(std::string_view src, const std::string& file) : src_(src), file_(file) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    for (;;) {
      skip_space_and_comments();
      Token t = next();
      tokens.push_back(t);
      if (t.kind == Tok::kEnd) return tokens;
    }
  }

 private:
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
  }
  bool at_end() const { return pos_ >= src_.size(); }

  void advance() {
    if (src_[pos_] == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    ++pos_;
  }

  [[noreturn]] void fail(int line, int col, int length, const std::string& what,
                         const std::string& hint = {}) const {
    throw Error(what, hint, SourceLoc{file_, line, col, length});
  }

  void skip_space_and_comments() {
    while (!at_end()) {
      const char c = peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        advance();
      } else if (c == '/' && peek(1) == '/') {
        while (!at_end() && peek() != '\n') advance();
      } else if (c == '/' && peek(1) == '*') {
        const int line = line_, col = col_;
        advance();
        advance();
        while (!(peek() == '*' && peek(1) == '/')) {
          if (at_end()) {
            fail(line, col, 2, "unterminated block comment", "close it with */");
          }
          advance();
        }
        advance();
        advance();
      } else {
        return;
      }
    }
  }

  Token next() {
    Token t;
    t.line = line_;
    t.col = col_;
    const std::size_t start = pos_;
    if (at_end()) {
      t.kind = Tok::kEnd;
      t.text = src_.substr(start, 0);
      return t;
    }
    const char c = peek();
    if (is_ident_start(c)) {
      while (is_ident_char(peek())) advance();
      t.kind = Tok::kIdent;
    } else if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
      lex_number(&t);
    } else if (!lex_punctuation(&t)) {
      bad_character(c);
    }
    t.text = src_.substr(start, pos_ - start);
    if (t.kind == Tok::kFloat) float_value(&t);
    return t;
  }

  void lex_number(Token* t) {
    t->kind = Tok::kInt;
    while (is_digit(peek())) {
      const std::int64_t digit = peek() - '0';
      t->int_value = t->int_value >= kIntSaturation ? kIntSaturation : t->int_value * 10 + digit;
      advance();
    }
    if (peek() == '.') {
      t->kind = Tok::kFloat;
      advance();
      while (is_digit(peek())) advance();
    }
    if (peek() == 'e' || peek() == 'E') {
      const int line = line_, col = col_;
      t->kind = Tok::kFloat;
      advance();
      if (peek() == '+' || peek() == '-') advance();
      if (!is_digit(peek())) {
        fail(line, col, 1, "malformed number: the exponent has no digits",
             "write an exponent like 1e-3");
      }
      while (is_digit(peek())) advance();
    }
  }

  // Float literals are float32. One beyond its range is an error rather than infinity: tile has
  // no infinity literal, and PlaidML rejected such literals too (std::stod fails on them).
  void float_value(Token* t) const {
    const std::string text(t->text);
    t->float_value = std::strtod(text.c_str(), nullptr);
    if (std::isinf(std::strtof(text.c_str(), nullptr))) {
      fail(t->line, t->col, static_cast<int>(text.size()),
           "float literal " + text + " is out of float32's range",
           "the largest float32 is 3.4028235e38; tile has no literal for infinity");
    }
  }

  bool lex_punctuation(Token* t) {
    for (const TokenSpelling& p : punctuation_table()) {
      if (src_.substr(pos_, p.text.size()) == p.text) {
        t->kind = p.kind;
        for (std::size_t i = 0; i < p.text.size(); ++i) advance();
        return true;
      }
    }
    return false;
  }

  [[noreturn]] void bad_character(char c) const {
    std::string shown;
    if (c >= 0x20 && c < 0x7f) {
      shown = std::string("'") + c + "'";
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "0x%02x", static_cast<unsigned char>(c));
      shown = buf;
    }
    std::string hint =
        "tile programs use names, numbers and the operators + - * / % == != < > "
        "<= >= && || ! ? : = , ; ( ) [ ] { } ->";
    if (c == '&') hint = "did you mean && ?";
    if (c == '|') hint = "did you mean || ?";
    fail(line_, col_, 1, "unexpected character " + shown, hint);
  }

  std::string_view src_;
  const std::string& file_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int col_ = 1;
};

}  // namespace

std::vector<Token> lex(std::string_view source, const std::string& file) {
  return Lexer(source, file).run();
}

}  // namespace tartan
