// tartan-bench when things go wrong around a run (issue 17): output paths checked before the
// run, the measurement written before anything optional that can fail, a full disk that leaves
// no empty or partial file, a baseline folder holding files that are not results.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "common/process.h"
#include "tartan/support/npy.h"

namespace tartan::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

#define EXPECT_MENTIONS(text, part)                          \
  EXPECT_NE(std::string(text).find(part), std::string::npos) \
      << "missing `" << (part) << "` in: " << (text)

class BenchTrouble : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir_template[] = "/tmp/tartan-bench-trouble-XXXXXX";
    dir_ = ::mkdtemp(dir_template);
    results_ = dir_ / "results";
    env_ = {{"XDG_CONFIG_HOME", (dir_ / "config").string()},
            {"TARTAN_CONFIG", std::nullopt},
            {"TARTAN_DEVICE", std::nullopt},
            {"TARTAN_BENCH_CORRUPT_OUTPUT", std::nullopt},
            {"XDG_CACHE_HOME", TARTAN_BENCH_TEST_CACHE_DIR}};
  }
  void TearDown() override { fs::remove_all(dir_); }

  // MobileNet at 32x32, one timed example: seconds with a warm kernel cache.
  static std::vector<std::string> tiny(std::vector<std::string> extra, const fs::path& results) {
    std::vector<std::string> args = {"-n",           "1",  "--no-warmup", "--no-validate",
                                     "--input-size", "32", "--results",   results.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {"keras", "mobilenet"});
    return args;
  }
  ProcessResult bench(const std::vector<std::string>& args, int timeout = 300) {
    return run_process(TARTAN_BENCH_BIN, args, env_, "", timeout);
  }
  // tartan-bench in a mount namespace of its own where `folder` is a tmpfs of `kib` KiB: a
  // full disk without touching the machine's. `left` gets what is in the folder afterwards
  // (name and size per line). nullopt where mount namespaces are not allowed (not root).
  std::optional<ProcessResult> bench_on_small_disk(const fs::path& folder, int kib,
                                                   const std::vector<std::string>& args,
                                                   std::string* left = nullptr) {
    if (run_process("/usr/bin/unshare", {"-m", "true"}, env_).exit_code != 0) return std::nullopt;
    fs::create_directories(folder);
    std::vector<std::string> command = {
        "-m",
        "sh",
        "-c",
        "mount -t tmpfs -o size=" + std::to_string(kib) +
            "k tmpfs \"$0\" || exit 99; \"$@\"; rc=$?; echo '== left'; "
            "find \"$0\" -mindepth 1 -printf '%f %s\\n'; exit $rc",
        folder.string(),
        TARTAN_BENCH_BIN};
    command.insert(command.end(), args.begin(), args.end());
    ProcessResult r = run_process("/usr/bin/unshare", command, env_, "", 300);
    if (r.exit_code == 99) return std::nullopt;
    const std::size_t at = r.out.rfind("== left\n");
    if (left != nullptr && at != std::string::npos) *left = r.out.substr(at + 8);
    return r;
  }
  std::vector<fs::path> files_in(const fs::path& folder) const {
    std::vector<fs::path> files;
    if (!fs::exists(folder)) return files;
    for (const auto& e : fs::directory_iterator(folder)) files.push_back(e.path());
    return files;
  }

  fs::path dir_, results_;
  EnvChanges env_;
};

TEST_F(BenchTrouble, OutputPathsThatCannotBeWrittenAreUsageErrorsBeforeTheRun) {
  const fs::path file = dir_ / "a-file";
  std::ofstream(file) << "x";
  struct Case {
    std::vector<std::string> extra;
    fs::path results;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{"--save-output", dir_.string()}, results_, "--save-output " + dir_.string()},
      {{"--save-output", (file / "out.npy").string()},
       results_,
       file.string() + " is not a folder"},
      {{}, file / "results", "--results " + (file / "results").string()},
  };
  for (const Case& c : cases) {
    const ProcessResult r = bench(tiny(c.extra, c.results));
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_MENTIONS(r.err, c.says);
    EXPECT_EQ(r.out.find("Compiling"), std::string::npos) << "it ran first: " << r.out;
    EXPECT_FALSE(fs::exists(results_));
  }
}

TEST_F(BenchTrouble, AFailedSaveOutputKeepsTheMeasurement) {
  // The output file's folder is a full disk: the save fails after the run, and the results,
  // written elsewhere first, survive it.
  const fs::path full = dir_ / "full";
  const auto r = bench_on_small_disk(
      full, 4, tiny({"--save-output", (full / "out.npy").string(), "--format", "json"}, results_));
  if (!r) GTEST_SKIP() << "no mount namespaces here (needs root)";
  // MobileNet's 1000 floats need 4 KiB and a header: more than the 4 KiB disk holds.
  EXPECT_EQ(r->exit_code, 1) << r->out << r->err;
  EXPECT_MENTIONS(r->err, "No space left on device");
  const auto results = files_in(results_);
  ASSERT_EQ(results.size(), 1u);
  std::ifstream in(results.front());
  EXPECT_EQ(json::parse(in)["status"], "ok");
}

TEST_F(BenchTrouble, AFullDiskLeavesNoEmptyOrPartialResult) {
  // 4 KiB hold neither the JSON nor the CSV: the folder must stay empty (no 0-byte placeholder,
  // no temporary file).
  std::string left;
  const auto r = bench_on_small_disk(results_, 4, tiny({}, results_), &left);
  if (!r) GTEST_SKIP() << "no mount namespaces here (needs root)";
  EXPECT_EQ(r->exit_code, 1) << r->out << r->err;
  EXPECT_MENTIONS(r->err, "No space left on device");
  EXPECT_EQ(left, "") << "left on the full disk";
}

TEST_F(BenchTrouble, BaselineFolderSkipsFilesThatAreNotResultsWithAWarning) {
  const fs::path first = dir_ / "first";
  ASSERT_EQ(bench(tiny({"--format", "json"}, first)).exit_code, 0);
  const auto made = files_in(first);
  ASSERT_EQ(made.size(), 1u);
  const fs::path base = dir_ / "base";
  fs::create_directories(base);
  fs::copy_file(made.front(), base / "good.json");
  std::ofstream(base / "empty-1.json");  // what a full disk used to leave
  std::ofstream(base / "garbage.json") << "{ not json";
  std::ofstream(base / "notes.json") << R"({"not": "a result"})";
  const ProcessResult r = bench(tiny({"--baseline", base.string()}, results_));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const char* skipped : {"empty-1.json", "garbage.json", "notes.json"}) {
    EXPECT_MENTIONS(r.err, "warning: skipped in the baseline folder: the baseline " +
                               (base / skipped).string());
  }
  EXPECT_MENTIONS(r.out, "Comparison with the baseline");
}

}  // namespace
}  // namespace tartan::testing
