// ONNX's backend conformance cases (Debian's libonnx-testdata: one folder per case with
// model.onnx and test_data_set_*/input_*.pb, output_*.pb) run through tartan on a device.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "tartan/runtime/device.h"

namespace tartan::testing {

enum class CaseStatus { kPassed, kFailed, kUnsupported };
const char* status_name(CaseStatus s);

struct CaseResult {
  std::string name;  // the case folder's name, "test_conv_with_strides_padding"
  std::string op;    // the operator it tests ("Conv", "Softmax (expanded)")
  CaseStatus status = CaseStatus::kFailed;
  std::string detail;    // the error or mismatch
  bool crashed = false;  // not a tartan::Error: an internal error or a foreign exception
};

// For each case folder: imports its model (retrying with integer inputs fixed as constants
// when the model needs them at import), compiles the importable cases for `device` in batches
// of `batch_size` (one merged program each; a batch that fails is split into its cases), runs
// every data set with poisoned outputs and compares with ONNX's tolerances
// (|got - want| <= 1e-7 + 1e-3 |want|; NaN passes only where NaN is expected).
std::vector<CaseResult> run_cases(const std::vector<std::filesystem::path>& dirs,
                                  const runtime::Device& device, std::size_t batch_size);

// The per-case file (one "name status op" line per case) and the per-operator table.
std::string cases_text(const std::vector<CaseResult>& results);
std::map<std::string, CaseStatus> parse_cases(const std::string& text);
std::string table_markdown(const std::vector<CaseResult>& results);

}  // namespace tartan::testing
