#include "baseline.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <limits>

#include "results.h"
#include "tartan/support/error.h"
#include "tartan/support/file_io.h"

namespace tartan::bench {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kFixHint =
    "pass a .json file that tartan-bench wrote (under --results), or a folder of them";

// A field as text or a whole number, or `otherwise` where it is absent or of another type (a
// hand-edited file, or a duplicated key whose last value wins): json::value throws then.
std::string text_field(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::int64_t whole_field(const json& j, const char* key, std::int64_t otherwise) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : otherwise;
}

// Reads one result; nullopt for a result of a run that did not succeed when `lenient` (a
// folder), else Error. A file that is not a result is an Error either way.
std::optional<BaselineRun> read_run(const fs::path& file, bool lenient) {
  const std::optional<std::string> text = read_file(file);
  if (!text) throw Error("cannot read the baseline " + file.string(), kFixHint);
  json j;
  try {
    j = json::parse(*text);
  } catch (const json::exception& e) {  // parse_error, and out_of_range for a number too large
    throw Error("the baseline " + file.string() + " is not valid JSON: " + e.what(), kFixHint);
  }
  if (!j.is_object() || text_field(j, "schema") != "tartan-bench-result") {
    throw Error("the baseline " + file.string() +
                    " is not a tartan-bench result (no \"schema\": "
                    "\"tartan-bench-result\")",
                kFixHint);
  }
  const std::int64_t version = whole_field(j, "schema_version", 0);
  if (version < 1 || version > kResultsSchemaVersion) {
    throw Error(fmt::format("the baseline {} has results schema version {}; this tartan-bench "
                            "reads versions 1 to {}",
                            file.string(), version, kResultsSchemaVersion),
                "compare with a result of a matching tartan-bench version");
  }
  const std::string status = text_field(j, "status");
  if (status != "ok") {
    if (lenient) return std::nullopt;
    throw Error("the baseline " + file.string() + " is a run that did not succeed (status \"" +
                    status + "\"): it has no figures to compare with",
                "pick a result whose status is \"ok\"");
  }
  BaselineRun r;
  r.file = file;
  try {
    r.name = j.at("workload").at("name").get<std::string>();
    const std::int64_t batch = whole_field(j.at("options"), "batch_size", 0);
    if (batch < 1 || batch > std::numeric_limits<int>::max()) {
      throw Error("the baseline " + file.string() + " has no batch size (options.batch_size)",
                  kFixHint);
    }
    r.batch_size = static_cast<int>(batch);
    r.device_id = j.at("device").at("id").get<std::string>();
    r.fp16 = j.at("options").value("fp16", false);
    r.date = j.at("date").get<std::string>();
    r.examples_per_second = j.at("run").at("examples_per_second").get<double>();
    r.p50_ms = j.at("run").at("latency_ms").at("p50").get<double>();
  } catch (const json::exception& e) {
    throw Error("the baseline " + file.string() + " lacks a figure it needs: " + e.what(),
                kFixHint);
  }
  if (r.examples_per_second <= 0 || r.p50_ms <= 0) {
    throw Error("the baseline " + file.string() + " measured no timed batch", kFixHint);
  }
  return r;
}

std::string describe(const RunKey& k) {
  return fmt::format("{} at batch {} on {}{}", k.name, k.batch_size, k.device_id,
                     k.fp16 ? " in float16" : "");
}

std::string describe(const BaselineRun& r) {
  return describe(RunKey{r.name, r.batch_size, r.device_id, r.fp16});
}

double change_percent(double now, double base) { return (now - base) / base * 100.0; }

}  // namespace

