// `tartan-bench onnx` and the tartan-onnx-run example driven as a user drives them, on the
// committed CNN fixtures and the error fixtures: validation against the reference executor,
// outputs against onnxruntime's, the results files, and one clear usage error (exit 2, no
// results) for each mistake a user can make with a model or its inputs.
#include <gtest/gtest.h>

#include "cli/onnx_cli_fixture.h"
#include "common/process.h"
#include "tartan/onnx/model.h"
#include "tartan/reference/executor.h"
#include "tartan/support/file_io.h"

namespace tartan::testing {
namespace {

TEST_F(OnnxCli, CnnFromPyTorchValidatesAndMatchesOnnxRuntime) {
  const fs::path out = poisoned("out.npy");
  const ProcessResult r = onnx("cnn.onnx", {"--batch-size", "2", "--input", data("cnn.input.npy"),
                                            "--save-output", out.string()});
  expect_validated_run(r, "cnn.onnx");
  expect_matches_ort(out, "cnn.output.npy");
  const json j = only_json();
  EXPECT_EQ(j["options"]["batch_size"], 2);
  EXPECT_EQ(j["workload"]["input_shapes"][0], "[2, 3, 32, 32]");
  EXPECT_GT(j["workload"]["parameters"].get<int>(), 1000);
}

TEST_F(OnnxCli, ExternalDataLoads) {
  const fs::path out = poisoned("out.npy");
  const ProcessResult r =
      onnx("cnn_external.onnx",
           {"--batch-size", "2", "--input", data("cnn.input.npy"), "--save-output", out.string()});
  expect_validated_run(r, "cnn_external.onnx");
  expect_matches_ort(out, "cnn.output.npy");
}

TEST_F(OnnxCli, CorruptedOutputFailsValidation) {
  env_["TARTAN_BENCH_CORRUPT_OUTPUT"] = "nan";
  const ProcessResult r = onnx("cnn.onnx");
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("Correctness: FAIL"), std::string::npos) << r.out;
  EXPECT_EQ(only_json()["validation"]["status"], "fail");
}

TEST_F(OnnxCli, ListOpsNamesEachOperatorWithItsOpset) {
  const ProcessResult ok = bench({"onnx", data("cnn.onnx"), "--list-ops"});
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  for (const char* op : {"Conv", "BatchNormalization", "MaxPool", "Gemm"}) {
    EXPECT_NE(ok.out.find(op), std::string::npos) << op << "\n" << ok.out;
  }
  EXPECT_NE(ok.out.find("13"), std::string::npos) << ok.out;  // the opset
  EXPECT_NE(ok.out.find("0 unsupported"), std::string::npos) << ok.out;
  const ProcessResult bad = bench({"onnx", data("unsupported_op.onnx"), "--list-ops"});
  EXPECT_EQ(bad.exit_code, 1) << bad.out << bad.err;
  EXPECT_NE(bad.out.find("Det"), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("1 unsupported"), std::string::npos) << bad.out;
}

TEST_F(OnnxCli, UnsupportedOperatorIsNamed) {
  expect_usage_error(onnx("unsupported_op.onnx"), {"Det"});
}

TEST_F(OnnxCli, OpsetTooNewIsNamed) {
  expect_usage_error(onnx("opset_too_new.onnx"), {"opset", "99"});
}

TEST_F(OnnxCli, MalformedAndTruncatedFilesAreUsageErrors) {
  const fs::path text = dir_ / "model.onnx";
  write_file_atomic(text, "this is not a protobuf, just some text\n");
  const std::string cnn = *read_file(kData / "cnn.onnx");
  const fs::path truncated = dir_ / "truncated.onnx";
  write_file_atomic(truncated, cnn.substr(0, cnn.size() / 2));
  for (const fs::path& model : {text, truncated}) {
    const ProcessResult r = bench({"--results", results_.string(), "onnx", model.string()});
    expect_usage_error(r, {model.string()});
  }
  expect_usage_error(bench({"--results", results_.string(), "onnx", (dir_ / "none.onnx").string()}),
                     {"none.onnx"});
}

TEST_F(OnnxCli, SymbolicDimensionLeftUnboundNamesIt) {
  // --batch-size binds "batch"; "sequence" stays open.
  expect_usage_error(onnx("transformer_dynamic.onnx"), {"sequence", "--shape"});
}

TEST_F(OnnxCli, InputFileOfTheWrongShapeOrDtype) {
  const fs::path shape = dir_ / "shape.npy";
  write_npy(shape, {2, 3}, {1, 2, 3, 4, 5, 6});
  expect_usage_error(onnx("cnn.onnx", {"--input", shape.string()}), {"[2, 3]", "[1, 3, 32, 32]"});
  // int64 values (token ids) for a float input.
  expect_usage_error(onnx("cnn.onnx", {"--input", data("transformer.input_ids.npy")}),
                     {"int64", "'x'", "float32"});
}

TEST_F(OnnxCli, UnknownInputNamesAreUsageErrors) {
  expect_usage_error(onnx("cnn.onnx", {"--input", "image=" + data("cnn.input.npy")}),
                     {"'image'", "x [1, 3, 32, 32]"});
  expect_usage_error(onnx("cnn.onnx", {"--shape", "image=1,3,32,32"}), {"'image'", "x"});
}

TEST_F(OnnxCli, KerasOnlyOptionsAreUsageErrors) {
  expect_usage_error(onnx("cnn.onnx", {"--weights", "w.h5"}), {"--weights", "--shape"});
  expect_usage_error(onnx("cnn.onnx", {"--input-size", "64"}), {"--input-size"});
}

TEST_F(OnnxCli, BatchSizeAgainstALeadingDimensionFixedByShape) {
  expect_usage_error(onnx("cnn.onnx", {"--batch-size", "2", "--shape", "x=1,3,32,32"}),
                     {"--batch-size 2", "'x'", "[1, 3, 32, 32]"});
}

// The example program (examples/onnx_run) a user copies: its output is the reference
// executor's for the same model and input, and onnxruntime's.
TEST_F(OnnxCli, ExampleProgramMatchesTheReference) {
  const fs::path out = poisoned("out.npy");
  const ProcessResult r = run_process(
      TARTAN_ONNX_RUN_BIN, {data("cnn.onnx"), data("cnn.input.npy"), out.string()}, env_, "", 300);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  onnx::ImportOptions options;
  options.batch = 2;
  const onnx::ImportedModel model = onnx::import_model(data("cnn.onnx"), options);
  const std::vector<HostTensor> want =
      reference_run(model.program, {npy_tensor(kData / "cnn.input.npy")});
  const HostTensor got = npy_tensor(out);
  EXPECT_LE(relative_error(got, want.front()), 1e-5);
  expect_matches_ort(out, "cnn.output.npy");
  // A mistake is the user's: exit 2 with the file named.
  const ProcessResult bad = run_process(
      TARTAN_ONNX_RUN_BIN,
      {data("unsupported_op.onnx"), data("cnn.input.npy"), (dir_ / "never.npy").string()}, env_, "",
      60);
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_FALSE(fs::exists(dir_ / "never.npy"));
}

}  // namespace
}  // namespace tartan::testing
