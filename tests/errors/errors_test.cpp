// Must-fail programs: tests/data/errors/<name>.tile, each starting with
//   // expect: <line>:<col>: <substring of the message>
// and optionally `// inputs: A=float32[3] ...` (ParseOptions::inputs). Each must fail with
// exactly that location and message, and its diagnostic must show the source line and a caret.
#include <gtest/gtest.h>

#include <set>

#include "lang/test_files.h"

namespace tartan {
namespace {

namespace fs = std::filesystem;
using testing::header_field;

const fs::path kDir = fs::path(TARTAN_TEST_DATA_DIR) / "errors";

class MustFail : public ::testing::TestWithParam<fs::path> {};

TEST_P(MustFail, ReportsExpectedDiagnostic) {
  const std::string source = testing::read_file(GetParam());
  const std::string expect = header_field(source, "expect");
  int line = 0, col = 0, consumed = 0;
  ASSERT_EQ(std::sscanf(expect.c_str(), "%d:%d: %n", &line, &col, &consumed), 2)
      << "malformed `// expect:` line in " << GetParam();
  const std::string message = expect.substr(static_cast<std::size_t>(consumed));
  ASSERT_FALSE(message.empty());
  const ParseOptions options =
      testing::options_from(header_field(source, "inputs"), GetParam().filename().string());
  try {
    (void)parse_program(source, options);
    FAIL() << GetParam() << " parsed without an error";
  } catch (const Error& e) {
    const std::string diag = format_diagnostic(e, source);
    ASSERT_TRUE(e.loc().has_value()) << diag;
    EXPECT_EQ(e.loc()->line, line) << diag;
    EXPECT_EQ(e.loc()->col, col) << diag;
    EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << diag;
    // file:line:col prefix, then the offending source line, then a caret under the column.
    const std::string prefix =
        options.filename + ":" + std::to_string(line) + ":" + std::to_string(col) + ": error: ";
    EXPECT_EQ(diag.rfind(prefix, 0), 0u) << diag;
    std::vector<std::string> lines;
    std::stringstream ss(diag);
    for (std::string l; std::getline(ss, l);) lines.push_back(l);
    ASSERT_GE(lines.size(), 3u) << diag;
    std::stringstream src(source);
    std::string src_line;
    for (int i = 0; i < line; ++i) std::getline(src, src_line);
    EXPECT_EQ(lines[1], src_line);
    EXPECT_EQ(lines[2].find('^'), static_cast<std::size_t>(col - 1)) << diag;
    EXPECT_FALSE(e.hint().empty()) << "every diagnostic says how to fix it: " << diag;
  }
}

std::vector<fs::path> error_files() { return testing::files_in(kDir, ".tile"); }

INSTANTIATE_TEST_SUITE_P(Errors, MustFail, ::testing::ValuesIn(error_files()),
                         [](const auto& info) { return info.param.stem().string(); });

// Each file tests a distinct diagnostic: no two expect the same message.
TEST(MustFailSet, MessagesAreDistinctAndPlenty) {
  std::set<std::string> messages;
  for (const fs::path& f : error_files()) {
    const std::string expect = header_field(testing::read_file(f), "expect");
    EXPECT_TRUE(messages.insert(expect.substr(expect.find(": ") + 2)).second)
        << "duplicate expectation in " << f;
  }
  EXPECT_GE(messages.size(), 25u);
}

TEST(Diagnostic, WithoutLocationHasNoSourceLine) {
  const Error e("something failed", "do this instead");
  EXPECT_EQ(format_diagnostic(e, "function"), "error: something failed\nhint: do this instead\n");
}

TEST(Diagnostic, CaretSpansLengthAndKeepsTabs) {
  const Error e("bad name", "", SourceLoc{"f.tile", 2, 3, 4});
  EXPECT_EQ(format_diagnostic(e, "first\n\tx Name = 1;\n"),
            "f.tile:2:3: error: bad name\n\tx Name = 1;\n\t ^~~~\n");
}

}  // namespace
}  // namespace tartan