std::vector<BaselineRun> load_baseline(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Error("the baseline " + path + " does not exist", kFixHint);
  std::vector<BaselineRun> runs;
  if (!fs::is_directory(path, ec)) {
    runs.push_back(*read_run(path, false));
    return runs;
  }
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    if (entry.path().extension() != ".json") continue;
    // A folder of results may also hold other JSON (notes, a half-copied file): one bad file
    // must not make every later comparison fail.
    try {
      if (auto r = read_run(entry.path(), true)) runs.push_back(std::move(*r));
    } catch (const Error& e) {
      std::cerr << "tartan-bench: warning: skipped in the baseline folder: " << e.what() << "\n";
    }
  }
  if (ec) throw Error("cannot list the baseline folder " + path + ": " + ec.message(), kFixHint);
  if (runs.empty()) {
    throw Error("the baseline folder " + path + " holds no successful tartan-bench result",
                kFixHint);
  }
  return runs;
}

const BaselineRun& match_baseline(const std::vector<BaselineRun>& runs, const std::string& path,
                                  const RunKey& key) {
  const BaselineRun* best = nullptr;
  for (const BaselineRun& r : runs) {
    if (r.name != key.name || r.batch_size != key.batch_size || r.device_id != key.device_id ||
        r.fp16 != key.fp16) {
      continue;
    }
    if (best == nullptr || r.date > best->date) best = &r;
  }
  if (best != nullptr) return *best;
  std::string held;
  for (std::size_t i = 0; i < runs.size() && i < 5; ++i) held += "\n    " + describe(runs[i]);
  if (runs.size() > 5) held += fmt::format("\n    ... ({} in all)", runs.size());
  throw Error("the baseline " + path + " has no run of " + describe(key) + "; it holds:" + held,
              "compare with a result of the same network, batch size, device and precision, "
              "or pass a folder that holds one");
}

BaselineComparison compare_with_baseline(const BaselineRun& base, const Summary& now,
                                         std::optional<double> max_regression) {
  BaselineComparison c;
  c.base = base;
  c.examples_per_second = now.examples_per_second;
  c.p50_ms = now.p50_ms;
  c.throughput_change_percent = change_percent(now.examples_per_second, base.examples_per_second);
  c.latency_change_percent = change_percent(now.p50_ms, base.p50_ms);
  c.max_regression = max_regression;
  c.regressed = max_regression && (c.throughput_change_percent < -*max_regression ||
                                   c.latency_change_percent > *max_regression);
  return c;
}

nlohmann::ordered_json baseline_json(const BaselineComparison& c) {
  return {{"file", c.base.file.string()},
          {"date", c.base.date},
          {"examples_per_second", c.base.examples_per_second},
          {"latency_ms_p50", c.base.p50_ms},
          {"throughput_change_percent", c.throughput_change_percent},
          {"latency_p50_change_percent", c.latency_change_percent},
          {"max_regression_percent",
           c.max_regression ? nlohmann::ordered_json(*c.max_regression) : nlohmann::ordered_json()},
          {"regressed", c.regressed}};
}

void print_comparison_table(std::ostream& out, const std::vector<ComparisonRow>& rows) {
  if (rows.empty()) return;
  out << "Comparison with the baseline (throughput: higher is better; latency: lower is better)\n";
  out << fmt::format("  {:<24} {:>5}  {:>12} {:>12} {:>8}  {:>10} {:>10} {:>8}  {}\n", "workload",
                     "batch", "base ex/s", "now ex/s", "change", "base p50", "now p50", "change",
                     "verdict");
  for (const ComparisonRow& r : rows) {
    const BaselineComparison& c = r.comparison;
    const std::string verdict = !c.max_regression ? "(no --max-regression)"
                                : c.regressed
                                    ? fmt::format("REGRESSION (> {:g}%)", *c.max_regression)
                                    : fmt::format("ok (limit {:g}%)", *c.max_regression);
    out << fmt::format(
        "  {:<24} {:>5}  {:>12.2f} {:>12.2f} {:>+7.1f}%  {:>8.3f}ms {:>8.3f}ms {:>+7.1f}%  {}\n",
        r.name, r.batch_size, c.base.examples_per_second, c.examples_per_second,
        c.throughput_change_percent, c.base.p50_ms, c.p50_ms, c.latency_change_percent, verdict);
  }
}

}  // namespace tartan::bench
