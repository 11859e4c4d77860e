// tartan-bench driven as a user drives it: the real binary, its exit codes, its console output
// and its results files, on the default device (PoCL on CI). Runs are kept small (MobileNet at
// 32x32, a few examples) so the label stays fast on two cores.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "common/process.h"
#include "tartan/support/npy.h"

namespace tartan::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// MobileNet's parameter count (Keras's count_params() with include_top=True), which does not
// depend on the input size.
constexpr std::int64_t kMobileNetParameters = 4253864;

const std::vector<std::string> kSmallRun = {
    "-n", "2", "--batch-size", "1", "--warmup-examples", "1", "--input-size", "32"};

class BenchCli : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir_template[] = "/tmp/tartan-bench-test-XXXXXX";
    dir_ = ::mkdtemp(dir_template);
    results_ = dir_ / "results";
    // No config: the default device, with a note. A kernel cache shared by every test.
    env_ = {{"XDG_CONFIG_HOME", (dir_ / "config").string()},
            {"TARTAN_CONFIG", std::nullopt},
            {"TARTAN_DEVICE", std::nullopt},
            {"TARTAN_BENCH_CORRUPT_OUTPUT", std::nullopt},
            {"XDG_CACHE_HOME", TARTAN_BENCH_TEST_CACHE_DIR}};
  }
  void TearDown() override { fs::remove_all(dir_); }

  ProcessResult bench(std::vector<std::string> args, int timeout = 300) {
    return run_process(TARTAN_BENCH_BIN, args, env_, "", timeout);
  }
  std::vector<std::string> small_mobilenet(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = kSmallRun;
    args.insert(args.end(), {"--results", results_.string()});
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(), {"keras", "mobilenet"});
    return args;
  }
  std::vector<fs::path> results_files(const std::string& ext) const {
    std::vector<fs::path> files;
    if (!fs::exists(results_)) return files;
    for (const auto& e : fs::directory_iterator(results_)) {
      if (e.path().extension() == ext) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
  }
  static json read_json(const fs::path& file) {
    std::ifstream in(file);
    return json::parse(in);
  }
  json only_json() const {
    const auto files = results_files(".json");
    EXPECT_EQ(files.size(), 1u);
    if (files.empty()) return json();
    std::ifstream in(files.front());
    return json::parse(in);
  }

  fs::path dir_, results_;
  EnvChanges env_;
};

// Splits one CSV line, honouring double-quoted fields.
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

