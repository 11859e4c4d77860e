// Replays the fuzzer's seed corpus (tests/fuzz/corpus/parse, which includes every crash the fuzzer
// ever found) through the front end: each input parses or throws tartan::Error, and whatever
// parses prints and reads back as an equal program.
#include <gtest/gtest.h>

#include "lang/test_files.h"

namespace tartan {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> corpus() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(TARTAN_TEST_DATA_DIR) / ".." / "fuzz" /
                                              "corpus" / "parse")) {
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(FuzzCorpus, EveryInputParsesOrFailsCleanly) {
  const std::vector<fs::path> files = corpus();
  ASSERT_FALSE(files.empty());
  EXPECT_LT(files.size(), 100u) << "keep the seed corpus small";
  int parsed = 0;
  for (const fs::path& f : files) {
    SCOPED_TRACE(f.filename().string());
    const std::string source = testing::read_file(f);
    try {
      const Program p = parse_program(source);
      ++parsed;
      std::string why;
      EXPECT_TRUE(programs_equal(parse_program(print_program(p)), p, &why)) << why;
    } catch (const Error& e) {
      EXPECT_FALSE(format_diagnostic(e, source).empty());
    }
  }
  EXPECT_GT(parsed, 0);
}

}  // namespace
}  // namespace tartan
