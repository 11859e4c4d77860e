// Kernel goldens: selected generated kernels of MobileNet, ResNet50, DenseNet121 and the IMDB
// LSTM, for fixed devices of the pocl_cpu and nvidia_gpu profiles (tests/common/
// generated_kernels.h), must equal tests/data/kernels/<profile>/<network>/<k>.cl byte for byte.
// Together they cover every plan family and every rewrite code generation makes, so any
// change in generated code shows in review. TARTAN_ACCEPT=1 rewrites the files from the current
// code generation (tests/data/kernels/README.md).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <map>

#include "common/generated_kernels.h"
#include "lang/test_files.h"
#include "tartan/networks/registry.h"

namespace tartan {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::path(TARTAN_TEST_DATA_DIR) / "kernels";

bool accept_mode() {
  const char* v = std::getenv("TARTAN_ACCEPT");
  return v != nullptr && std::string(v) == "1";
}

// One network's kernels on one profile, by position in generate_kernels' order, each chosen for
// what it covers.
struct GoldenCase {
  std::string profile;
  std::string network;
  std::map<int, std::string> kernels;  // index -> what it covers
};

const std::vector<GoldenCase>& cases() {
  static const std::vector<GoldenCase> all = {
      {"pocl_cpu",
       "mobilenet",
       {{0,
         "conv1 3x3 stride 2: register tile with vector accumulators, packed weights, hoisted "
         "addresses with clamped unconditional padding loads, interior split, vector epilogue"},
        {1, "depthwise 3x3: per-row-guarded vector loads along both tiles, interior split"},
        {2, "pointwise 1x1 convolution: the GEMM-like register tile"},
        {19, "global average pooling"},
        {20, "the classifier (dense)"},
        {21, "fused softmax (one kernel per row)"}}},
      {"pocl_cpu",
       "resnet50",
       {{0, "conv1 7x7 stride 2 with padding: interior split, hoisted clamped loads"},
        {1, "max pooling 3x3 stride 2"},
        {3, "3x3 convolution with padding"},
        {26, "global average pooling into the classifier"}}},
      {"pocl_cpu",
       "imdb_lstm",
       {{0, "embedding: a gather"},
        {5, "scan body: the LSTM step's recurrent product, stepped by tt_step"},
        {10, "the final dense and sigmoid"}}},
      {"pocl_cpu",
       "densenet121",
       {{2, "a prologue: batch norm and ReLU computed into the convolution's loads"},
        {4, "placements: a concatenation written in one kernel"}}},
      {"nvidia_gpu",
       "mobilenet",
       {{0, "local-memory GEMM, double buffered, float4 __local reads"},
        {1, "depthwise: register tile with vector accumulators and vector stores"},
        {10, "local-memory GEMM split along K inside the work-group"},
        {19, "group reduction (global pooling)"},
        {22, "unfused softmax's elementwise part"}}},
      {"nvidia_gpu",
       "resnet50",
       {{9, "Winograd input transform (constant transform, vector lanes)"},
        {11, "Winograd output transform with the fused epilogue"},
        {26, "Winograd's batched product: a 2x2 register tile with vector stores"}}},
      {"nvidia_gpu",
       "imdb_lstm",
       {{1, "local-memory GEMM of the input projection"},
        {5, "scan body: group reduction stepped by tt_step"}}},
      {"nvidia_gpu", "densenet121", {{2, "local-memory GEMM with a computed (prologue) operand"}}},
  };
  return all;
}

fs::path golden_path(const GoldenCase& c, int k) {
  char name[32];
  std::snprintf(name, sizeof name, "%03d.cl", k);
  return kDir / c.profile / c.network / name;
}

class KernelGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(KernelGolden, MatchesCommittedKernels) {
  const GoldenCase& c = GetParam();
  auto weights = networks::synthetic_weights();
  const Program program = networks::find_network(c.network).build({}, *weights).program;
  const std::vector<KernelSource> kernels =
      testing::generate_kernels(program, testing::profile_target(c.profile));
  for (const auto& [k, covers] : c.kernels) {
    ASSERT_LT(static_cast<std::size_t>(k), kernels.size()) << c.network << " has fewer kernels";
    const std::string text = testing::kernel_text(kernels[static_cast<std::size_t>(k)]);
    const fs::path golden = golden_path(c, k);
    if (accept_mode()) {
      fs::create_directories(golden.parent_path());
      testing::write_file(golden, text);
      continue;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with TARTAN_ACCEPT=1";
    EXPECT_EQ(text, testing::read_file(golden))
        << golden << " (" << covers << ") differs; review, then TARTAN_ACCEPT=1 to accept";
  }
  if (accept_mode()) GTEST_SKIP() << "accepted " << c.profile << "/" << c.network;
}

INSTANTIATE_TEST_SUITE_P(Codegen, KernelGolden, ::testing::ValuesIn(cases()), [](const auto& info) {
  return info.param.profile + "_" + info.param.network;
});

// Every committed golden is one of the cases (none left behind by a removed case).
TEST(KernelGoldenSet, HasNoStrayFiles) {
  if (accept_mode()) GTEST_SKIP() << "accepting";
  std::size_t listed = 0;
  for (const GoldenCase& c : cases()) {
    for (const auto& [k, covers] : c.kernels) {
      EXPECT_TRUE(fs::exists(golden_path(c, k))) << golden_path(c, k);
      ++listed;
    }
  }
  std::size_t found = 0;
  for (const auto& e : fs::recursive_directory_iterator(kDir)) {
    found += e.path().extension() == ".cl" ? 1 : 0;
  }
  EXPECT_EQ(found, listed);
}

}  // namespace
}  // namespace tartan
