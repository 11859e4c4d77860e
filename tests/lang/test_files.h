// Helpers shared by the front-end tests: reading test files and their header comments.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tartan/lang/parse.h"

namespace tartan::testing {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Every file in `dir` ending in `ext`, sorted by name.
inline std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir,
                                                   const std::string& ext) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ext) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The text after `// <key>:` on a line of `source`, or empty when there is none.
inline std::string header_field(const std::string& source, const std::string& key) {
  const std::string tag = "// " + key + ":";
  const std::size_t at = source.find(tag);
  if (at == std::string::npos) return {};
  const std::size_t start = at + tag.size();
  std::string value = source.substr(start, source.find('\n', start) - start);
  value.erase(0, value.find_first_not_of(' '));
  return value;
}

// "A=float32[3] B=int32[4, 2]" -> ParseOptions::inputs.
inline ParseOptions options_from(const std::string& spec, const std::string& filename) {
  ParseOptions options;
  options.filename = filename;
  std::size_t pos = 0;
  while ((pos = spec.find('=', pos)) != std::string::npos) {
    const std::size_t name_start =
        spec.rfind(' ', pos) == std::string::npos ? 0 : spec.rfind(' ', pos) + 1;
    const std::string name = spec.substr(name_start, pos - name_start);
    const std::size_t open = spec.find('[', pos);
    const std::size_t close = spec.find(']', open);
    InputSpec in;
    in.dtype = *parse_dtype(spec.substr(pos + 1, open - pos - 1));
    std::stringstream dims(spec.substr(open + 1, close - open - 1));
    for (std::string d; std::getline(dims, d, ',');) in.shape.push_back(std::stoll(d));
    options.inputs[name] = in;
    pos = close;
  }
  return options;
}

}  // namespace tartan::testing
