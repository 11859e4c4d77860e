// Must-fail tests of the ONNX importer's load path: each bad file gets one Error that says
// what is wrong and how to fix it. And the files that must load: external data, bindings.
#include <gtest/gtest.h>

#include <fstream>

#include "common/test_env.h"
#include "onnx/model_maker.h"
#include "tartan/onnx/model.h"
#include "tartan/support/error.h"

namespace tartan::testing {
namespace {

namespace fs = std::filesystem;
using ::onnx::TensorProto;

// x [1, 3] + b [3] (an initializer) -> y.
::onnx::ModelProto add_bias_model(std::int64_t opset = 13) {
  ::onnx::ModelProto m = onnx_model(opset);
  auto* g = m.mutable_graph();
  add_value_info(g->add_input(), "x", TensorProto::FLOAT, {1, 3});
  add_value_info(g->add_output(), "y", TensorProto::FLOAT, {1, 3});
  add_float_initializer(g, "b", {3}, {1, 2, 3});
  add_node(g, "Add", {"x", "b"}, {"y"});
  return m;
}

// Runs import_model and returns the Error's message (and hint), failing if it does not throw.
std::string import_error(const fs::path& path, const onnx::ImportOptions& options = {}) {
  try {
    onnx::import_model(path.string(), options);
  } catch (const Error& e) {
    return std::string(e.what()) + " | " + e.hint();
  }
  ADD_FAILURE() << path << " imported without an error";
  return {};
}

TEST(OnnxLoad, ImportsAValidModel) {
  TempDir dir;
  write_model(add_bias_model(), dir.path() / "m.onnx");
  const onnx::ImportedModel m = onnx::import_model((dir.path() / "m.onnx").string());
  ASSERT_EQ(m.inputs.size(), 1u);
  EXPECT_EQ(m.inputs[0].name, "x");
  EXPECT_EQ(m.inputs[0].shape, (Shape{1, 3}));
  ASSERT_EQ(m.outputs.size(), 1u);
  EXPECT_EQ(m.outputs[0].shape, (Shape{1, 3}));
  EXPECT_EQ(m.opset, 13);
  EXPECT_EQ(m.parameters, 3);
  EXPECT_EQ(m.producer, "tartan-test");
}

TEST(OnnxLoad, MissingFile) {
  TempDir dir;
  EXPECT_NE(import_error(dir.path() / "none.onnx").find("cannot read ONNX model"),
            std::string::npos);
}

TEST(OnnxLoad, MalformedFile) {
  TempDir dir;
  std::ofstream(dir.path() / "bad.onnx") << "this is not a protobuf \xff\xff\xff\xff";
  const std::string msg = import_error(dir.path() / "bad.onnx");
  EXPECT_NE(msg.find("does not parse as an ONNX protobuf"), std::string::npos) << msg;
}

TEST(OnnxLoad, TruncatedFile) {
  TempDir dir;
  std::string bytes;
  ASSERT_TRUE(add_bias_model().SerializeToString(&bytes));
  // Every cut of the file is refused with a message naming it (parse or checker), none loads.
  for (std::size_t cut = 1; cut < bytes.size(); cut += 7) {
    const fs::path p = dir.path() / "cut.onnx";
    std::ofstream(p, std::ios::binary) << bytes.substr(0, cut);
    const std::string msg = import_error(p);
    EXPECT_NE(msg.find(p.string()), std::string::npos) << "cut at " << cut << ": " << msg;
  }
}

TEST(OnnxLoad, OpsetTooNew) {
  TempDir dir;
  write_model(add_bias_model(18), dir.path() / "new.onnx");
  const std::string msg = import_error(dir.path() / "new.onnx");
  EXPECT_NE(msg.find("uses opset 18"), std::string::npos) << msg;
  EXPECT_NE(msg.find("supports opsets 1 to 17"), std::string::npos) << msg;
}

TEST(OnnxLoad, UnsupportedOperator) {
  TempDir dir;
  ::onnx::ModelProto m = onnx_model(13);
  auto* g = m.mutable_graph();
  add_value_info(g->add_input(), "x", TensorProto::FLOAT, {2, 2});
  add_value_info(g->add_output(), "y", TensorProto::FLOAT, {});
  add_node(g, "Det", {"x"}, {"y"});
  write_model(m, dir.path() / "det.onnx");
  const std::string msg = import_error(dir.path() / "det.onnx");
  EXPECT_NE(msg.find("unsupported: operator Det (opset 13)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("--list-ops"), std::string::npos) << msg;
}

TEST(OnnxLoad, UnsupportedInputType) {
  TempDir dir;
  ::onnx::ModelProto m = onnx_model(13);
  auto* g = m.mutable_graph();
  add_value_info(g->add_input(), "x", TensorProto::DOUBLE, {2});
  add_value_info(g->add_output(), "y", TensorProto::DOUBLE, {2});
  add_node(g, "Relu", {"x"}, {"y"});
  write_model(m, dir.path() / "f64.onnx");
  const std::string msg = import_error(dir.path() / "f64.onnx");
  EXPECT_NE(msg.find("unsupported: input 'x' is double"), std::string::npos) << msg;
}

// x [batch, seq] -> Relu: each symbolic dimension must be bound, and is named when it is not.
::onnx::ModelProto symbolic_model() {
  ::onnx::ModelProto m = onnx_model(13);
  auto* g = m.mutable_graph();
  add_value_info(g->add_input(), "ids", TensorProto::FLOAT, {-1, -1}, {"batch", "sequence"});
  add_value_info(g->add_output(), "y", TensorProto::FLOAT, {-1, -1}, {"batch", "sequence"});
  add_node(g, "Relu", {"ids"}, {"y"});
  return m;
}

TEST(OnnxLoad, UnboundSymbolicDimension) {
  TempDir dir;
  const fs::path p = dir.path() / "sym.onnx";
  write_model(symbolic_model(), p);
  std::string msg = import_error(p);
  EXPECT_NE(msg.find("input 'ids' dimension 0 ('batch') is symbolic and not bound"),
            std::string::npos)
      << msg;
  onnx::ImportOptions batch_only;
  batch_only.batch = 4;
  msg = import_error(p, batch_only);
  EXPECT_NE(msg.find("dimension 1 ('sequence')"), std::string::npos) << msg;
  EXPECT_NE(msg.find("--shape ids="), std::string::npos) << msg;
}

TEST(OnnxLoad, BindingsApply) {
  TempDir dir;
  const fs::path p = dir.path() / "sym.onnx";
  write_model(symbolic_model(), p);
  onnx::ImportOptions by_name;
  by_name.batch = 4;
  by_name.dims["sequence"] = 128;
  EXPECT_EQ(onnx::import_model(p.string(), by_name).inputs[0].shape, (Shape{4, 128}));
  onnx::ImportOptions whole;
  whole.shapes["ids"] = {2, 16};
  EXPECT_EQ(onnx::import_model(p.string(), whole).outputs[0].shape, (Shape{2, 16}));
  onnx::ImportOptions wrong_rank;
  wrong_rank.shapes["ids"] = {2};
  EXPECT_NE(import_error(p, wrong_rank).find("has rank 1"), std::string::npos);
  onnx::ImportOptions unknown;
  unknown.shapes["tokens"] = {1, 2};
  EXPECT_NE(import_error(p, unknown).find("'tokens', which is not an input"), std::string::npos);
}

TEST(OnnxLoad, FixedDimensionCannotBeRebound) {
  TempDir dir;
  write_model(add_bias_model(), dir.path() / "m.onnx");
  onnx::ImportOptions o;
  o.shapes["x"] = {2, 3};
  EXPECT_NE(import_error(dir.path() / "m.onnx", o).find("the model fixes it at 1"),
            std::string::npos);
}

// The bias lives in a side file, as exporters write models over 2 GB.
::onnx::ModelProto external_model(const std::string& location, std::int64_t offset) {
  ::onnx::ModelProto m = add_bias_model();
  auto* b = m.mutable_graph()->mutable_initializer(0);
  b->clear_float_data();
  b->set_data_location(TensorProto::EXTERNAL);
  const auto entry = [&](const std::string& k, const std::string& v) {
    auto* kv = b->add_external_data();
    kv->set_key(k);
    kv->set_value(v);
  };
  entry("location", location);
  entry("offset", std::to_string(offset));
  entry("length", "12");
  return m;
}

TEST(OnnxLoad, ExternalData) {
  TempDir dir;
  const float values[4] = {0, 7, 8, 9};  // the tensor at offset 4
  std::ofstream(dir.path() / "weights.bin", std::ios::binary)
      .write(reinterpret_cast<const char*>(values), sizeof values);
  write_model(external_model("weights.bin", 4), dir.path() / "ext.onnx");
  const onnx::ImportedModel m = onnx::import_model((dir.path() / "ext.onnx").string());
  bool found = false;
  for (const TensorInfo& t : m.program.tensors()) {
    if (t.kind == TensorKind::kConstant && t.shape == Shape{3}) {
      found = true;
      EXPECT_EQ(t.data->at(0), 7);
      EXPECT_EQ(t.data->at(2), 9);
    }
  }
  EXPECT_TRUE(found) << "the external bias is not a constant of the program";
}

TEST(OnnxLoad, ExternalDataOutOfBounds) {
  TempDir dir;
  const float values[2] = {1, 2};  // 8 bytes, the tensor needs 12
  std::ofstream(dir.path() / "weights.bin", std::ios::binary)
      .write(reinterpret_cast<const char*>(values), sizeof values);
  write_model(external_model("weights.bin", 0), dir.path() / "ext.onnx");
  const std::string msg = import_error(dir.path() / "ext.onnx");
  EXPECT_NE(msg.find("does not hold the tensor's 12 bytes"), std::string::npos) << msg;
}

TEST(OnnxLoad, ExternalDataMissingFile) {
  TempDir dir;
  write_model(external_model("missing.bin", 0), dir.path() / "ext.onnx");
  const std::string msg = import_error(dir.path() / "ext.onnx");
  EXPECT_NE(msg.find("missing.bin"), std::string::npos) << msg;
}

TEST(OnnxLoad, Int64ConstantOutsideInt32) {
  TempDir dir;
  ::onnx::ModelProto m = onnx_model(13);
  auto* g = m.mutable_graph();
  add_value_info(g->add_input(), "x", TensorProto::INT64, {2});
  add_value_info(g->add_output(), "y", TensorProto::INT64, {2});
  auto* big = g->add_initializer();
  big->set_name("big");
  big->set_data_type(TensorProto::INT64);
  big->add_dims(2);
  big->add_int64_data(1);
  big->add_int64_data(std::int64_t{1} << 40);
  add_node(g, "Add", {"x", "big"}, {"y"});
  write_model(m, dir.path() / "i64.onnx");
  const std::string msg = import_error(dir.path() / "i64.onnx");
  EXPECT_NE(msg.find("value 1099511627776 at element 1 does not fit int32"), std::string::npos)
      << msg;
}

}  // namespace
}  // namespace tartan::testing
