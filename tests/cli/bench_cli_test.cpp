// tartan-bench driven as a user drives it: the real binary, its exit codes, its console output
// and its results files, on the default device (PoCL on CI). Runs are kept small (MobileNet at
// 32x32, a few examples) so the label stays fast on two cores.
#include <gtest/gtest.h>
#include <unistd.h>

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

TEST_F(BenchCli, FlagsNotImplementedYetSaySo) {
  for (const std::vector<std::string>& flag : {std::vector<std::string>{"--blanket-run"},
                                               {"--cpu-compare"},
                                               {"--tune"},
                                               {"--fp16"},
                                               {"--baseline", "base.json"},
                                               {"--max-regression", "5"}}) {
    std::vector<std::string> args = flag;
    args.insert(args.end(), {"keras", "mobilenet"});
    const ProcessResult r = bench(args);
    EXPECT_EQ(r.exit_code, 2) << flag[0];
    EXPECT_NE(r.err.find(flag[0] + " is not implemented yet"), std::string::npos) << r.err;
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
  const ProcessResult r = bench(small_mobilenet());
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

}  // namespace
}  // namespace tartan::testing
