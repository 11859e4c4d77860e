#include "summary.h"

#include <fmt/format.h>

#include "results.h"

namespace tartan::bench {
namespace {

using nlohmann::ordered_json;

ordered_json or_null(bool present, double v) { return present ? ordered_json(v) : ordered_json(); }

}  // namespace

void print_summary_table(std::ostream& out, const std::vector<RunOutcome>& runs) {
  const std::string rule(100, '=');
  out << rule << "\nBlanket run: " << runs.size() << " run" << (runs.size() == 1 ? "" : "s")
      << "\n";
  out << fmt::format("  {:<22} {:>5}  {:<18} {:>10} {:>12} {:>11} {:>10} {:>9}\n", "network",
                     "batch", "status", "compile s", "examples/s", "ms/example", "p50 ms",
                     "vs CPU");
  for (const RunOutcome& r : runs) {
    std::string speedup = "-";
    if (r.cpu && r.cpu->speedup) speedup = fmt::format("{:.2f}x", *r.cpu->speedup);
    if (r.measured) {
      out << fmt::format("  {:<22} {:>5}  {:<18} {:>10.3f} {:>12.2f} {:>11.3f} {:>10.3f} {:>9}\n",
                         r.name, r.batch_size, r.status, r.compile_seconds,
                         r.summary.examples_per_second, r.summary.ms_per_example, r.summary.p50_ms,
                         speedup);
    } else {
      out << fmt::format("  {:<22} {:>5}  {:<18} {}\n", r.name, r.batch_size, r.status,
                         r.failure.substr(0, r.failure.find('\n')));
    }
  }
  out << rule << "\n";
}

ordered_json summary_json(const BenchOptions& o, const runtime::DeviceInfo& device,
                          const std::string& date, const std::vector<RunOutcome>& runs) {
  ordered_json j;
  j["schema"] = "tartan-bench-blanket";
  j["schema_version"] = kSummarySchemaVersion;
  j["tool"] = {
      {"name", "tartan-bench"}, {"version", TARTAN_VERSION}, {"git_commit", TARTAN_GIT_COMMIT}};
  j["date"] = date;
  j["device"] = {
      {"id", device.id}, {"name", device.name}, {"driver_version", device.driver_version}};
  j["examples"] = o.examples;
  j["exit_code"] = overall_exit_code(runs);
  ordered_json list = ordered_json::array();
  for (const RunOutcome& r : runs) {
    ordered_json files = ordered_json::array();
    for (const auto& f : r.files) files.push_back(f.filename().string());
    list.push_back(
        {{"network", r.name},
         {"batch_size", r.batch_size},
         {"status", r.status},
         {"failure", r.failure},
         {"compile_seconds", or_null(r.measured, r.compile_seconds)},
         {"examples", r.summary.examples},
         {"examples_per_second", or_null(r.measured, r.summary.examples_per_second)},
         {"ms_per_example", or_null(r.measured, r.summary.ms_per_example)},
         {"latency_ms_p50", or_null(r.measured, r.summary.p50_ms)},
         {"gflops_per_second", or_null(r.measured, r.summary.gflops_per_second)},
         {"validation", r.validation ? (r.validation->pass ? "pass" : "fail") : "skipped"},
         {"cpu_speedup",
          or_null(r.cpu && r.cpu->speedup, r.cpu && r.cpu->speedup ? *r.cpu->speedup : 0)},
         {"baseline_regressed", r.baseline ? ordered_json(r.baseline->regressed) : ordered_json()},
         {"files", files}});
  }
  j["runs"] = list;
  return j;
}

std::string summary_csv(const ordered_json& summary) {
  std::string text;
  bool header = true;
  for (const auto& run : summary.at("runs")) {
    std::string keys, values;
    for (const auto& [key, value] : run.items()) {
      std::string cell;
      if (value.is_array()) {
        for (const auto& e : value) cell += (cell.empty() ? "" : ";") + e.get<std::string>();
      } else if (value.is_string()) {
        cell = value.get<std::string>();
      } else if (!value.is_null()) {
        cell = value.dump();
      }
      keys += (keys.empty() ? "" : ",") + csv_field(key);
      values += (values.empty() ? "" : ",") + csv_field(cell);
    }
    if (header) text += keys + "\n";
    header = false;
    text += values + "\n";
  }
  return text;
}

int overall_exit_code(const std::vector<RunOutcome>& runs) {
  bool failed = false, regressed = false;
  for (const RunOutcome& r : runs) {
    if (r.exit_code > 128) return r.exit_code;
    failed |= r.exit_code != 0;
    regressed |= r.baseline && r.baseline->regressed;
  }
  return failed ? 1 : regressed ? 3 : 0;
}

}  // namespace tartan::bench
