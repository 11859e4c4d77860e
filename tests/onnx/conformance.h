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

// Imports the case's model (retrying with integer inputs fixed as constants when the model
// needs them at import), compiles it for `device`, runs every data set with poisoned outputs
// and compares with ONNX's tolerances (|got - want| <= 1e-7 + 1e-3 |want|; NaN passes only
// where NaN is expected).
CaseResult run_case(const std::filesystem::path& dir, const runtime::Device& device);

// The per-case file (one "name status op" line per case) and the per-operator table.
std::string cases_text(const std::vector<CaseResult>& results);
std::map<std::string, CaseStatus> parse_cases(const std::string& text);
std::string table_markdown(const std::vector<CaseResult>& results);

}  // namespace tartan::testing