TEST_F(BenchCli, UnknownNetworkIsAUsageErrorListingTheNames) {
  const ProcessResult r = bench({"keras", "mobilenett"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("mobilenett"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mobilenet_v2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("resnet50"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(results_));
}

TEST_F(BenchCli, ExamplesNotAMultipleOfTheBatchIsAUsageError) {
  const ProcessResult r = bench({"-n", "3", "--batch-size", "2", "keras", "mobilenet"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not a multiple of --batch-size 2"), std::string::npos) << r.err;
}

TEST_F(BenchCli, UnknownFlagIsAUsageError) {
  const ProcessResult r = bench({"--frobnicate", "keras", "mobilenet"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("frobnicate"), std::string::npos) << r.err;
}

TEST_F(BenchCli, MissingFrontendOrNetworkIsAUsageError) {
  EXPECT_EQ(bench({}).exit_code, 2);
  const ProcessResult r = bench({"keras"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--list"), std::string::npos) << r.err;
}

TEST_F(BenchCli, OptionMistakesAreUsageErrors) {
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{"--max-regression", "5", "keras", "mobilenet"}, "--max-regression needs --baseline"},
      {{"--blanket-run", "--batch-size", "4", "keras", "mobilenet"}, "leave out --batch-size"},
      {{"--blanket-run", "-n", "24", "keras", "mobilenet"}, "batch size 16"},
      {{"--blanket-run", "ops", "dense_odd_sml"}, "--blanket-run runs Keras networks"},
      {{"--max-regression", "-1", "--baseline", "x.json", "keras", "mobilenet"}, "-1"},
  };
  for (const Case& c : cases) {
    const ProcessResult r = bench(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args[0] << "\n" << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(results_));
  }
}

TEST_F(BenchCli, ListShowsEveryNetworkWithItsFigures) {
  const ProcessResult r = bench({"keras", "--list"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* name :
       {"mobilenet", "mobilenet_v2", "resnet50", "vgg16", "vgg19", "inception_v3", "xception",
        "densenet121", "nasnet_large", "imdb_lstm"}) {
    EXPECT_TRUE(std::regex_search(r.out, std::regex(std::string("(^|\n)") + name + " ")))
        << name << "\n"
        << r.out;
  }
  // MobileNet's row: Keras name, input shape, parameter count, GFLOP per example (about 1.14).
  const std::regex mobilenet_row(
      "\nmobilenet +MobileNet +\\[224, 224, 3\\] +4253864 +(1\\.1[0-9]+)\n");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, mobilenet_row)) << r.out;
}

TEST_F(BenchCli, SmallRunReportsAndWritesJsonAndCsv) {
  const ProcessResult r = bench(small_mobilenet({"-v"}));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  // plaidbench's line, exactly as log parsers read it.
  EXPECT_TRUE(std::regex_search(
      r.out, std::regex("\nExample finished, elapsed: [0-9]+\\.[0-9]{3}s \\(compile\\), "
                        "[0-9]+\\.[0-9]{3}s \\(execution\\)\n")))
      << r.out;
  EXPECT_TRUE(std::regex_search(
      r.out, std::regex("\nCorrectness: PASS, max_error: [-0-9.e+]+, max_abs_error: "
                        "[-0-9.e+]+, fail_ratio: 0\\.000000\n")))
      << r.out;
  EXPECT_NE(r.err.find("no device configured"), std::string::npos) << r.err;
  // Not a terminal: no progress bar in the output.
  EXPECT_EQ(r.err.find('\r'), std::string::npos);

  const json j = only_json();
  EXPECT_EQ(j["schema"], "tartan-bench-result");
  EXPECT_EQ(j["schema_version"], 1);
  EXPECT_EQ(j["tool"]["name"], "tartan-bench");
  EXPECT_FALSE(j["tool"]["git_commit"].get<std::string>().empty());
  EXPECT_TRUE(std::regex_match(j["date"].get<std::string>(),
                               std::regex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z")));
  EXPECT_EQ(j["status"], "ok");
  EXPECT_FALSE(j["device"]["id"].get<std::string>().empty());
  EXPECT_FALSE(j["device"]["driver_version"].get<std::string>().empty());
  EXPECT_EQ(j["options"]["examples"], 2);
  EXPECT_EQ(j["options"]["batch_size"], 1);
  EXPECT_EQ(j["workload"]["name"], "mobilenet");
  EXPECT_EQ(j["workload"]["parameters"], kMobileNetParameters);
  // MobileNet at 32x32 does about 1/49 of its 224x224 work.
  const double gflop = j["workload"]["gflops_per_example"];
  EXPECT_GT(gflop, 0.01);
  EXPECT_LT(gflop, 0.05);
  EXPECT_GT(j["compile"]["seconds"].get<double>(), 0);
  EXPECT_GT(j["compile"]["kernels"].get<int>(), 10);
  // The phases of compile() run one after another inside its wall time.
  double phases = 0;
  for (const char* phase :
       {"pipeline", "context", "upload", "schedule", "codegen", "build", "bind"}) {
    const double s = j["compile"]["phases"][phase];
    EXPECT_GE(s, 0) << phase;
    phases += s;
  }
  EXPECT_GT(j["compile"]["phases"]["build"].get<double>(), 0);
  EXPECT_LE(phases, j["compile"]["seconds"].get<double>() * 1.001);
  EXPECT_GT(j["compile"]["passes"]["fold_batch_norm"].get<double>(), 0);
  EXPECT_GE(j["compile"]["programs"].get<int>(), 1);
  EXPECT_LE(j["compile"]["programs"].get<int>(), j["compile"]["unique_kernels"].get<int>());
  EXPECT_GE(j["compile"]["build_threads"].get<int>(), 1);
  // Each program was either loaded from the kernel cache (shared by these tests) or built.
  EXPECT_EQ(
      j["compile"]["program_cache_hits"].get<int>() + j["compile"]["source_builds"].get<int>(),
      j["compile"]["programs"].get<int>());
  EXPECT_EQ(j["compile"]["cache_hit"].get<bool>(),
            j["compile"]["program_cache_hits"] == j["compile"]["programs"]);
  EXPECT_NE(r.out.find("program build "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("passes (s): fold_constants "), std::string::npos) << r.out;
  EXPECT_EQ(j["warmup"]["batches"], 1);
  const json& run = j["run"];
  EXPECT_EQ(run["batches"], 2);
  EXPECT_EQ(run["examples"], 2);
  const double exec = run["execution_seconds"], per_example = run["ms_per_example"];
  EXPECT_GT(exec, 0);
  EXPECT_NEAR(per_example, exec * 1e3 / 2, 1e-9 + 1e-9 * per_example);
  EXPECT_NEAR(run["examples_per_second"].get<double>(), 2 / exec, 1e-6 * (2 / exec));
  EXPECT_NEAR(run["gflops_per_second"].get<double>(), gflop * 2 / exec, 1e-6 * gflop * 2 / exec);
  const double p50 = run["latency_ms"]["p50"], p90 = run["latency_ms"]["p90"],
               p99 = run["latency_ms"]["p99"];
  EXPECT_GT(p50, 0);
  EXPECT_LE(p50, p90);
  EXPECT_LE(p90, p99);
  EXPECT_LE(p99, exec * 1e3);
  // Device kernel time cannot exceed the wall time it sits inside.
  const double kernel_ms = run["kernel_ms_per_example"];
  EXPECT_GT(kernel_ms, 0);
  EXPECT_LE(kernel_ms, per_example * 1.01);
  EXPECT_GT(j["memory"]["peak_bytes"].get<double>(), 4.0 * kMobileNetParameters * 0.9);
  EXPECT_EQ(j["validation"]["status"], "pass");
  EXPECT_LE(j["validation"]["max_error"].get<double>(), 5e-4);
  EXPECT_EQ(j["validation"]["fail_ratio"], 0.0);
  EXPECT_EQ(j["validation"]["elements"], 1000);
  EXPECT_FALSE(j["top_kernels"].empty());

  const auto csvs = results_files(".csv");
  ASSERT_EQ(csvs.size(), 1u);
  EXPECT_EQ(csvs.front().stem(), results_files(".json").front().stem());
  std::ifstream in(csvs.front());
  std::string header, row, extra;
  ASSERT_TRUE(std::getline(in, header));
  ASSERT_TRUE(std::getline(in, row));
  EXPECT_FALSE(std::getline(in, extra));
  const auto keys = csv_fields(header), values = csv_fields(row);
  ASSERT_EQ(keys.size(), values.size());
  const auto cell = [&](const std::string& key) {
    const auto it = std::find(keys.begin(), keys.end(), key);
    return it == keys.end() ? std::string("<missing>") : values[it - keys.begin()];
  };
  EXPECT_EQ(cell("schema_version"), "1");
  EXPECT_EQ(cell("status"), "ok");
  EXPECT_EQ(cell("workload.name"), "mobilenet");
  EXPECT_EQ(cell("run.examples"), "2");
  EXPECT_EQ(cell("validation.status"), "pass");
  EXPECT_EQ(cell("device.id"), j["device"]["id"].get<std::string>());
  EXPECT_DOUBLE_EQ(std::stod(cell("run.latency_ms.p99")), p99);
}

TEST_F(BenchCli, CorruptedOutputFailsValidation) {
  env_["TARTAN_BENCH_CORRUPT_OUTPUT"] = "1";
  const ProcessResult r = bench(small_mobilenet());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("Correctness: FAIL"), std::string::npos) << r.out;
  const json j = only_json();
  EXPECT_EQ(j["status"], "validation_failed");
  EXPECT_EQ(j["validation"]["status"], "fail");
  EXPECT_GT(j["validation"]["max_error"].get<double>(), 5e-4);
  // One element of 1000 was moved by 1.
  EXPECT_DOUBLE_EQ(j["validation"]["fail_ratio"].get<double>(), 0.001);
}

TEST_F(BenchCli, NanOutputFailsValidation) {
  env_["TARTAN_BENCH_CORRUPT_OUTPUT"] = "nan";
  const ProcessResult r = bench(small_mobilenet());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("Correctness: FAIL, max_error: inf"), std::string::npos) << r.out;
  const json j = only_json();
  EXPECT_EQ(j["validation"]["status"], "fail");
  EXPECT_TRUE(j["validation"]["max_error"].is_null());  // JSON has no infinity
  EXPECT_DOUBLE_EQ(j["validation"]["fail_ratio"].get<double>(), 0.001);
}

TEST_F(BenchCli, TimeoutStopsCleanlyWithAFailure) {
  // Warm the kernel cache first, so the deadline falls in the timed run (where it is checked
  // between batches) and not in a cold compile, which only the watchdog's hard stop can end.
  ASSERT_EQ(bench(small_mobilenet({"-n", "1", "--no-validate", "--format", "json", "--results",
                                   (dir_ / "warm").string()}))
                .exit_code,
            0);
  const ProcessResult r =
      bench(small_mobilenet({"-n", "10000000", "--no-validate", "--timeout-secs", "3"}));
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("timeout"), std::string::npos) << r.err;
  const json j = only_json();
  EXPECT_EQ(j["status"], "timeout");
  EXPECT_LT(j["run"]["batches"].get<int>(), 10000000);
  EXPECT_EQ(j["run"]["examples"], j["run"]["batches"]);
}

TEST_F(BenchCli, CtrlCStopsCleanlyWritesResultsAndExits130) {
  std::vector<std::string> args = small_mobilenet({"-n", "10000000", "--no-validate"});
  ChildProcess child(TARTAN_BENCH_BIN, args, env_);
  // Wait until the timed run is under way, then interrupt it.
  for (int i = 0; i < 30000 && child.out().find("Running...\n") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  ::kill(child.pid(), SIGINT);
  const ProcessResult r = child.wait(300);
  EXPECT_EQ(r.exit_code, 130) << r.out << r.err;
  EXPECT_NE(r.err.find("interrupted"), std::string::npos) << r.err;
  const json j = only_json();
  EXPECT_EQ(j["status"], "interrupted");
  // What was measured before the signal is kept.
  EXPECT_GE(j["run"]["batches"].get<int>(), 1);
  EXPECT_LT(j["run"]["batches"].get<int>(), 10000000);
  EXPECT_GT(j["run"]["execution_seconds"].get<double>(), 0);
}

TEST_F(BenchCli, ResultsAreNeverOverwritten) {
  const auto args = small_mobilenet({"-n", "1", "--no-warmup", "--no-validate"});
  ASSERT_EQ(bench(args).exit_code, 0);
  const auto first = results_files(".json");
  ASSERT_EQ(first.size(), 1u);
  std::ifstream in(first.front());
  const json before = json::parse(in);
  ASSERT_EQ(bench(args).exit_code, 0);
  const auto jsons = results_files(".json");
  ASSERT_EQ(jsons.size(), 2u);
  EXPECT_EQ(results_files(".csv").size(), 2u);
  std::ifstream again(first.front());
  EXPECT_EQ(json::parse(again), before);
  EXPECT_NE(jsons[0], jsons[1]);
}

TEST_F(BenchCli, SavedOutputIsTheSoftmaxOfTheFirstBatch) {
  const fs::path out = dir_ / "out.npy";
  const ProcessResult r = bench(
      small_mobilenet({"-n", "1", "--no-warmup", "--no-validate", "--save-output", out.string()}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const NpyArray a = read_npy(out);
  ASSERT_EQ(a.shape, (Shape{1, 1000}));
  double sum = 0;
  for (float v : a.values) {
    ASSERT_TRUE(v >= 0 && v <= 1) << v;
    sum += v;
  }
  EXPECT_NEAR(sum, 1.0, 1e-4);
}

TEST_F(BenchCli, InputOfTheWrongShapeIsAnError) {
  const fs::path input = dir_ / "in.npy";
  write_npy(input, {2, 3}, {1, 2, 3, 4, 5, 6});
  const ProcessResult r = bench(small_mobilenet({"--input", input.string()}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("[2, 3]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("[32, 32, 3]"), std::string::npos) << r.err;
}

TEST_F(BenchCli, MissingWeightsFileIsAnError) {
  const fs::path weights = dir_ / "missing.h5";
  const ProcessResult r = bench(small_mobilenet({"--weights", weights.string()}));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(weights.string()), std::string::npos) << r.err;
  EXPECT_TRUE(results_files(".json").empty());
}

TEST_F(BenchCli, TileProgramRunsAndValidates) {
  const ProcessResult r =
      bench({"-n", "2", "--warmup-examples", "1", "--results", results_.string(), "tile",
             std::string(TARTAN_SOURCE_DIR) + "/bench/tiles/mobilenet_block.tile", "--shape",
             "I=1,8,8,8", "--shape", "PW=8,16"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Correctness: PASS"), std::string::npos) << r.out;
  const json j = only_json();
  EXPECT_EQ(j["workload"]["frontend"], "tile");
  // Its kernels' FLOPs: at least the 2 * 8*8*8*16 of the pointwise convolution.
  EXPECT_GE(j["workload"]["gflops_per_example"].get<double>(), 2.0 * 8 * 8 * 8 * 16 / 1e9);
}

// Issue 17, item 9: outputs that overflow to the same infinity on the device and in the
// reference (float64, so the cast to float32 overflows it there too) agree (inf - inf is NaN, which
// failed them); NaN on both sides still fails.
TEST_F(BenchCli, EqualInfinitiesValidateAndNanNeverDoes) {
  const fs::path overflow = dir_ / "overflow.tile";
  std::ofstream(overflow) << "function (A[4]) -> (P, N) {\n"
                             "  P = as_float(exp(A * 0.0 + 100.0), 32);\n"
                             "  N = -P;\n}\n";
  ProcessResult r =
      bench({"-n", "1", "--no-warmup", "--results", results_.string(), "tile", overflow.string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Correctness: PASS, max_error: 0, max_abs_error: 0,"), std::string::npos)
      << r.out;
  EXPECT_EQ(only_json()["validation"]["status"], "pass");

  fs::remove_all(results_);
  const fs::path nan = dir_ / "nan.tile";
  std::ofstream(nan) << "function (A[4]) -> (O) {\n  O = sqrt(A * 0.0 - 1.0);\n}\n";
  r = bench({"-n", "1", "--no-warmup", "--results", results_.string(), "tile", nan.string()});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("Correctness: FAIL"), std::string::npos) << r.out;
  EXPECT_EQ(only_json()["validation"]["status"], "fail");
}

// Issue 17, item 9: the literal 1e999 is not silently infinity.
TEST_F(BenchCli, FloatLiteralBeyondFloat32IsADiagnostic) {
  const fs::path tile = dir_ / "huge.tile";
  std::ofstream(tile) << "function (A[4]) -> (O) {\n  O = A * 0.0 + 1e999;\n}\n";
  const ProcessResult r =
      bench({"-n", "1", "--no-warmup", "--results", results_.string(), "tile", tile.string()});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(
      r.err.find(tile.string() + ":2:17: error: float literal 1e999 is out of float32's range"),
      std::string::npos)
      << r.err;
}

TEST_F(BenchCli, UnknownDeviceIsAUsageErrorListingTheDevices) {
  const ProcessResult r = bench({"--device", "opencl_nosuch.0", "keras", "mobilenet"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("opencl_nosuch.0"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("opencl_"), r.err.rfind("opencl_")) << "no known ids listed: " << r.err;
}

TEST_F(BenchCli, ConfiguredPeakGivesPercentOfPeak) {
  ASSERT_EQ(bench(small_mobilenet({"-n", "1", "--no-validate"})).exit_code, 0);
  const std::string id = only_json()["device"]["id"];
  fs::remove_all(results_);
  const fs::path config = dir_ / "config.yaml";
  std::ofstream(config) << "device: " << id << "\npeak:\n  gflops: 1000\n  gbps: 10\n"
                        << "  measured_at: 2026-01-01T00:00:00Z\n  device: " << id << "\n";
  env_["TARTAN_CONFIG"] = config.string();
  const ProcessResult r = bench(small_mobilenet({"-n", "1", "--no-validate"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("no device configured"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("of the measured peak 1000.0 GFLOP/s"), std::string::npos) << r.out;
  const json j = only_json();
  EXPECT_EQ(j["device"]["note"], "");
  EXPECT_EQ(j["run"]["peak_gflops"], 1000.0);
  EXPECT_NEAR(j["run"]["percent_of_peak"].get<double>(),
              j["run"]["gflops_per_second"].get<double>() / 1000 * 100, 1e-9);
}

TEST_F(BenchCli, OpRunsAndValidates) {
  const ProcessResult r = bench({"-n", "2", "--warmup-examples", "1", "--results",
                                 results_.string(), "ops", "dense_odd_sml"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Correctness: PASS"), std::string::npos) << r.out;
  const json j = only_json();
  EXPECT_EQ(j["workload"]["frontend"], "ops");
  EXPECT_EQ(j["workload"]["name"], "dense_odd_sml");
  EXPECT_DOUBLE_EQ(j["workload"]["gflops_per_example"].get<double>(), 2.0 * 122 * 98 * 179 / 1e9);
}

TEST_F(BenchCli, UnknownOpIsAUsageErrorListingTheOps) {
  const ProcessResult list = bench({"ops", "--list"});
  ASSERT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("sgemm_1024\n"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("pointwise1x1_b64\n"), std::string::npos) << list.out;
  const ProcessResult r = bench({"ops", "conv9d"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("conv9d"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("dense_odd_sml"), std::string::npos) << r.err;
}

// --- --cpu-compare ---------------------------------------------------------------------------

TEST_F(BenchCli, CpuCompareReportsTheCpuThroughputAndTheSpeedup) {
  // The default device on CI is PoCL's CPU, so the comparison is off unless asked for; asked
  // for, it runs on the first CPU device (the same one here) and the speedup is near 1.
  const ProcessResult r = bench(small_mobilenet({"-n", "6", "--no-validate", "--cpu-compare"}));
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Comparing with the CPU"), std::string::npos) << r.out;
  const std::regex speedup_row("\n  speedup over the CPU +([0-9.]+)x\n");
  std::smatch printed;
  ASSERT_TRUE(std::regex_search(r.out, printed, speedup_row)) << r.out;
  const json j = only_json();
  const json& cpu = j["cpu_compare"];
  EXPECT_EQ(j["options"]["cpu_compare"], true);
  EXPECT_EQ(cpu["enabled"], true);
  EXPECT_EQ(cpu["status"], "ok") << cpu;
  EXPECT_FALSE(cpu["device_id"].get<std::string>().empty());
  // Bounded: at most 4 timed batches, and never more than the benchmark's own 6.
  const int batches = cpu["batches"];
  EXPECT_GE(batches, 1);
  EXPECT_LE(batches, 4);
  EXPECT_EQ(cpu["examples"], batches);  // batch size 1
  const double cpu_rate = cpu["examples_per_second"], cpu_seconds = cpu["execution_seconds"];
  EXPECT_NEAR(cpu_rate, batches / cpu_seconds, 1e-9 * cpu_rate);
  const double device_rate = j["run"]["examples_per_second"];
  const double speedup = cpu["speedup"];
  EXPECT_NEAR(speedup, device_rate / cpu_rate, 1e-9 * speedup);
  EXPECT_NEAR(std::stod(printed[1]), speedup, 0.006);  // printed with two decimals
  // The CSV carries the same figures.
  const auto csvs = results_files(".csv");
  ASSERT_EQ(csvs.size(), 1u);
  std::ifstream in(csvs.front());
  std::string header, row;
  std::getline(in, header);
  std::getline(in, row);
  const auto keys = csv_fields(header), values = csv_fields(row);
  const auto it = std::find(keys.begin(), keys.end(), "cpu_compare.speedup");
  ASSERT_NE(it, keys.end()) << header;
  EXPECT_DOUBLE_EQ(std::stod(values[it - keys.begin()]), speedup);
}

TEST_F(BenchCli, CpuCompareIsOffOnACpuDeviceUnlessAskedFor) {
  ASSERT_EQ(bench(small_mobilenet({"-n", "1", "--no-validate"})).exit_code, 0);
  json j = only_json();
  ASSERT_EQ(j["device"]["type"], "cpu") << "this test expects the CPU device of CI";
  EXPECT_EQ(j["cpu_compare"]["enabled"], false);
  EXPECT_EQ(j["cpu_compare"]["status"], "off");
  EXPECT_TRUE(j["cpu_compare"]["speedup"].is_null());
  fs::remove_all(results_);
  const ProcessResult r = bench(small_mobilenet({"-n", "1", "--no-validate", "--no-cpu-compare"}));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find("Comparing with the CPU"), std::string::npos) << r.out;
  EXPECT_EQ(only_json()["cpu_compare"]["status"], "off");
}

// --- --baseline / --max-regression ------------------------------------------------------------

class BenchBaseline : public BenchCli {
 protected:
  // A real result of the small run, and a copy whose figures are scaled: throughput x `speed`,
  // latency / `speed` (speed 100: a baseline 100x faster than this machine ever is).
  fs::path doctored(double speed, const std::string& file_name, int batch = 1) {
    if (original_.is_null()) {
      EXPECT_EQ(bench(small_mobilenet(
                          {"-n", "2", "--no-validate", "--results", (dir_ / "first").string()}))
                    .exit_code,
                0);
      for (const auto& e : fs::directory_iterator(dir_ / "first")) {
        if (e.path().extension() == ".json") original_ = read_json(e.path());
      }
    }
    json j = original_;
    j["run"]["examples_per_second"] = j["run"]["examples_per_second"].get<double>() * speed;
    j["run"]["latency_ms"]["p50"] = j["run"]["latency_ms"]["p50"].get<double>() / speed;
    j["options"]["batch_size"] = batch;
    const fs::path path = dir_ / file_name;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << j.dump(2);
    return path;
  }
  json original_;
};

TEST_F(BenchBaseline, RegressionBeyondTheLimitExits3WithATable) {
  const fs::path base = doctored(100, "fast.json");
  const ProcessResult r = bench(small_mobilenet(
      {"-n", "2", "--no-validate", "--baseline", base.string(), "--max-regression", "10"}));
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_NE(r.out.find("Comparison with the baseline"), std::string::npos) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\n  mobilenet +1 .*REGRESSION \\(> 10%\\)")))
      << r.out;
  EXPECT_NE(r.err.find("more than 10% worse"), std::string::npos) << r.err;
  const json j = only_json();
  EXPECT_EQ(j["status"], "ok");
  const json& b = j["baseline"];
  EXPECT_EQ(b["regressed"], true);
  EXPECT_EQ(b["max_regression_percent"], 10.0);
  EXPECT_EQ(b["file"], base.string());
  const double base_rate = b["examples_per_second"], now_rate = j["run"]["examples_per_second"];
  EXPECT_NEAR(b["throughput_change_percent"].get<double>(),
              (now_rate - base_rate) / base_rate * 100, 1e-9 * 100);
  EXPECT_LT(b["throughput_change_percent"].get<double>(), -90);
  const double base_p50 = b["latency_ms_p50"], now_p50 = j["run"]["latency_ms"]["p50"];
  EXPECT_NEAR(b["latency_p50_change_percent"].get<double>(), (now_p50 - base_p50) / base_p50 * 100,
              1e-6 * std::abs((now_p50 - base_p50) / base_p50 * 100));
}

TEST_F(BenchBaseline, WithinTheLimitPassesAndAFolderIsMatchedByBatchSize) {
  // The folder holds a slow baseline at batch 1 (this run beats it) and a fast one at batch 2
  // (which would be a regression if it were wrongly matched).
  doctored(0.01, "base/slow-b1.json", 1);
  doctored(100, "base/fast-b2.json", 2);
  std::ofstream(dir_ / "base" / "notes.json") << R"({"not": "a result"})";
  const ProcessResult r =
      bench(small_mobilenet({"-n", "2", "--no-validate", "--baseline", (dir_ / "base").string(),
                             "--max-regression", "10"}));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("ok (limit 10%)"), std::string::npos) << r.out;
  const json j = only_json();
  EXPECT_EQ(j["baseline"]["regressed"], false);
  EXPECT_EQ(fs::path(j["baseline"]["file"].get<std::string>()).filename(), "slow-b1.json");
  EXPECT_GT(j["baseline"]["throughput_change_percent"].get<double>(), 0);
}

TEST_F(BenchBaseline, UnreadableOrMismatchedBaselinesAreUsageErrors) {
  const fs::path missing = dir_ / "missing.json";
  ProcessResult r = bench(small_mobilenet({"--baseline", missing.string()}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(missing.string() + " does not exist"), std::string::npos) << r.err;

  const fs::path garbage = dir_ / "garbage.json";
  std::ofstream(garbage) << "{ not json";
  r = bench(small_mobilenet({"--baseline", garbage.string()}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(garbage.string() + " is not valid JSON"), std::string::npos) << r.err;

  // Fields of the wrong type, as a duplicated key leaves them (found by tartan_baseline_fuzzer:
  // json::value threw past every handler; tests/fuzz/corpus/baseline/duplicated_schema.json).
  const fs::path odd = dir_ / "odd.json";
  std::ofstream(odd) << "{\"schema\": \"tartan-bench-result\", \"schema\": {\"id\": 1}}";
  r = bench(small_mobilenet({"--baseline", odd.string()}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(odd.string() + " is not a tartan-bench result"), std::string::npos) << r.err;
  std::ofstream(odd) << "{\"schema\": \"tartan-bench-result\", \"schema_version\": \"1\"}";
  r = bench(small_mobilenet({"--baseline", odd.string()}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("has results schema version 0"), std::string::npos) << r.err;

  const fs::path other_batch = doctored(1, "b2.json", 2);
  r = bench(small_mobilenet({"--baseline", other_batch.string(), "--max-regression", "5"}));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("has no run of mobilenet at batch 1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("mobilenet at batch 2"), std::string::npos) << r.err;  // what it holds
  EXPECT_FALSE(fs::exists(results_)) << "nothing runs before the baseline is checked";
}

// --- --tune ----------------------------------------------------------------------------------

TEST_F(BenchCli, TuneReportsTuningTimeAndLaterRunsUseTheRecords) {
  // A fresh cache, so the tuner really measures; one small matmul kernel keeps it quick.
  env_["XDG_CACHE_HOME"] = (dir_ / "cache").string();
  const fs::path tile = dir_ / "matmul.tile";
  std::ofstream(tile) << "function (A[M, K], B[K, N]) -> (C) {\n"
                         "  C[m, n : M, N] = +(A[m, k] * B[k, n]);\n}\n";
  const std::vector<std::string> args = {
      "-n",   "2",           "--warmup-examples", "1",       "--results", results_.string(),
      "tile", tile.string(), "--shape",           "A=16,24", "--shape",   "B=24,8"};
  std::vector<std::string> tuned = args;
  tuned.insert(tuned.begin(), "--tune");
  ProcessResult r = bench(tuned);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Correctness: PASS"), std::string::npos) << r.out;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("\n  tuning +[0-9.]+ s \\(1 kernel measured")))
      << r.out;
  json j = only_json();
  EXPECT_EQ(j["options"]["tune"], true);
  EXPECT_EQ(j["compile"]["tuned_kernels"], 1);
  EXPECT_GT(j["compile"]["tuning_seconds"].get<double>(), 0);
  EXPECT_GE(j["compile"]["seconds"].get<double>(), 0);
  EXPECT_TRUE(fs::exists(dir_ / "cache" / "tartan" / "tuning"));

  fs::remove_all(results_);
  r = bench(args);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  j = only_json();
  EXPECT_EQ(j["options"]["tune"], false);
  EXPECT_EQ(j["compile"]["tuned_kernels"], 0);
  EXPECT_EQ(j["compile"]["tuning_seconds"], 0.0);
  EXPECT_EQ(j["compile"]["tuning_records_used"], 1);

  // Issue 17's reproducer: a record edited to a work-group size of -1 gave wrong results. Now it
  // is reported (file and field) and the run plans without it, validated.
  const fs::path records = dir_ / "cache" / "tartan" / "tuning";
  ASSERT_EQ(std::distance(fs::directory_iterator(records), fs::directory_iterator()), 1);
  const fs::path record = fs::directory_iterator(records)->path();
  std::stringstream text;
  text << std::ifstream(record).rdbuf();
  std::ofstream(record) << std::regex_replace(text.str(), std::regex("\"work_group_size\": [0-9]+"),
                                              "\"work_group_size\": -1");
  fs::remove_all(results_);
  r = bench(args);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Correctness: PASS"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("ignoring the tuning record " + record.string() +
                       ": field plan.work_group_size is -1"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(only_json()["compile"]["tuning_records_used"], 0);
}

// --- --fp16 ----------------------------------------------------------------------------------

TEST_F(BenchCli, Fp16OnADeviceWithoutHalfIsAUsageError) {
  // PoCL's CPU device (CI's) has no cl_khr_fp16.
  const ProcessResult r = bench(small_mobilenet({"--fp16"}));
  if (r.exit_code == 0) GTEST_SKIP() << "this device supports cl_khr_fp16";
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("does not support half precision (no cl_khr_fp16)"), std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(results_));
}

TEST_F(BenchCli, Fp16RunsInHalfAndValidatesAtHalfTolerance) {
  // The kernels only store half (vload_half / vstore_half are core OpenCL), so with the hook
  // PoCL runs the float16 program. A MobileNet block as a tile program keeps it quick (PoCL
  // builds half conversions slowly; a whole network takes a minute to compile cold).
  env_["TARTAN_BENCH_ASSUME_FP16"] = "1";
  const auto block = [&](std::vector<std::string> extra, const fs::path& results) {
    std::vector<std::string> args = {"-n", "1",         "--warmup-examples",
                                     "1",  "--results", results.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    args.insert(args.end(),
                {"tile", std::string(TARTAN_SOURCE_DIR) + "/bench/tiles/mobilenet_block.tile",
                 "--shape", "I=1,16,16,16", "--shape", "PW=16,32"});
    return bench(args);
  };
  ASSERT_EQ(block({}, dir_ / "single").exit_code, 0);
  json single;
  for (const auto& e : fs::directory_iterator(dir_ / "single")) {
    if (e.path().extension() == ".json") single = read_json(e.path());
  }
  const ProcessResult r = block({"--fp16"}, results_);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("in float16"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Correctness: PASS"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("at half precision's tolerances: rtol 0.02"), std::string::npos) << r.out;
  const json j = only_json();
  EXPECT_EQ(j["options"]["fp16"], true);
  EXPECT_EQ(j["validation"]["status"], "pass");
  EXPECT_EQ(j["validation"]["rtol"], 2e-2);
  EXPECT_GE(j["validation"]["atol"].get<double>(), 1e-5);
  // Half storage: inputs, weights and outputs take half the float32 bytes.
  const double half_bytes = j["memory"]["peak_bytes"],
               single_bytes = single["memory"]["peak_bytes"];
  EXPECT_LT(half_bytes, 0.55 * single_bytes);
  EXPECT_GT(half_bytes, 0.45 * single_bytes);
  // Rounding to half shows in the error, which stays within half's tolerance.
  EXPECT_GT(j["validation"]["max_abs_error"].get<double>(),
            single["validation"]["max_abs_error"].get<double>());

  // The looser tolerance still catches a wrong value.
  fs::remove_all(results_);
  env_["TARTAN_BENCH_CORRUPT_OUTPUT"] = "1";
  const ProcessResult bad = block({"--fp16"}, results_);
  EXPECT_EQ(bad.exit_code, 1) << bad.out;
  EXPECT_EQ(only_json()["validation"]["status"], "fail");
}

// --- --blanket-run ---------------------------------------------------------------------------

TEST_F(BenchCli, BlanketRunReportsEveryBatchSizeAndKeepsGoingAfterFailures) {
  // An input file holding a whole batch of 4 fits only the batch-4 run: the runs at 1, 8 and 16
  // fail to build, and the blanket run carries on and reports all four.
  const fs::path input = dir_ / "batch4.npy";
  write_npy(input, {4, 32, 32, 3}, std::vector<float>(4 * 32 * 32 * 3, 0.25f));
  const ProcessResult r = bench({"--blanket-run", "-n", "16", "--warmup-examples", "1",
                                 "--input-size", "32", "--no-validate", "--input", input.string(),
                                 "--results", results_.string(), "keras", "mobilenet"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("Blanket run: 4 runs"), std::string::npos) << r.out;
  for (int batch : {1, 4, 8, 16}) {
    EXPECT_TRUE(std::regex_search(r.out, std::regex("\n  mobilenet +" + std::to_string(batch) +
                                                    (batch == 4 ? "  ok " : "  failed "))))
        << batch << "\n"
        << r.out;
  }
  // One result per run that ran, and the summary.
  std::vector<fs::path> summaries, runs;
  for (const fs::path& f : results_files(".json")) {
    (f.filename().string().find("-blanket-") != std::string::npos ? summaries : runs).push_back(f);
  }
  ASSERT_EQ(summaries.size(), 1u);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(results_files(".csv").size(), 2u);
  const json run = read_json(runs.front());
  EXPECT_EQ(run["options"]["batch_size"], 4);
  EXPECT_EQ(run["options"]["blanket_run"], true);
  EXPECT_EQ(run["run"]["examples"], 16);
  EXPECT_EQ(run["run"]["batches"], 4);

  const json s = read_json(summaries.front());
  EXPECT_EQ(s["schema"], "tartan-bench-blanket");
  EXPECT_EQ(s["exit_code"], 1);
  ASSERT_EQ(s["runs"].size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    const json& row = s["runs"][i];
    EXPECT_EQ(row["network"], "mobilenet");
    EXPECT_EQ(row["batch_size"], (std::array{1, 4, 8, 16})[i]);
    if (row["batch_size"] == 4) {
      EXPECT_EQ(row["status"], "ok");
      EXPECT_EQ(row["examples_per_second"], run["run"]["examples_per_second"]);
      EXPECT_EQ(row["files"][0], runs.front().filename().string());
    } else {
      EXPECT_EQ(row["status"], "failed");
      EXPECT_NE(row["failure"].get<std::string>().find("[4, 32, 32, 3]"), std::string::npos) << row;
      EXPECT_TRUE(row["examples_per_second"].is_null());
      EXPECT_TRUE(row["files"].empty());
    }
  }
}

}  // namespace
}  // namespace tartan::testing
