// The tuner and the tuning cache: tuning measures and writes one record per distinct kernel, a
// later compile uses the record without measuring, a corrupt record is ignored (and replaced by
// the next tuning run), and tuned executables still match the reference.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <regex>

#include "common/device_check.h"
#include "common/test_env.h"
#include "tartan/ir/builder.h"
#include "tartan/ops/activation.h"
#include "tartan/ops/dense.h"
#include "tartan/schedule/tuning_cache.h"
#include "tartan/support/file_io.h"

namespace tartan {
namespace {

class TuningTest : public ::testing::Test {
 protected:
  // The device comes up before XDG_CACHE_HOME moves (PoCL keeps its compiler cache there).
  runtime::Device device_{runtime::default_device()};
  testing::TempDir home_;
  testing::ScopedEnv xdg_{"XDG_CACHE_HOME", home_.path().c_str()};
  std::mt19937_64 rng_{testing::test_seed()};

  static Program dense_program() {
    Builder b;
    b.output(ops::relu(ops::dense(b.input("x", DType::kFloat32, {6, 24}),
                                  b.input("w", DType::kFloat32, {24, 20}),
                                  b.input("bias", DType::kFloat32, {20}))));
    return b.build();
  }

  std::vector<std::filesystem::path> records() const {
    std::vector<std::filesystem::path> files;
    const std::filesystem::path dir = home_.path() / "tartan" / "tuning";
    if (!std::filesystem::exists(dir)) return files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files.push_back(e.path());
    return files;
  }

  CompileStats compile_and_check(bool tune) {
    CompileOptions options;
    options.tune = tune;
    const Program p = dense_program();
    testing::CheckOptions check;
    check.compile = options;
    testing::check_on_device(p, device_, rng_, check);
    return compile(p, device_, options).stats();
  }
};

TEST_F(TuningTest, TuningWritesRecordsThatLaterCompilesUse) {
  const CompileStats tuned = compile_and_check(/*tune=*/true);
  EXPECT_EQ(tuned.tuned_kernels, 1);
  const std::vector<std::filesystem::path> files = records();
  ASSERT_EQ(files.size(), 1u);
  std::string why;
  const std::optional<TuningRecord> r = decode_tuning_record(*read_file(files[0]), &why);
  ASSERT_TRUE(r.has_value()) << why;
  EXPECT_GT(r->time_ms, 0);
  EXPECT_LE(r->time_ms, r->plain_time_ms);  // the plain plan is a candidate

  const CompileStats later = compile_and_check(/*tune=*/false);
  EXPECT_EQ(later.tuned_kernels, 0);  // no re-measurement
  EXPECT_EQ(later.tuning_records_used, 1);
}

TEST_F(TuningTest, CorruptRecordsAreIgnoredAndReplaced) {
  compile_and_check(/*tune=*/true);
  const std::vector<std::filesystem::path> files = records();
  ASSERT_EQ(files.size(), 1u);
  for (const std::string& bad :
       {std::string("{ not json"), std::string(R"({"format": 1, "plan": {}})"),
        // Well-formed, but tiles an output dimension the kernel does not have.
        std::string(R"({"format": 1, "device": "x", "time_ms": 1, "plain_time_ms": 1,
            "plan": {"work_group_size": 64, "unroll": 1, "vector_loads": false,
                     "tile": [{"dim": 7, "size": 4}, {"dim": -1, "size": 1}]}})")}) {
    SCOPED_TRACE(bad);
    write_file_atomic(files[0], bad);
    const CompileStats s = compile_and_check(/*tune=*/false);
    EXPECT_EQ(s.tuning_records_used, 0);
    EXPECT_EQ(s.tuned_kernels, 0);
  }
  compile_and_check(/*tune=*/true);
  std::string why;
  EXPECT_TRUE(decode_tuning_record(*read_file(files[0]), &why).has_value()) << why;
}

// Issue 17: a record edited to a work-group size of -1 (the largest size_t once read) was used and
// gave wrong results; 2^40 and a tile of 1e6 hung. Now each is reported once, naming the file
// and the field, and the kernel is planned as without a record, with the right results.
TEST_F(TuningTest, EditedRecordsAreReportedOnceAndNeverUsed) {
  compile_and_check(/*tune=*/true);
  const std::vector<std::filesystem::path> files = records();
  ASSERT_EQ(files.size(), 1u);
  const std::string good = *read_file(files[0]);
  for (const auto& [pattern, with] : std::vector<std::pair<std::string, std::string>>{
           {"\"work_group_size\": [0-9]+", "\"work_group_size\": -1"},
           {"\"work_group_size\": [0-9]+", "\"work_group_size\": 1099511627776"},
           {"\"size\": [0-9]+", "\"size\": 1000000"},
           {"\"unroll\": [0-9]+", "\"unroll\": 2"}}) {
    SCOPED_TRACE(with);
    write_file_atomic(files[0], std::regex_replace(good, std::regex(pattern), with,
                                                   std::regex_constants::format_first_only));
    ::testing::internal::CaptureStderr();
    const CompileStats first = compile_and_check(/*tune=*/false);  // checks the results
    const CompileStats second = compile_and_check(/*tune=*/false);
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(first.tuning_records_used, 0);
    EXPECT_EQ(second.tuning_records_used, 0);
    const std::string warning = "ignoring the tuning record " + files[0].string();
    const std::size_t at = err.find(warning);
    ASSERT_NE(at, std::string::npos) << err;
    EXPECT_EQ(err.find(warning, at + 1), std::string::npos) << "reported twice:\n" << err;
  }
}

}  // namespace
}  // namespace tartan
