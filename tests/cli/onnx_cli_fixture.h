// The fixture of the `tartan-bench onnx` CLI tests: the committed models of tests/data/onnx
// (scripts/onnx_fixtures.py exported them from PyTorch and recorded onnxruntime's outputs), short
// runs, and the checks every run or mistake shares.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "cli/bench_cli_fixture.h"
#include "tartan/reference/host_tensor.h"
#include "tartan/support/npy.h"

namespace tartan::testing {

// onnxruntime and tartan sum in different orders in float32: norm-wise 1e-4 is the bound.
inline constexpr double kOrtTolerance = 1e-4;

inline const fs::path kData = fs::path(TARTAN_SOURCE_DIR) / "tests" / "data" / "onnx";

inline std::string data(const std::string& name) { return (kData / name).string(); }

inline HostTensor npy_tensor(const fs::path& file) {
  const NpyTypedArray a = read_npy_typed(file);
  return HostTensor(DType::kFloat32, a.shape, a.values);
}

class OnnxCli : public BenchCli {
 protected:
  // A short run: two examples, one warm-up batch, results in the test's folder; `extra` after
  // the model, where the onnx frontend's own --shape must be.
  ProcessResult onnx(const std::string& model, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"-n", "2",         "--warmup-examples",
                                     "1",  "--results", results_.string()};
    args.insert(args.end(), {"onnx", data(model)});
    args.insert(args.end(), extra.begin(), extra.end());  // global options may follow too
    return bench(args);
  }
  // A mistake: exit 2, the message holds every one of `says`, and nothing was written.
  void expect_usage_error(const ProcessResult& r, const std::vector<std::string>& says) {
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    for (const std::string& s : says)
      EXPECT_NE(r.err.find(s), std::string::npos) << s << "\n" << r.err;
    EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(results_)) << "results written for a run that never started";
  }
  // A run that passed validation and wrote kind-onnx results.
  void expect_validated_run(const ProcessResult& r, const std::string& model) {
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("Correctness: PASS"), std::string::npos) << r.out;
    const json j = only_json();
    EXPECT_EQ(j["status"], "ok");
    EXPECT_EQ(j["workload"]["frontend"], "onnx");
    EXPECT_EQ(j["workload"]["name"], data(model));
    EXPECT_EQ(j["validation"]["status"], "pass");
    EXPECT_EQ(only_csv_cell("workload.frontend").value_or("<missing>"), "onnx");
  }
  // A saved output (poisoned first, so a run that writes nothing cannot pass) against
  // onnxruntime's recorded one.
  void expect_matches_ort(const fs::path& saved, const std::string& ort_file) {
    const HostTensor got = npy_tensor(saved), want = npy_tensor(kData / ort_file);
    EXPECT_EQ(got.shape, want.shape) << ort_file;
    EXPECT_LE(relative_error(got, want), kOrtTolerance) << ort_file;
  }
  fs::path poisoned(const std::string& name) {
    const fs::path path = dir_ / name;
    write_npy(path, {1}, {NAN});
    return path;
  }
  std::vector<std::string> transformer_inputs(const std::string& stem) {
    std::vector<std::string> args;
    for (const char* name : {"input_ids", "attention_mask", "token_type_ids"}) {
      args.insert(args.end(),
                  {"--input", std::string(name) + "=" + data(stem + "." + name + ".npy")});
    }
    return args;
  }
};

}  // namespace tartan::testing
