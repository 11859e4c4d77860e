// The results files: one JSON and/or one CSV per run under --results DIR, in the versioned
// schema documented in results/README.md. Names are `<date>-<name>-<n>.{json,csv}`: the first
// n for which no file of that name exists, claimed by publishing the first file exclusively, so
// an earlier run's files are never overwritten, even by a run started at the same second. Each
// file is written whole to a temporary file and then linked into place: a full disk leaves no
// empty or partial result.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "measurement.h"
#include "run_context.h"

namespace tartan::bench {

constexpr int kResultsSchemaVersion = 1;

nlohmann::ordered_json results_json(const RunContext& context, const Measurement& m,
                                    const Summary& s);

// One header line and one row: every scalar of the JSON, keys joined with '.', lists joined
// with ';'; top_kernels left out.
std::string results_csv(const nlohmann::ordered_json& json);

// One CSV field as RFC 4180 quotes it (when it holds a comma, a quote or a newline).
std::string csv_field(const std::string& s);

// Writes each (format, text) of `contents` to <results>/<date>-<name>-<n>.<format>, for the
// first n free for every format (claimed by its first file); returns the paths written.
// Throws Error naming the folder when it cannot be written.
std::vector<std::filesystem::path> write_numbered(
    const BenchOptions& options, const std::string& date, const std::string& name,
    const std::vector<std::pair<std::string, std::string>>& contents);

// Before a run: Error (a usage mistake) unless --results names a folder that is there or can be
// made, and --save-output a file that can be written (not a folder). Creates nothing.
void check_output_paths(const BenchOptions& options);

// Writes the formats the options ask for; returns the paths written. Throws Error naming the
// folder when it cannot be written.
std::vector<std::filesystem::path> write_results(const RunContext& context,
                                                 const nlohmann::ordered_json& json);

}  // namespace tartan::bench
