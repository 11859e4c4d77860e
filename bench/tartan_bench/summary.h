// The report of a blanket run (--blanket-run): one line per run (network x batch size) in a
// table on the console, and a summary file next to the runs' own results:
// `<date>-blanket-<n>.json` / `.csv` (schema in results/README.md). A run that failed is a row
// with its status and error; the others still ran.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "baseline.h"
#include "measurement.h"
#include "options.h"
#include "tartan/runtime/device.h"

namespace tartan::bench {

// One run of a benchmark invocation, as the summary and the exit code see it.
struct RunOutcome {
  std::string name;
  int batch_size = 1;
  // run_status() of the measurement, or "failed" when the workload could not even be built
  // (bad weights or input file, unsupported size).
  std::string status;
  std::string failure;
  int exit_code = 0;  // 0 ok, 1 failed, 128 + signal interrupted
  bool measured = false;
  double compile_seconds = 0;
  Summary summary;
  std::optional<ValidationResult> validation;
  std::optional<CpuComparison> cpu;
  std::optional<BaselineComparison> baseline;
  std::vector<std::filesystem::path> files;  // its results files
};

constexpr int kSummarySchemaVersion = 1;

void print_summary_table(std::ostream& out, const std::vector<RunOutcome>& runs);

nlohmann::ordered_json summary_json(const BenchOptions& options, const runtime::DeviceInfo& device,
                                    const std::string& date, const std::vector<RunOutcome>& runs);

// One header line, one row per run: the scalars of summary_json's `runs[]`.
std::string summary_csv(const nlohmann::ordered_json& summary);

// The exit code of the whole invocation: a signal's (128 + n) first, then 1 when any run failed,
// then 3 when any run regressed against the baseline, else 0.
int overall_exit_code(const std::vector<RunOutcome>& runs);

}  // namespace tartan::bench
