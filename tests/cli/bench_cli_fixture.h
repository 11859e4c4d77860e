// The fixture of the tartan-bench CLI tests: a private folder for results, no config (the
// default device), one kernel cache for every test, and readers for the files a run writes.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/process.h"

namespace tartan::testing {

namespace fs = std::filesystem;
using nlohmann::json;

inline const std::vector<std::string> kSmallRun = {
    "-n", "2", "--batch-size", "1", "--warmup-examples", "1", "--input-size", "32"};

// Splits one CSV line, honouring double-quoted fields.
inline std::vector<std::string> csv_fields(const std::string& line) {
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

  // The value of `key` in the only CSV results file; nullopt when there is not exactly one file
  // or it has no such column.
  std::optional<std::string> only_csv_cell(const std::string& key) const {
    const auto csvs = results_files(".csv");
    if (csvs.size() != 1) return std::nullopt;
    std::ifstream in(csvs.front());
    std::string header, row;
    std::getline(in, header);
    std::getline(in, row);
    const auto keys = csv_fields(header), values = csv_fields(row);
    const auto it = std::find(keys.begin(), keys.end(), key);
    if (it == keys.end() || values.size() != keys.size()) return std::nullopt;
    return values[it - keys.begin()];
  }

  fs::path dir_, results_;
  EnvChanges env_;
};

}  // namespace tartan::testing
