// OpenCL spellings (work-item functions, barriers, address-space qualifiers, vector types and
// vloadN/vstoreN, conversions, math builtins, INFINITY and friends) live in the dialect table,
// core/codegen/opencl_dialect.*, and nowhere else in core/: a second dialect is then a second
// table. This test reads every C++ file under core/ and fails on such a spelling in a string
// literal (comments and C++ code are not kernel text) outside the table. The front end, the graph
// IR, the op library and the reference executor are left out: their strings are the tile language's
// (float16, exp(, as_int), which shares names with OpenCL C.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <set>

#include "lang/test_files.h"

namespace tartan {
namespace {

namespace fs = std::filesystem;

// The string literals of C++ source `text` (their contents), comments and character literals
// skipped; raw strings included.
std::vector<std::string> string_literals(const std::string& text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    if (text.compare(i, 2, "//") == 0) {
      i = text.find('\n', i);
      if (i == std::string::npos) break;
    } else if (text.compare(i, 2, "/*") == 0) {
      i = text.find("*/", i + 2);
      if (i == std::string::npos) break;
      i += 2;
    } else if (text.compare(i, 2, "R\"") == 0) {
      const std::size_t open = text.find('(', i + 2);
      const std::string close = ")" + text.substr(i + 2, open - i - 2) + "\"";
      const std::size_t end = text.find(close, open);
      out.push_back(text.substr(open + 1, end - open - 1));
      i = end + close.size();
    } else if (text[i] == '"' || text[i] == '\'') {
      const char quote = text[i];
      std::string s;
      for (++i; i < n && text[i] != quote; ++i) {
        if (text[i] == '\\' && i + 1 < n) s += text[i++];
        s += text[i];
      }
      ++i;
      if (quote == '"') out.push_back(s);
    } else {
      ++i;
    }
  }
  return out;
}

// The OpenCL spellings in `literal`; functions count only where called ("clamp(", not the
// word "clamp" in a message), qualifiers only before a type ("__local float", not "__local
// memory" in a message).
std::vector<std::string> opencl_spellings(const std::string& literal) {
  static const std::regex spelling(
      R"(\b(get_(global|local|group)_(id|size)|get_num_groups|CLK_\w+_MEM_FENCE|reqd_work_group_size|)"
      R"(INFINITY|NAN|INT_MIN|INT_MAX|(u?char|u?short|u?int|u?long|half|float|double)(2|3|4|8|16)|)"
      R"(vload\w*|vstore\w*|convert_\w+|as_(u?int|float|half)\w*)\b|)"
      R"(\b(__kernel|__global|__local|__private|__constant)\s+(const\s+)?)"
      R"((void|u?char|u?short|u?int|u?long|half|float|double|size_t)(2|3|4|8|16)?\b|#pragma unroll|)"
      R"(\b(barrier|mem_fence|clamp|select|isnan|isinf|fmin|fmax|fabs|fmod|mad|native_\w+|)"
      R"(sqrt|rsqrt|exp|log|pow|tanh|floor|ceil|round|sin|cos|tan)\()");
  std::vector<std::string> found;
  for (auto it = std::sregex_iterator(literal.begin(), literal.end(), spelling);
       it != std::sregex_iterator(); ++it) {
    found.push_back(it->str());
  }
  return found;
}

TEST(DialectSpellings, FindsSpellingsInStringLiteralsOnly) {
  const std::string source = R"SRC(
    // a comment may say get_global_id(0) and __local
    const char* a = "const size_t gid = get_global_id(0);";
    std::string b = std::string("x") + "barrier(CLK_LOCAL_MEM_FENCE);";
    const char* c = "clamp the value";  /* "INFINITY" in a comment */
    auto d = R"X(vload4(0, p))X";
    char e = '"'; const char* f = "__local float4 x;";
  )SRC";
  std::multiset<std::string> found;
  for (const std::string& s : string_literals(source)) {
    for (const std::string& w : opencl_spellings(s)) found.insert(w);
  }
  EXPECT_EQ(found, (std::multiset<std::string>{"get_global_id", "barrier(", "CLK_LOCAL_MEM_FENCE",
                                               "vload4", "__local float4"}));
}

TEST(DialectSpellings, OnlyInTheDialectTable) {
  const fs::path core = fs::path(TARTAN_SOURCE_DIR) / "core";
  // The table itself.
  const std::set<std::string> allowed = {"codegen/opencl_dialect.h", "codegen/opencl_dialect.cpp"};
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(core)) {
    const fs::path& p = entry.path();
    if (p.extension() != ".cpp" && p.extension() != ".h") continue;
    ++files;
    const std::string rel = fs::relative(p, core).generic_string();
    if (allowed.count(rel)) continue;
    const std::string top = rel.substr(0, rel.find('/'));
    if (top == "lang" || top == "ir" || top == "ops" || top == "reference") continue;
    for (const std::string& literal : string_literals(testing::read_file(p))) {
      for (const std::string& w : opencl_spellings(literal)) {
        ADD_FAILURE() << "core/" << rel << ": OpenCL spelling '" << w << "' in \"" << literal
                      << "\": move it into core/codegen/opencl_dialect.* (the dialect table)";
      }
    }
  }
  EXPECT_GT(files, 100u);  // the tree was found
}

}  // namespace
}  // namespace tartan
