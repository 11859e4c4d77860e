#include "onnx/conformance.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

#include "onnx/merge_programs.h"
#include "tartan/compiler.h"
#include "tartan/onnx/model.h"
#include "tartan/support/error.h"

namespace tartan::testing {

namespace fs = std::filesystem;

namespace {

constexpr double kRtol = 1e-3, kAtol = 1e-7;

std::vector<fs::path> sorted_files(const fs::path& dir, const std::string& prefix) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().rfind(prefix, 0) == 0) files.push_back(e.path());
  }
  // input_10.pb after input_9.pb
  std::sort(files.begin(), files.end(), [&](const fs::path& a, const fs::path& b) {
    const auto num = [&](const fs::path& p) {
      return std::stoi(p.stem().string().substr(prefix.size()));
    };
    return num(a) < num(b);
  });
  return files;
}

// Every distinct operator of the model, or its base case's operator for an _expanded case
// (ONNX's function bodies spelled out as primitive nodes).
std::string case_operator(const fs::path& dir) {
  const std::string name = dir.filename().string();
  const std::string suffix = "_expanded";
  if (name.size() > suffix.size() && name.ends_with(suffix)) {
    const fs::path base = dir.parent_path() / name.substr(0, name.size() - suffix.size());
    if (fs::exists(base / "model.onnx")) return case_operator(base) + " (expanded)";
  }
  std::string ops;
  for (const auto& use : onnx::list_operators((dir / "model.onnx").string())) {
    ops += (ops.empty() ? "" : "+") + use.op_type;
  }
  return ops;
}

bool is_unsupported(const Error& e) {
  const std::string what = e.what();
  return what.find("unsupported") != std::string::npos;
}

// ONNX's assert_allclose, with NaN passing only against NaN.
std::string compare(const HostTensor& got, const HostTensor& want, const std::string& label) {
  if (got.shape != want.shape) {
    return label + ": shape " + shape_str(got.shape) + ", expected " + shape_str(want.shape);
  }
  for (std::size_t i = 0; i < want.values.size(); ++i) {
    const double g = got.values[i], w = want.values[i];
    const bool ok = std::isnan(w) ? std::isnan(g)
                    : std::isinf(w)
                        ? g == w
                        : std::isfinite(g) && std::abs(g - w) <= kAtol + kRtol * std::abs(w);
    if (!ok) {
      return fmt::format("{}: element {} is {}, expected {}", label, i, g, w);
    }
  }
  return {};
}

struct DataSet {
  std::vector<onnx::TensorFile> inputs, outputs;
};

std::vector<DataSet> read_data_sets(const fs::path& dir) {
  std::vector<DataSet> sets;
  std::vector<fs::path> set_dirs;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_directory() && e.path().filename().string().rfind("test_data_set_", 0) == 0) {
      set_dirs.push_back(e.path());
    }
  }
  std::sort(set_dirs.begin(), set_dirs.end());
  for (const auto& d : set_dirs) {
    DataSet s;
    for (const auto& f : sorted_files(d, "input_")) s.inputs.push_back(onnx::read_tensor_file(f));
    for (const auto& f : sorted_files(d, "output_")) s.outputs.push_back(onnx::read_tensor_file(f));
    sets.push_back(std::move(s));
  }
  return sets;
}

// The data set's tensor for model input `index` named `name`: by name, else by position.
const HostTensor& input_for(const DataSet& s, const std::string& name, std::size_t index) {
  for (const auto& t : s.inputs) {
    if (t.name == name) return t.tensor;
  }
  if (index >= s.inputs.size()) throw Error("the data set has no tensor for input " + name);
  return s.inputs[index].tensor;
}

void check_int32(const HostTensor& t, const std::string& name) {
  if (t.dtype != DType::kInt32) return;
  for (const double v : t.values) {
    if (v < -2147483648.0 || v > 2147483647.0) {
      throw Error("unsupported: input " + name + " holds " + fmt::format("{}", v) +
                  ", which does not fit int32");
    }
  }
}

