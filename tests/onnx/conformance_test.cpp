// Every case of ONNX's node conformance suite: supported ones must match ONNX's expected
// outputs on the device, the others must fail at import with tartan's unsupported message.
// The committed per-case status (results/onnx/conformance_cases.txt) is the bar: a case listed
// as passed that no longer passes fails the test, as does any crash. TARTAN_ONNX_ACCEPT=1
// rewrites the committed files; TARTAN_ONNX_CASES=substring runs the matching cases only.
#include "onnx/conformance.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "common/device_check.h"
#include "tartan/support/file_io.h"

namespace tartan::testing {
namespace {

namespace fs = std::filesystem;

fs::path testdata_dir() {
  const char* env = std::getenv("TARTAN_ONNX_TESTDATA");
  return env ? fs::path(env) : fs::path("/usr/share/libonnx-testdata/data/node");
}

TEST(Conformance, NodeCases) {
  const fs::path root = testdata_dir();
  if (!fs::exists(root)) GTEST_SKIP() << root << " is missing (Debian package libonnx-testdata)";
  const std::vector<runtime::Device> devices = test_devices();
  ASSERT_FALSE(devices.empty());
  const char* filter = std::getenv("TARTAN_ONNX_CASES");
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(root)) {
    if (!filter || e.path().filename().string().find(filter) != std::string::npos) {
      dirs.push_back(e.path());
    }
  }
  std::sort(dirs.begin(), dirs.end());
  const fs::path committed = fs::path(TARTAN_SOURCE_DIR) / "results/onnx";
  const auto expected_text = read_file(committed / "conformance_cases.txt");
  const std::map<std::string, CaseStatus> expected = parse_cases(expected_text.value_or(""));
  const auto start = std::chrono::steady_clock::now();
  const char* batch_env = std::getenv("TARTAN_ONNX_BATCH");
  const std::vector<CaseResult> results =
      run_cases(dirs, devices.front(), batch_env ? std::stoul(batch_env) : 64);
  for (const CaseResult& r : results) {
    EXPECT_FALSE(r.crashed) << r.name << ": " << r.detail;
    const auto it = expected.find(r.name);
    if (it != expected.end() && it->second == CaseStatus::kPassed) {
      EXPECT_EQ(r.status, CaseStatus::kPassed) << r.name << " passed before: " << r.detail;
    }
    if (r.status != CaseStatus::kPassed && std::getenv("TARTAN_ONNX_VERBOSE")) {
      std::cerr << r.name << " " << status_name(r.status) << ": " << r.detail << "\n";
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << results.size() << " cases in " << seconds << " s\n";
  write_file_atomic(fs::path(TARTAN_ONNX_RESULTS_DIR) / "conformance_cases.txt",
                    cases_text(results));
  write_file_atomic(fs::path(TARTAN_ONNX_RESULTS_DIR) / "conformance.md", table_markdown(results));
  if (std::getenv("TARTAN_ONNX_ACCEPT")) {
    ASSERT_EQ(filter, nullptr) << "accept the whole suite, not a filtered run";
    write_file_atomic(committed / "conformance_cases.txt", cases_text(results));
    write_file_atomic(committed / "conformance.md", table_markdown(results));
  }
}

}  // namespace
}  // namespace tartan::testing
