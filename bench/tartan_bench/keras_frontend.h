// The keras frontend: a Keras application from networks/, its weights (synthetic or a Keras
// HDF5 file) and its input (synthetic or a .npy file), as a Workload.
#pragma once

#include <ostream>

#include "options.h"
#include "workload.h"

namespace tartan::bench {

// `keras --list`: name, Keras name, input shape, parameters and GFLOP per example.
void list_networks(std::ostream& out);

// Throws Error for an unknown network (listing the known ones), bad weights or input files.
Workload keras_workload(const std::string& network, const BenchOptions& options);

}  // namespace tartan::bench