// Imports the model. Operands tartan needs at import (shapes, axes, scales, range bounds) fed
// as graph inputs, and empty inputs (no Program tensor has zero elements), are fixed at import
// from the first data set, as a model's initializers would be: the integer ones first, then
// each input the importer names as needed, one retry per input at most.
onnx::ImportedModel import_fixing_operands(const std::string& model, const fs::path& dir,
                                           std::vector<DataSet>* sets, std::string* detail) {
  const auto needed = [](const std::string& what) -> std::string {
    const std::size_t end = what.find("' is computed at run time");
    if (end == std::string::npos) return {};
    const std::size_t begin = what.rfind('\'', end - 1);
    return begin == std::string::npos ? std::string() : what.substr(begin + 1, end - begin - 1);
  };
  try {
    return onnx::import_model(model);
  } catch (const Error& e) {
    const std::string what = e.what();
    if (needed(what).empty() && what.find(" is 0 in shape") == std::string::npos) throw;
    *sets = read_data_sets(dir);
    if (sets->empty()) throw;
  }
  const std::vector<onnx::TensorFile>& given = sets->front().inputs;
  onnx::ImportOptions options;
  for (const auto& t : given) {
    if (!t.name.empty() && (t.tensor.dtype == DType::kInt32 || t.tensor.values.empty())) {
      options.constant_inputs[t.name] = t.tensor;
    }
  }
  for (std::size_t attempt = 0;; ++attempt) {
    try {
      onnx::ImportedModel m = onnx::import_model(model, options);
      *detail = "operands fixed at import";
      return m;
    } catch (const Error& e) {
      const std::string name = needed(e.what());
      const auto input =
          std::find_if(given.begin(), given.end(), [&](const auto& t) { return t.name == name; });
      if (name.empty() || input == given.end() || options.constant_inputs.contains(name) ||
          attempt > given.size()) {
        throw;
      }
      options.constant_inputs[name] = input->tensor;
    }
  }
}

// A case imported and its data read, ready to compile, or already decided (unsupported, or
// failed at import).
struct PreparedCase {
  CaseResult result;
  bool ready = false;
  onnx::ImportedModel model;
  std::vector<DataSet> sets;
};

PreparedCase prepare(const fs::path& dir) {
  PreparedCase c;
  c.result.name = dir.filename().string();
  try {
    c.result.op = case_operator(dir);
    const std::string model = (dir / "model.onnx").string();
    c.model = import_fixing_operands(model, dir, &c.sets, &c.result.detail);
    if (c.sets.empty()) c.sets = read_data_sets(dir);
    if (c.sets.empty()) throw Error("no test_data_set_* folder");
    for (const DataSet& s : c.sets) {
      if (s.outputs.size() != c.model.outputs.size()) {
        throw Error(fmt::format("{} expected outputs for {} model outputs", s.outputs.size(),
                                c.model.outputs.size()));
      }
      for (std::size_t i = 0; i < c.model.inputs.size(); ++i) {
        check_int32(input_for(s, c.model.inputs[i].name, i), c.model.inputs[i].name);
      }
    }
    c.ready = true;
  } catch (const Error& e) {
    c.result.status = is_unsupported(e) ? CaseStatus::kUnsupported : CaseStatus::kFailed;
    c.result.detail = e.what();
  } catch (const std::exception& e) {
    c.result.status = CaseStatus::kFailed;
    c.result.crashed = true;
    c.result.detail = std::string("not a tartan::Error: ") + e.what();
  }
  if (c.result.op.empty()) c.result.op = "?";
  return c;
}

std::vector<HostTensor> case_inputs(const PreparedCase& c, const DataSet& s) {
  std::vector<HostTensor> inputs;
  for (std::size_t i = 0; i < c.model.inputs.size(); ++i) {
    const HostTensor& t = input_for(s, c.model.inputs[i].name, i);
    inputs.push_back(HostTensor(c.model.inputs[i].dtype, t.shape, t.values));
  }
  return inputs;
}

// Compares `outputs` (the case's, from position `first`) with data set k's; records a failure.
void check_outputs(PreparedCase& c, std::size_t k, const std::vector<HostTensor>& outputs,
                   std::size_t first) {
  if (c.result.status == CaseStatus::kFailed) return;
  for (std::size_t o = 0; o < c.model.outputs.size(); ++o) {
    const std::string diff =
        compare(outputs[first + o], c.sets[k].outputs[o].tensor,
                fmt::format("data set {} output {}", k, c.model.outputs[o].name));
    if (!diff.empty()) {
      c.result.status = CaseStatus::kFailed;
      c.result.detail = diff;
      return;
    }
  }
}

// One program for the whole batch: inputs and outputs case after case. Each data set index
// runs once; a case with fewer data sets reruns its first and is not checked again.
void run_batch(const std::vector<PreparedCase*>& batch, const runtime::Device& device) {
  std::vector<const Program*> programs;
  std::size_t sets = 0;
  for (const PreparedCase* c : batch) {
    programs.push_back(&c->model.program);
    sets = std::max(sets, c->sets.size());
  }
  Executable exe = compile(merge_programs(programs), device);
  for (PreparedCase* c : batch) c->result.status = CaseStatus::kPassed;
  for (std::size_t k = 0; k < sets; ++k) {
    std::vector<HostTensor> inputs;
    for (const PreparedCase* c : batch) {
      for (HostTensor& t : case_inputs(*c, c->sets[k < c->sets.size() ? k : 0])) {
        inputs.push_back(std::move(t));
      }
    }
    RunOptions run;
    run.poison = true;
    const std::vector<HostTensor> outputs = exe.run(inputs, run);
    std::size_t first = 0;
    for (PreparedCase* c : batch) {
      if (k < c->sets.size()) check_outputs(*c, k, outputs, first);
      first += c->model.outputs.size();
    }
  }
}

