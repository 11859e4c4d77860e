// --baseline FILE --max-regression PCT: compare a run with an earlier tartan-bench result.
//
// FILE is one results .json, or a folder of them; a run is matched by workload name, batch
// size, device id and precision (--fp16), the newest (by `date`) winning when a folder holds
// several. Throughput (examples/s, higher is better) and p50 batch latency (lower is better) are
// compared; with --max-regression, a run regresses when either is more than PCT percent worse,
// and tartan-bench exits 3. Without --max-regression the comparison is reported only.
// A baseline that cannot be read, or has no run matching one that is asked for, is a usage
// error found before anything runs.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "measurement.h"

namespace tartan::bench {

struct BaselineRun {
  std::filesystem::path file;
  std::string name;  // workload.name
  int batch_size = 0;
  std::string device_id;
  bool fp16 = false;
  std::string date;
  double examples_per_second = 0;
  double p50_ms = 0;
};

// What a run is matched by.
struct RunKey {
  std::string name;
  int batch_size = 0;
  std::string device_id;
  bool fp16 = false;
};

// Loads FILE, or every .json of a folder that is a successful tartan-bench result (other JSON
// files and failed runs in a folder are skipped). Throws Error saying what is wrong with which
// file and how to fix it.
std::vector<BaselineRun> load_baseline(const std::string& path);

// The newest run matching `key`; throws Error naming what the baseline holds when none does.
const BaselineRun& match_baseline(const std::vector<BaselineRun>& runs, const std::string& path,
                                  const RunKey& key);

struct BaselineComparison {
  BaselineRun base;
  double examples_per_second = 0;        // now
  double p50_ms = 0;                     // now
  double throughput_change_percent = 0;  // (now - base) / base: negative is slower
  double latency_change_percent = 0;     // (now - base) / base: positive is slower
  std::optional<double> max_regression;  // percent
  bool regressed = false;
};

BaselineComparison compare_with_baseline(const BaselineRun& base, const Summary& now,
                                         std::optional<double> max_regression);

nlohmann::ordered_json baseline_json(const BaselineComparison& c);

// One row per compared run: baseline, now and change for throughput and p50 latency.
struct ComparisonRow {
  std::string name;
  int batch_size = 0;
  BaselineComparison comparison;
};
void print_comparison_table(std::ostream& out, const std::vector<ComparisonRow>& rows);

}  // namespace tartan::bench
