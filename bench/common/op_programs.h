// The programs tartan-microbench times: plaidbench's op set, SGEMM, and the MobileNet-style
// depthwise and pointwise convolutions, each with its FLOP count.
#pragma once

#include <string>
#include <vector>

#include "tartan/ir/program.h"

namespace tartan::bench {

struct OpBenchmark {
  std::string name;  // "sgemm_4096", "conv2d_odd_sml", ...
  Program program;   // inputs are random; one output
  double flops = 0;  // per run
  // The same computation as one CLBlast SGEMM (M, N, K), when it is one; 0 otherwise.
  std::size_t gemm_m = 0, gemm_n = 0, gemm_k = 0;
};

// Every benchmark at the given batch size (plaidbench's ops default to batch 1).
std::vector<std::string> op_benchmark_names();
OpBenchmark make_op_benchmark(const std::string& name);

}  // namespace tartan::bench
