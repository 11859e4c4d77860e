#include "results.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>

#include "tartan/support/error.h"
#include "tartan/support/file_io.h"

namespace tartan::bench {
namespace {

using nlohmann::ordered_json;

ordered_json or_null(std::optional<double> v) { return v ? ordered_json(*v) : ordered_json(); }

// Seconds per phase of compile(), in the order they run.
ordered_json compile_phases(const CompileStats& c) {
  return {{"pipeline", c.pipeline_seconds}, {"context", c.context_seconds},
          {"upload", c.upload_seconds},     {"schedule", c.schedule_seconds},
          {"codegen", c.codegen_seconds},   {"build", c.build_seconds},
          {"bind", c.bind_seconds}};
}

ordered_json compile_passes(const CompileStats& c) {
  ordered_json j = ordered_json::object();
  for (const auto& [name, seconds] : c.pass_seconds) j[name] = seconds;
  return j;
}

void flatten(const ordered_json& j, const std::string& prefix,
             std::vector<std::pair<std::string, std::string>>& cells) {
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      if (prefix.empty() && key == "top_kernels") continue;
      flatten(value, prefix.empty() ? key : prefix + "." + key, cells);
    }
  } else if (j.is_array()) {
    std::string joined;
    for (const auto& e : j) {
      if (!joined.empty()) joined += ";";
      joined += e.is_string() ? e.get<std::string>() : e.dump();
    }
    cells.emplace_back(prefix, joined);
  } else if (j.is_string()) {
    cells.emplace_back(prefix, j.get<std::string>());
  } else {
    cells.emplace_back(prefix, j.is_null() ? "" : j.dump());
  }
}

// "mobilenet", or a tile file's stem; only characters safe in any file system.
std::string file_safe(const std::string& name) {
  std::string stem = std::filesystem::path(name).stem().string();
  for (char& c : stem) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  }
  return stem.empty() ? "run" : stem;
}

// Every key always, so the CSV has the same columns whatever happened.
ordered_json cpu_json(const BenchOptions& o, const RunContext& c, const Measurement& m) {
  const bool enabled = cpu_compare_enabled(o, c.device);
  CpuComparison cpu;
  if (m.cpu) {
    cpu = *m.cpu;
  } else {
    cpu.status = enabled ? "skipped" : "off";
  }
  const bool ran = cpu.status == "ok";
  return {{"enabled", enabled},
          {"status", cpu.status},
          {"note", cpu.note},
          {"device_id", cpu.device.id},
          {"device_name", cpu.device.name},
          {"compile_seconds", ran ? ordered_json(cpu.compile_seconds) : ordered_json()},
          {"batches", cpu.batches},
          {"examples", cpu.examples},
          {"execution_seconds", cpu.execution_seconds},
          {"examples_per_second", ran ? ordered_json(cpu.examples_per_second) : ordered_json()},
          {"speedup", or_null(cpu.speedup)}};
}

// Why `dir` could not be made and written, or "" when it can: its nearest existing ancestor must
// be a folder this process may write.
std::string folder_problem(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(dir, ec);
  while (!p.empty() && !std::filesystem::exists(p, ec) && p != p.parent_path()) p = p.parent_path();
  if (!std::filesystem::is_directory(p, ec)) return p.string() + " is not a folder";
  if (::access(p.c_str(), W_OK | X_OK) != 0) return p.string() + ": " + std::strerror(errno);
  return "";
}

}  // namespace

void check_output_paths(const BenchOptions& o) {
  if (const std::string why = folder_problem(o.results_dir); !why.empty()) {
    throw Error("--results " + o.results_dir + " cannot hold the results: " + why,
                "pass --results with a folder you can write");
  }
  if (o.save_output_file.empty()) return;
  std::error_code ec;
  const std::filesystem::path out = o.save_output_file;
  std::string why;
  if (std::filesystem::is_directory(out, ec)) {
    why = "it is a folder";
  } else {
    why = folder_problem(out.has_parent_path() ? out.parent_path() : ".");
  }
  if (!why.empty()) {
    throw Error("--save-output " + o.save_output_file + " cannot be written: " + why,
                "pass --save-output with a file name in a folder you can write, e.g. out.npy");
  }
}

