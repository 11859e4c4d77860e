// Must-fail tests of the converters onnx-ops added: an attribute value, type or operand that
// tartan does not map gets one Error naming the node, its operator and opset, and what is
// supported; never a crash or an approximation.
#include <gtest/gtest.h>

#include "common/test_env.h"
#include "onnx/model_maker.h"
#include "tartan/onnx/model.h"
#include "tartan/support/error.h"

namespace tartan::testing {
namespace {

namespace fs = std::filesystem;
using ::onnx::TensorProto;

// A model with float input x of `dims` into one `op` node whose other inputs are initializers
// added by `extra`; `configure` sets the node's attributes.
struct OneNode {
  std::string op;
  std::vector<std::int64_t> dims = {1, 4, 2, 2};
  std::vector<std::string> inputs = {"x"};
  std::function<void(::onnx::GraphProto*)> extra = [](::onnx::GraphProto*) {};
  std::function<void(::onnx::NodeProto*)> configure = [](::onnx::NodeProto*) {};
  std::int64_t opset = 13;
  int out_rank = 4;  // the output's dimensions are left symbolic
};

std::string import_error(const OneNode& spec) {
  ::onnx::ModelProto m = onnx_model(spec.opset);
  auto* g = m.mutable_graph();
  if (!spec.dims.empty()) add_value_info(g->add_input(), "x", TensorProto::FLOAT, spec.dims);
  spec.extra(g);
  spec.configure(add_node(g, spec.op, spec.inputs, {"y"}));
  std::vector<std::string> names;
  for (int d = 0; d < spec.out_rank; ++d) names.push_back("d" + std::to_string(d));
  add_value_info(g->add_output(), "y", TensorProto::FLOAT,
                 std::vector<std::int64_t>(static_cast<std::size_t>(spec.out_rank), -1), names);
  TempDir dir;
  write_model(m, dir.path() / "m.onnx");
  try {
    onnx::import_model((dir.path() / "m.onnx").string());
  } catch (const Error& e) {
    EXPECT_FALSE(e.hint().empty()) << e.what();
    return std::string(e.what()) + " | " + e.hint();
  }
  ADD_FAILURE() << spec.op << " imported without an error";
  return {};
}

void expect_has(const std::string& msg, const std::vector<std::string>& fragments) {
  for (const std::string& f : fragments) EXPECT_NE(msg.find(f), std::string::npos) << msg;
}

TEST(OnnxOpErrors, ResizeModeNotMapped) {
  OneNode n{"Resize"};
  n.inputs = {"x", "", "scales"};
  n.extra = [](auto* g) { add_float_initializer(g, "scales", {4}, {1, 1, 2, 2}); };
  n.configure = [](auto* node) { add_string_attr(node, "mode", "area"); };
  expect_has(import_error(n), {"(Resize, opset 13)", "unsupported: mode 'area'", "cubic, linear"});
}

TEST(OnnxOpErrors, ResizeWithoutScalesOrSizes) {
  OneNode n{"Resize"};
  n.inputs = {"x", "", "scales"};
  n.extra = [](auto* g) { add_float_initializer(g, "scales", {0}, {}); };
  expect_has(import_error(n), {"(Resize, opset 13)", "scales and sizes"});
}

TEST(OnnxOpErrors, LayerNormStashTypeDouble) {
  OneNode n{"LayerNormalization"};
  n.opset = 17;
  n.inputs = {"x", "scale"};
  n.extra = [](auto* g) { add_float_initializer(g, "scale", {2}, {1, 1}); };
  n.configure = [](auto* node) { add_int_attr(node, "stash_type", TensorProto::DOUBLE); };
  expect_has(import_error(n), {"(LayerNormalization, opset 17)", "unsupported: stash_type double"});
}

TEST(OnnxOpErrors, CastToDouble) {
  OneNode n{"Cast"};
  n.configure = [](auto* node) { add_int_attr(node, "to", TensorProto::DOUBLE); };
  expect_has(import_error(n), {"(Cast, opset 13)", "unsupported: a cast to double"});
}

TEST(OnnxOpErrors, TileZeroRepeats) {
  OneNode n{"Tile"};
  n.inputs = {"x", "repeats"};
  n.extra = [](auto* g) { add_int64_initializer(g, "repeats", {4}, {1, 0, 1, 1}); };
  expect_has(import_error(n), {"(Tile, opset 13)", "unsupported: a repeat count of 0"});
}

TEST(OnnxOpErrors, EmptyRangeAndZeroShape) {
  OneNode range{"Range"};
  range.dims = {};
  range.out_rank = 1;
  range.inputs = {"start", "limit", "delta"};
  range.extra = [](auto* g) {
    add_float_initializer(g, "start", {}, {5});
    add_float_initializer(g, "limit", {}, {1});
    add_float_initializer(g, "delta", {}, {1});
  };
  expect_has(import_error(range), {"(Range, opset 13)", "unsupported: an empty range"});
  OneNode zeros{"ConstantOfShape"};
  zeros.dims = {};
  zeros.out_rank = 2;
  zeros.inputs = {"shape"};
  zeros.extra = [](auto* g) { add_int64_initializer(g, "shape", {2}, {3, 0}); };
  expect_has(import_error(zeros), {"(ConstantOfShape, opset 13)", "a dimension of 0"});
}

TEST(OnnxOpErrors, DepthToSpaceModeAndEinsumEquation) {
  OneNode d2s{"DepthToSpace"};
  d2s.configure = [](auto* node) {
    add_int_attr(node, "blocksize", 2);
    add_string_attr(node, "mode", "RCD");
  };
  expect_has(import_error(d2s), {"(DepthToSpace, opset 13)", "mode 'RCD'"});
  OneNode einsum{"Einsum"};
  einsum.opset = 13;
  einsum.out_rank = 1;
  einsum.configure = [](auto* node) { add_string_attr(node, "equation", "ij->i"); };
  expect_has(import_error(einsum), {"einsum \"ij->i\"", "2 subscripts"});
}

// The importer reads models of every opset; an operator mapped only from a later one says so
// (opset 6's Add has the legacy broadcast attribute).
TEST(OnnxOpErrors, OperatorOlderThanItsConverter) {
  OneNode n{"Add"};
  n.opset = 6;
  n.inputs = {"x", "x"};
  expect_has(import_error(n), {"unsupported: Add at opset 6", "opsets 7 to 17"});
}

}  // namespace
}  // namespace tartan::testing
