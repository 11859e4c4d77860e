#include "common/input_flags.h"

#include <charconv>

namespace tartan {

namespace {

std::pair<std::string, std::string> split_assignment(const std::string& flag, const char* form) {
  const auto eq = flag.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw Error("bad value `" + flag + "`", std::string("write it as ") + form);
  }
  return {flag.substr(0, eq), flag.substr(eq + 1)};
}

Shape parse_dims(const std::string& flag, const std::string& text) {
  Shape shape;
  if (text.empty()) return shape;  // NAME= is a scalar
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t comma = std::min(text.find(',', pos), text.size());
    std::int64_t dim = 0;
    const char* first = text.data() + pos;
    const char* last = text.data() + comma;
    const auto [end, ec] = std::from_chars(first, last, dim);
    if (ec != std::errc() || end != last || dim <= 0) {
      throw Error("bad dimension `" + std::string(first, last) + "` in --shape " + flag,
                  "dimensions are positive integers: --shape I=1,224,224,3");
    }
    shape.push_back(dim);
    pos = comma + 1;
  }
  return shape;
}

}  // namespace

std::map<std::string, InputSpec> parse_input_flags(const std::vector<std::string>& shapes,
                                                   const std::vector<std::string>& dtypes) {
  std::map<std::string, InputSpec> specs;
  for (const std::string& flag : shapes) {
    const auto [name, dims] = split_assignment(flag, "--shape NAME=1,224,224,3");
    specs[name].shape = parse_dims(flag, dims);
  }
  for (const std::string& flag : dtypes) {
    const auto [name, type] = split_assignment(flag, "--dtype NAME=float16");
    const auto dtype = parse_dtype(type);
    if (!dtype) {
      throw Error("unknown type `" + type + "` in --dtype " + flag,
                  "use one of bool, int32, float16, float32");
    }
    if (!specs.count(name)) {
      throw Error("--dtype " + flag + " names an input without a --shape",
                  "give its shape too: --shape " + name + "=...");
    }
    specs[name].dtype = *dtype;
  }
  return specs;
}

}  // namespace tartan