ordered_json results_json(const RunContext& c, const Measurement& m, const Summary& s) {
  const BenchOptions& o = *c.options;
  ordered_json j;
  j["schema"] = "tartan-bench-result";
  j["schema_version"] = kResultsSchemaVersion;
  j["tool"] = {
      {"name", "tartan-bench"}, {"version", TARTAN_VERSION}, {"git_commit", TARTAN_GIT_COMMIT}};
  j["date"] = c.date;
  j["status"] = run_status(m);
  j["failure"] = m.failure;
  j["device"] = {{"id", c.device.id},
                 {"name", c.device.name},
                 {"vendor", c.device.vendor},
                 {"type", runtime::device_type_name(c.device.type)},
                 {"platform", c.device.platform_name},
                 {"driver_version", c.device.driver_version},
                 {"opencl_version", c.device.opencl_version},
                 {"note", c.device_note}};
  ordered_json shapes = ordered_json::array();
  for (const Shape& shape : c.input_shapes) shapes.push_back(shape_str(shape));
  j["options"] = {
      {"examples", o.examples},
      {"batch_size", o.batch_size},
      {"warmup", o.warmup},
      {"warmup_examples", o.warmup_examples},
      {"kernel_timing", o.kernel_timing},
      {"validate", o.validate},
      {"timeout_secs", o.timeout_secs},
      {"input_size", o.input_size},
      {"weights", o.weights_file.empty() ? "synthetic" : o.weights_file},
      {"input", o.input_file.empty() ? "synthetic" : o.input_file},
      {"cpu_compare", cpu_compare_enabled(o, c.device)},
      {"tune", o.tune},
      {"fp16", o.fp16},
      {"blanket_run", o.blanket_run},
      {"baseline", o.baseline},
      {"max_regression", o.max_regression ? ordered_json(*o.max_regression) : ordered_json()}};
  j["workload"] = {{"frontend", c.frontend},
                   {"name", c.name},
                   {"parameters", c.parameters},
                   {"gflops_per_example", m.flops_per_example / 1e9},
                   {"input_shapes", shapes}};
  j["compile"] = {{"seconds", m.compile_seconds},
                  {"cache_hit", m.cache_hit},
                  {"kernels", m.kernels},
                  {"unique_kernels", m.unique_kernels},
                  {"tuning_seconds", m.tuning_seconds},
                  {"tuned_kernels", m.tuned_kernels},
                  {"tuning_records_used", m.tuning_records_used},
                  {"phases", compile_phases(m.compile_stats)},
                  {"passes", compile_passes(m.compile_stats)},
                  {"programs", m.compile_stats.programs},
                  {"program_cache_hits", m.compile_stats.cache_hits},
                  {"source_builds", m.compile_stats.source_builds},
                  {"build_threads", m.compile_stats.build_threads},
                  {"build_processes", m.compile_stats.build_processes},
                  {"worker_builds", m.compile_stats.worker_builds},
                  {"worker_ready_seconds", m.compile_stats.worker_ready_seconds},
                  {"worker_seconds", m.compile_stats.worker_seconds}};
  j["warmup"] = {{"batches", m.warmup_batches}, {"seconds", m.warmup_seconds}};
  j["run"] = {{"batches_planned", m.batches_planned},
              {"batches", m.batch_seconds.size()},
              {"examples", s.examples},
              {"execution_seconds", s.execution_seconds},
              {"ms_per_example", s.ms_per_example},
              {"latency_ms", {{"p50", s.p50_ms}, {"p90", s.p90_ms}, {"p99", s.p99_ms}}},
              {"examples_per_second", s.examples_per_second},
              {"kernel_timing", m.kernel_timing},
              {"kernel_ms_per_example", s.kernel_ms_per_example},
              {"gflops_per_second", s.gflops_per_second},
              {"peak_gflops", or_null(c.peak_gflops)},
              {"percent_of_peak", or_null(s.percent_of_peak)}};
  j["memory"] = {{"peak_bytes", m.peak_bytes}};
  ordered_json v = {{"enabled", o.validate},
                    {"status", m.validation ? (m.validation->pass ? "pass" : "fail") : "skipped"},
                    {"rtol", m.validation ? m.validation->rtol : kRelativeTolerance},
                    {"atol", m.validation ? m.validation->atol : kAbsoluteTolerance}};
  if (m.validation) {
    // JSON has no infinity: a NaN or infinite output makes these null.
    const auto finite = [](double x) {
      return std::isfinite(x) ? ordered_json(x) : ordered_json();
    };
    v["max_error"] = finite(m.validation->max_error);
    v["max_abs_error"] = finite(m.validation->max_abs_error);
    v["fail_ratio"] = m.validation->fail_ratio;
    v["elements"] = m.validation->elements;
    v["seconds"] = m.validation_seconds;
  }
  j["validation"] = v;
  j["cpu_compare"] = cpu_json(o, c, m);
  ordered_json top = ordered_json::array();
  std::vector<KernelTime> kernels = m.kernel_times;
  std::sort(kernels.begin(), kernels.end(),
            [](const KernelTime& a, const KernelTime& b) { return a.total_ms > b.total_ms; });
  const double batches = static_cast<double>(std::max<std::size_t>(1, m.batch_seconds.size()));
  for (std::size_t i = 0; i < std::min(static_cast<std::size_t>(o.top_kernels), kernels.size());
       ++i) {
    const KernelTime& k = kernels[i];
    top.push_back({{"name", k.name},
                   {"statement", k.statement},
                   {"ms_per_batch", k.total_ms / batches},
                   {"flops", k.flops},
                   {"bytes", k.bytes}});
  }
  j["top_kernels"] = top;
  return j;
}

