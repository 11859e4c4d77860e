// `tartan-bench onnx` on the committed BERT-like fixtures (tests/data/onnx/transformer*.onnx):
// three int64 inputs and two outputs, symbolic batch and sequence dimensions, random token ids,
// against onnxruntime's recorded outputs; and the mistakes only a multi-input, integer-input
// model allows.
#include <gtest/gtest.h>

#include "cli/onnx_cli_fixture.h"
#include "common/process.h"
#include "tartan/support/file_io.h"

namespace tartan::testing {
namespace {

TEST_F(OnnxCli, TransformerWithThreeInt64InputsAndTwoOutputs) {
  const fs::path out = poisoned("out.npy"), pooled = poisoned("out.1.npy");
  std::vector<std::string> args = transformer_inputs("transformer");
  args.insert(args.end(), {"-n", "1", "--save-output", out.string()});
  const ProcessResult r = onnx("transformer.onnx", args);
  expect_validated_run(r, "transformer.onnx");
  expect_matches_ort(out, "transformer.hidden.npy");
  expect_matches_ort(pooled, "transformer.pooled.npy");
}

// DISABLED until the importer converts the exporter's Shape -> Gather -> Unsqueeze chains:
// onnx-core at b6f5c58 throws std::out_of_range from reshape_type (Unsqueeze of a rank-0
// Gather result, convert_unsqueeze) on transformer_dynamic.onnx, an internal error, at any batch.
// Enable it (--gtest_also_run_disabled_tests shows the failure) when that is fixed.
TEST_F(OnnxCli, DISABLED_SymbolicBatchAndSequenceBoundByFlags) {
  const fs::path out = poisoned("out.npy"), pooled = poisoned("out.1.npy");
  std::vector<std::string> args = transformer_inputs("transformer_dynamic");
  args.insert(args.end(),
              {"--batch-size", "2", "--shape", "input_ids=2,8", "--shape", "attention_mask=2,8",
               "--shape", "token_type_ids=2,8", "--save-output", out.string()});
  const ProcessResult r = onnx("transformer_dynamic.onnx", args);
  expect_validated_run(r, "transformer_dynamic.onnx");
  expect_matches_ort(out, "transformer_dynamic.hidden.npy");
  expect_matches_ort(pooled, "transformer_dynamic.pooled.npy");
}

TEST_F(OnnxCli, RandomInputsByDefaultValidate) {
  // Token ids drawn below the embedding's 100 rows, masks and token types in {0, 1}.
  const ProcessResult r = onnx("transformer.onnx");
  expect_validated_run(r, "transformer.onnx");
  EXPECT_EQ(only_json()["workload"]["input_shapes"][0], "[1, 16]");
  EXPECT_EQ(only_json()["options"]["input"], "synthetic");
}

TEST_F(OnnxCli, FloatTokenIdsAreRejected) {
  const fs::path ids = dir_ / "ids.npy";
  write_npy(ids, {1, 16}, std::vector<float>(16, 1.0f));
  std::vector<std::string> args = transformer_inputs("transformer");
  args.insert(args.end(), {"--input", "input_ids=" + ids.string()});
  expect_usage_error(onnx("transformer.onnx", args), {"float32", "int64", "input_ids"});
}

TEST_F(OnnxCli, TokenIdsBeyondTheVocabularyAreRejected) {
  // An int64 file written by hand: ids 0..15 with one of 1000 (the embedding has 100 rows).
  std::string header = "{'descr': '<i8', 'fortran_order': False, 'shape': (1, 16), }";
  header.append(63 - (10 + header.size()) % 64, ' ');
  header += '\n';
  std::string bytes = std::string("\x93NUMPY\x01\x00", 8);
  bytes += static_cast<char>(header.size() & 0xFF);
  bytes += static_cast<char>(header.size() >> 8);
  bytes += header;
  for (std::int64_t i = 0; i < 16; ++i) {
    const std::int64_t v = i == 5 ? 1000 : i;
    bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  const fs::path ids = dir_ / "ids.npy";
  write_file_atomic(ids, bytes);
  std::vector<std::string> args = transformer_inputs("transformer");
  args.insert(args.end(), {"--input", "input_ids=" + ids.string()});
  expect_usage_error(onnx("transformer.onnx", args), {"1000", "input_ids", "[0, 100)"});
}

TEST_F(OnnxCli, PlainInputForSeveralInputsNeedsTheirNames) {
  expect_usage_error(onnx("transformer.onnx", {"--input", data("transformer.input_ids.npy")}),
                     {"3 inputs", "--input NAME=FILE.npy"});
}

TEST_F(OnnxCli, BatchSizeOnAModelWithAFixedBatch) {
  expect_usage_error(onnx("transformer.onnx", {"--batch-size", "2"}),
                     {"--batch-size 2", "input_ids", "[1, 16]"});
}

}  // namespace
}  // namespace tartan::testing