// Runs the batch; if it throws (one case's program does not compile or run), runs each case on
// its own so the error lands on its case.
void run_or_split(const std::vector<PreparedCase*>& batch, const runtime::Device& device) {
  const auto record = [](PreparedCase* c, const std::exception& e, bool is_error) {
    c->result.status = CaseStatus::kFailed;
    c->result.crashed = !is_error;
    c->result.detail = e.what();
  };
  try {
    run_batch(batch, device);
    return;
  } catch (const std::exception& e) {
    if (batch.size() == 1) {
      const auto* err = dynamic_cast<const Error*>(&e);
      record(batch[0], e, err != nullptr);
      if (err && is_unsupported(*err)) batch[0]->result.status = CaseStatus::kUnsupported;
      return;
    }
  }
  for (PreparedCase* c : batch) run_or_split({c}, device);
}

}  // namespace

const char* status_name(CaseStatus s) {
  switch (s) {
    case CaseStatus::kPassed:
      return "passed";
    case CaseStatus::kFailed:
      return "failed";
    case CaseStatus::kUnsupported:
      return "unsupported";
  }
  return "?";
}

std::vector<CaseResult> run_cases(const std::vector<fs::path>& dirs, const runtime::Device& device,
                                  std::size_t batch_size) {
  std::vector<PreparedCase> cases;
  for (const fs::path& dir : dirs) cases.push_back(prepare(dir));
  std::vector<PreparedCase*> batch;
  for (std::size_t k = 0; k < cases.size(); ++k) {
    if (cases[k].ready) batch.push_back(&cases[k]);
    if (!batch.empty() && (batch.size() == batch_size || k + 1 == cases.size())) {
      run_or_split(batch, device);
      batch.clear();
    }
  }
  std::vector<CaseResult> results;
  for (PreparedCase& c : cases) results.push_back(std::move(c.result));
  return results;
}

std::string cases_text(const std::vector<CaseResult>& results) {
  std::string s =
      "# ONNX conformance, one case per line: name status operator (tests/onnx; regenerate with "
      "TARTAN_ONNX_ACCEPT=1)\n";
  for (const auto& r : results) s += r.name + " " + status_name(r.status) + " " + r.op + "\n";
  return s;
}

std::map<std::string, CaseStatus> parse_cases(const std::string& text) {
  std::map<std::string, CaseStatus> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string name, status;
    fields >> name >> status;
    out[name] = status == "passed"   ? CaseStatus::kPassed
                : status == "failed" ? CaseStatus::kFailed
                                     : CaseStatus::kUnsupported;
  }
  return out;
}

std::string table_markdown(const std::vector<CaseResult>& results) {
  struct Counts {
    int cases = 0, passed = 0, failed = 0, unsupported = 0;
  };
  std::map<std::string, Counts> per_op;
  Counts total;
  for (const auto& r : results) {
    for (Counts* c : {&per_op[r.op], &total}) {
      ++c->cases;
      ++(r.status == CaseStatus::kPassed   ? c->passed
         : r.status == CaseStatus::kFailed ? c->failed
                                           : c->unsupported);
    }
  }
  std::string s = fmt::format(
      "# ONNX backend conformance (libonnx-testdata 1.12, data/node) on PoCL\n\n"
      "Generated by the `onnx` ctest label (tests/onnx/conformance_test.cpp); regenerate with\n"
      "`TARTAN_ONNX_ACCEPT=1 build/bin/tartan_onnx_tests --gtest_filter='Conformance*'`.\n"
      "Tolerance as ONNX's: |got - want| <= 1e-7 + 1e-3 |want|, outputs poisoned with NaN first.\n"
      "Unsupported cases fail at import with tartan's unsupported message; per-case status in\n"
      "conformance_cases.txt.\n\n"
      "**Total: {} cases, {} passed, {} failed, {} unsupported.**\n\n"
      "| operator | cases | passed | failed | unsupported |\n|---|---|---|---|---|\n",
      total.cases, total.passed, total.failed, total.unsupported);
  for (const auto& [op, c] : per_op) {
    s +=
        fmt::format("| {} | {} | {} | {} | {} |\n", op, c.cases, c.passed, c.failed, c.unsupported);
  }
  return s;
}

}  // namespace tartan::testing