std::string results_csv(const ordered_json& json) {
  std::vector<std::pair<std::string, std::string>> cells;
  flatten(json, "", cells);
  std::string header, row;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const char* sep = i == 0 ? "" : ",";
    header += sep + csv_field(cells[i].first);
    row += sep + csv_field(cells[i].second);
  }
  return header + "\n" + row + "\n";
}

std::vector<std::filesystem::path> write_numbered(
    const BenchOptions& o, const std::string& date, const std::string& name,
    const std::vector<std::pair<std::string, std::string>>& contents) {
  const std::filesystem::path dir = o.results_dir;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    throw Error("cannot create the results folder " + dir.string() + ": " + ec.message(),
                "pass --results with a folder you can write");
  }
  std::string stamp = date;  // 2026-11-26T13:54:42Z -> 20261126T135442Z
  stamp.erase(
      std::remove_if(stamp.begin(), stamp.end(), [](char ch) { return ch == '-' || ch == ':'; }),
      stamp.end());
  const std::string base = stamp + "-" + file_safe(name);
  for (int n = 1;; ++n) {
    const std::string stem = (dir / (base + "-" + std::to_string(n))).string();
    bool free = true;
    for (const auto& [format, text] : contents) {
      if (std::filesystem::exists(std::filesystem::path(stem + "." + format))) free = false;
    }
    // Each file appears whole or not at all (write_file_exclusive), and the first one's name
    // claims n: a concurrent run that took it first makes this one try n + 1.
    std::vector<std::filesystem::path> written;
    for (const auto& [format, text] : contents) {
      if (!free) break;
      const std::filesystem::path path = stem + "." + format;
      if (!write_file_exclusive(path, text)) {
        free = false;
        for (const auto& other : written) std::filesystem::remove(other);
        break;
      }
      written.push_back(path);
    }
    if (free) return written;
  }
}

std::vector<std::filesystem::path> write_results(const RunContext& c, const ordered_json& json) {
  std::vector<std::pair<std::string, std::string>> contents;
  for (const std::string& format : c.options->formats) {
    contents.emplace_back(format, format == "json" ? json.dump(2) + "\n" : results_csv(json));
  }
  return write_numbered(*c.options, c.date, c.name, contents);
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace tartan::bench
