// The onnx frontend: an ONNX model file imported through tartan::onnx (onnx/), its symbolic
// dimensions bound by --batch-size and --shape, its inputs random or from .npy files, as a
// Workload of kind "onnx".
#pragma once

#include <ostream>

#include "options.h"
#include "workload.h"

namespace tartan::bench {

// `onnx MODEL --list-ops`: each operator with its domain, opset, node count and whether the
// importer supports it (and why not). Returns true when every operator is supported. Throws
// Error only for a file that cannot be read or parsed.
bool list_model_operators(const std::string& model_file, std::ostream& out);

// Imports options.onnx_file. Throws Error for anything the user must fix: an unreadable,
// malformed or unsupported model, a symbolic dimension left unbound, a --shape or --input that
// names no input, an input file of the wrong shape or dtype, or integer values out of range.
Workload onnx_workload(const BenchOptions& options);

}  // namespace tartan::bench
