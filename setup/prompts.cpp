#include "prompts.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <istream>
#include <ostream>

#include "tartan/support/error.h"

namespace tartan::setup {
namespace {

constexpr int kMaxInvalidAnswers = 5;

std::string trim_lower(std::string s, bool lower) {
  const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
  s.erase(s.begin(), std::find_if_not(s.begin(), s.end(), space));
  s.erase(std::find_if_not(s.rbegin(), s.rend(), space).base(), s.end());
  if (lower) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }
  return s;
}

}  // namespace

Prompter::Prompter(std::istream& in, std::ostream& out, Style style, bool assume_defaults,
                   bool input_echoed)
    : in_(in),
      out_(out),
      style_(style),
      assume_defaults_(assume_defaults),
      input_echoed_(input_echoed) {}

std::optional<std::string> Prompter::ask(const std::string& prompt,
                                         const std::string& default_text) {
  out_ << style_.bold(prompt) << " " << std::flush;
  if (assume_defaults_) {
    out_ << default_text << "\n";
    return std::nullopt;
  }
  std::string line;
  if (at_end_ || !std::getline(in_, line)) {
    at_end_ = true;
    out_ << "\n  (end of input: using the default, " << default_text << ")\n";
    return std::nullopt;
  }
  line = trim_lower(line, false);
  // A terminal echoes the answer; piped input does not, so echo it to keep the transcript
  // readable.
  if (!input_echoed_) out_ << line << "\n";
  return line;
}

void Prompter::complain(const std::string& accepted) {
  if (++invalid_answers_ >= kMaxInvalidAnswers) {
    throw Error("too many invalid answers; giving up",
                "answer with " + accepted + ", or run non-interactively with --yes");
  }
  out_ << style_.warn("  Please answer " + accepted + ".") << "\n";
}

bool Prompter::yes_no(const std::string& question, bool default_yes) {
  const std::string prompt = question + (default_yes ? " [Y/n]" : " [y/N]");
  for (;;) {
    const std::optional<std::string> answer = ask(prompt, default_yes ? "yes" : "no");
    if (!answer || answer->empty()) return default_yes;
    const std::string a = trim_lower(*answer, true);
    if (a == "y" || a == "yes") return true;
    if (a == "n" || a == "no") return false;
    complain("y (yes) or n (no), or press Enter for " + std::string(default_yes ? "yes" : "no"));
  }
}

std::size_t Prompter::choose(const std::string& question, const std::vector<std::string>& choices,
                             std::size_t default_index) {
  const std::string range = "1-" + std::to_string(choices.size());
  const std::string prompt =
      question + " [" + range + ", Enter for " + std::to_string(default_index + 1) + "]";
  for (;;) {
    const std::optional<std::string> answer =
        ask(prompt, std::to_string(default_index + 1) + " (" + choices[default_index] + ")");
    if (!answer || answer->empty()) return default_index;
    std::size_t n = 0;
    const char* end = answer->data() + answer->size();
    if (auto [p, ec] = std::from_chars(answer->data(), end, n);
        ec == std::errc() && p == end && n >= 1 && n <= choices.size()) {
      return n - 1;
    }
    for (std::size_t i = 0; i < choices.size(); ++i) {
      if (*answer == choices[i]) return i;
    }
    complain("a number from " + std::to_string(1) + " to " + std::to_string(choices.size()) +
             " (or a device id), or press Enter for " + std::to_string(default_index + 1));
  }
}

}  // namespace tartan::setup
