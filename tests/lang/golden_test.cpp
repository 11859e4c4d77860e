// Printer golden files: tests/data/lang/golden/<name>.tile must print exactly as <name>.golden,
// and every golden program must survive print -> parse unchanged. TARTAN_ACCEPT=1 rewrites
// the .golden files from the current printer (see tests/data/lang/README.md).
#include <gtest/gtest.h>

#include <cstdlib>

#include "lang/test_files.h"

namespace tartan {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::path(TARTAN_TEST_DATA_DIR) / "lang" / "golden";

bool accept_mode() {
  const char* v = std::getenv("TARTAN_ACCEPT");
  return v != nullptr && std::string(v) == "1";
}

class Golden : public ::testing::TestWithParam<fs::path> {};

TEST_P(Golden, PrintsCanonicalText) {
  const fs::path input = GetParam();
  const Program p = parse_program(testing::read_file(input));
  const std::string printed = print_program(p);
  fs::path golden = input;
  golden.replace_extension(".golden");
  if (accept_mode()) {
    testing::write_file(golden, printed);
    GTEST_SKIP() << "accepted " << golden;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with TARTAN_ACCEPT=1";
  EXPECT_EQ(printed, testing::read_file(golden));
}

TEST_P(Golden, RoundTrips) {
  const Program p = parse_program(testing::read_file(GetParam()));
  const std::string printed = print_program(p);
  const Program again = parse_program(printed);
  std::string why;
  EXPECT_TRUE(programs_equal(again, p, &why)) << why << "\n" << printed;
  EXPECT_EQ(print_program(again), printed);
}

INSTANTIATE_TEST_SUITE_P(Lang, Golden, ::testing::ValuesIn(testing::files_in(kDir, ".tile")),
                         [](const auto& info) { return info.param.stem().string(); });

TEST(GoldenSet, HasEnoughCases) { EXPECT_GE(testing::files_in(kDir, ".tile").size(), 15u); }

}  // namespace
}  // namespace tartan
