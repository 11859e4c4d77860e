// tartan-bench when things go wrong around a run (issue 17): output paths checked before the
// run, the measurement written before anything optional that can fail, a full disk that leaves
// no empty or partial file, a baseline folder holding files that are not results.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>

#include "bench_cli_fixture.h"
#include "common/process.h"
#include "tartan/support/npy.h"

namespace tartan::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

#define EXPECT_MENTIONS(text, part)                          \
  EXPECT_NE(std::string(text).find(part), std::string::npos) \
      << "missing `" << (part) << "` in: " << (text)

// The BenchCli fixture: a fresh folder, no config, the shared kernel cache.
class BenchTrouble : public BenchCli {
 protected:
  // MobileNet at 32x32, one timed example: seconds with a warm kernel cache.
  static std::vector<std::string> tiny(std::vector<std::string> extra, const fs::path& results) {
    std::vector<std::string> args = {"-n",           "1",  "--no-warmup", "--no-validate",
                                     "--input-size", "32", "--results",   results.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {"keras", "mobilenet"});
    return args;
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

TEST_F(BenchTrouble, TokenIdsOutsideTheVocabularyAgreeOnDeviceAndReferenceWithOneWarning) {
  // Ids at or above 2^31 and infinities used to take C++'s undefined float -> int conversion
  // on their way to the device (INT_MIN: row 0) while the reference clamped them in double (row
  // 19999): a false validation FAIL. NaN, fractional and out-of-vocabulary ids ran unannounced.
  std::vector<float> ids(80);
  for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<float>(i * 97 % 20000);
  const float inf = std::numeric_limits<float>::infinity();
  const std::vector<float> odd = {3e9f, -3e9f, inf, -inf, std::nanf(""), 2.5f, 25000.0f, 19999.5f};
  std::copy(odd.begin(), odd.end(), ids.end() - 8);  // last: the LSTM forgets early steps
  const fs::path input = dir_ / "tokens.npy";
  write_npy(input, {80}, ids);
  const ProcessResult r = bench({"-n", "1", "--no-warmup", "--input", input.string(), "--results",
                                 results_.string(), "keras", "imdb_lstm"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_MENTIONS(r.out, "Correctness: PASS");
  EXPECT_MENTIONS(r.err, "warning: 8 of the 80 token ids in " + input.string() +
                             " are not whole numbers in [0, 20000)");
  // (PoCL's own "N warnings generated." of a cold build is not ours.)
  EXPECT_EQ(r.err.find("tartan-bench: warning"), r.err.rfind("tartan-bench: warning"))
      << "warned more than once: " << r.err;
}

TEST_F(BenchTrouble, SizesBeyondMemoryOrInt64SayWhatIsTooBigAndWhatFits) {
  struct Case {
    std::vector<std::string> args;
    std::vector<std::string> says;
  };
  const std::vector<Case> cases = {
      {{"-n", "100000", "--batch-size", "100000"},
       {"mobilenet at batch 100000 with input [100000, 224, 224, 3] needs at least",
        "this machine has", "no batch above"}},
      {{"--input-size", "65536"},
       {"input [1, 65536, 65536, 3] needs at least", "no --input-size above"}},
      {{"--input-size", "2147483647"}, {"has more than 2^63 elements", "--input-size"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = c.args;
    args.insert(args.end(),
                {"--no-validate", "--results", results_.string(), "keras", "mobilenet"});
    const ProcessResult r = bench(args);
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    for (const std::string& part : c.says) EXPECT_MENTIONS(r.err, part);
    EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
  }
}

TEST_F(BenchTrouble, CountOptionsSayTheirRangeInTartansWords) {
  for (const char* option : {"--batch-size", "-n", "--warmup-examples", "--input-size"}) {
    for (const char* value : {"0", "2.5", "99999999999"}) {
      const ProcessResult r = bench({option, value, "keras", "mobilenet"});
      EXPECT_EQ(r.exit_code, 2) << option << " " << value << ": " << r.err;
      EXPECT_MENTIONS(
          r.err, std::string("takes a whole number from 1 to 2147483647, not '") + value + "'");
      EXPECT_EQ(r.err.find("not in range"), std::string::npos) << r.err;
    }
  }
}

TEST_F(BenchTrouble, ATileProgramsHintIsPrintedOnce) {
  const fs::path tile = dir_ / "bad.tile";
  std::ofstream(tile) << "function (A[N]) -> (O) {\n  O = A + Q;\n}\n";
  const ProcessResult r =
      bench({"-n", "1", "--results", results_.string(), "tile", tile.string(), "--shape", "A=4"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_MENTIONS(r.err, "unknown tensor Q");
  EXPECT_MENTIONS(r.err, "did you mean A?");
  EXPECT_EQ(r.err.find("did you mean A?"), r.err.rfind("did you mean A?")) << r.err;
}

TEST_F(BenchTrouble, AFullPoclCacheDiskIsBlamedOnTheDisk) {
  // A cold build (a kernel cache of its own) with PoCL's cache folder on a full disk: PoCL's
  // build log says only that the build failed.
  env_["XDG_CACHE_HOME"] = (dir_ / "cache").string();
  const fs::path pocl = dir_ / "pocl-cache";
  env_["POCL_CACHE_DIR"] = pocl.string();
  const auto r =
      bench_on_small_disk(pocl, 1,
                          {"-n", "1", "--no-validate", "--results", results_.string(), "tile",
                           std::string(TARTAN_SOURCE_DIR) + "/bench/tiles/dense_relu.tile",
                           "--shape", "X=4,64", "--shape", "W=64,32", "--shape", "B=32"});
  if (!r) GTEST_SKIP() << "no mount namespaces here (needs root)";
  EXPECT_EQ(r->exit_code, 1) << r->out << r->err;
  EXPECT_MENTIONS(r->err, "the disk of PoCL's kernel cache folder " + pocl.string() + " is full");
  EXPECT_EQ(r->err.find("a bug in tartan"), std::string::npos) << r->err;
}

}  // namespace
}  // namespace tartan::testing
