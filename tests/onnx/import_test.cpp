// What the importer makes of a model: static shape subgraphs folded to constants, int64
// inputs as int32 with the index range of their Gather, layouts that need no transposes.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <variant>

#include "common/device_check.h"
#include "common/test_env.h"
#include "onnx/model_maker.h"
#include "tartan/compiler.h"
#include "tartan/onnx/model.h"
#include "tartan/reference/executor.h"

namespace tartan::testing {
namespace {

using ::onnx::TensorProto;

template <typename T>
int count_ops(const Program& p) {
  int n = 0;
  for (const Op& op : p.ops()) n += std::holds_alternative<T>(op) ? 1 : 0;
  return n;
}

// x [2, 3, 4] -> Reshape(x, Concat(Unsqueeze(Gather(Shape(x), 0)), [-1])): the exporters'
// dynamic flatten. The shape arithmetic runs at import; the program is one reshape.
TEST(OnnxImport, FoldsShapeSubgraphs) {
  TempDir dir;
  ::onnx::ModelProto m = onnx_model(13);
  auto* g = m.mutable_graph();
  add_value_info(g->add_input(), "x", TensorProto::FLOAT, {2, 3, 4});
  add_value_info(g->add_output(), "y", TensorProto::FLOAT, {2, 12});
  add_int64_initializer(g, "zero", {}, {0});
  add_int64_initializer(g, "axes", {1}, {0});
  add_int64_initializer(g, "minus_one", {1}, {-1});
  add_node(g, "Shape", {"x"}, {"shape"});
  add_node(g, "Gather", {"shape", "zero"}, {"batch"});
  add_node(g, "Unsqueeze", {"batch", "axes"}, {"batch1"});
  add_int_attr(add_node(g, "Concat", {"batch1", "minus_one"}, {"target"}), "axis", 0);
  add_node(g, "Reshape", {"x", "target"}, {"y"});
  write_model(m, dir.path() / "m.onnx");
  const onnx::ImportedModel im = onnx::import_model((dir.path() / "m.onnx").string());
  EXPECT_EQ(im.outputs[0].shape, (Shape{2, 12}));
  EXPECT_EQ(count_ops<Gather>(im.program), 0);
  EXPECT_EQ(count_ops<Contraction>(im.program), 0);
  EXPECT_EQ(count_ops<Reshape>(im.program), 1);
}

// Token ids [1, 4] (int64) into a table of 10 rows: int32 in the program, valid below 10.
TEST(OnnxImport, IndexInputsGetTheirRange) {
  TempDir dir;
  ::onnx::ModelProto m = onnx_model(13);
  auto* g = m.mutable_graph();
  add_value_info(g->add_input(), "ids", TensorProto::INT64, {1, 4});
  add_value_info(g->add_output(), "y", TensorProto::FLOAT, {1, 4, 3});
  add_float_initializer(g, "table", {10, 3}, std::vector<float>(30, 0.5f));
  add_node(g, "Gather", {"table", "ids"}, {"y"});
  write_model(m, dir.path() / "m.onnx");
  const onnx::ImportedModel im = onnx::import_model((dir.path() / "m.onnx").string());
  ASSERT_EQ(im.inputs.size(), 1u);
  EXPECT_EQ(im.inputs[0].onnx_dtype, "int64");
  EXPECT_EQ(im.inputs[0].dtype, DType::kInt32);
  EXPECT_EQ(im.inputs[0].index_limit, 10);
}

// NCHW Conv -> Relu -> Conv -> Add (residual) -> Transpose: activations stay NHWC between the
// convolutions, so the program transposes only the input and the output.
TEST(OnnxImport, ConvolutionChainsStayChannelsLast) {
  TempDir dir;
  ::onnx::ModelProto m = onnx_model(13);
  auto* g = m.mutable_graph();
  add_value_info(g->add_input(), "x", TensorProto::FLOAT, {1, 4, 8, 8});
  add_value_info(g->add_output(), "y", TensorProto::FLOAT, {1, 4, 8, 8});
  add_float_initializer(g, "w1", {4, 4, 3, 3}, std::vector<float>(144, 0.1f));
  add_float_initializer(g, "w2", {4, 4, 1, 1}, std::vector<float>(16, 0.2f));
  add_float_initializer(g, "bias", {4, 1, 1}, {1, 2, 3, 4});
  add_ints_attr(add_node(g, "Conv", {"x", "w1"}, {"c1"}), "pads", {1, 1, 1, 1});
  add_node(g, "Relu", {"c1"}, {"r1"});
  add_node(g, "Conv", {"r1", "w2"}, {"c2"});
  add_node(g, "Add", {"c2", "r1"}, {"s"});
  add_node(g, "Add", {"s", "bias"}, {"y"});
  write_model(m, dir.path() / "m.onnx");
  const onnx::ImportedModel im = onnx::import_model((dir.path() / "m.onnx").string());
  // Two convolutions plus the transposes at the two ends.
  EXPECT_EQ(count_ops<Contraction>(im.program), 4);
  EXPECT_EQ(im.outputs[0].shape, (Shape{1, 4, 8, 8}));
}

}  // namespace
}  // namespace tartan::testing

namespace tartan::testing {
namespace {

// The model's nodes one at a time, each imported as a model of its own (so every value
// crosses a node boundary in ONNX order) and run by the reference executor: an oracle for
// layouts that stay permuted across nodes.
std::map<std::string, HostTensor> node_by_node(const ::onnx::ModelProto& model,
                                               const std::map<std::string, HostTensor>& inputs,
                                               const std::filesystem::path& dir) {
  std::map<std::string, HostTensor> values = inputs;
  const auto& graph = model.graph();
  for (int k = 0; k < graph.node_size(); ++k) {
    const auto& node = graph.node(k);
    ::onnx::ModelProto single = onnx_model(model.opset_import(0).version());
    auto* g = single.mutable_graph();
    *g->add_node() = node;
    std::vector<HostTensor> feed;
    for (const auto& in : node.input()) {
      const auto init = std::find_if(graph.initializer().begin(), graph.initializer().end(),
                                     [&](const auto& t) { return t.name() == in; });
      if (init != graph.initializer().end()) {
        *g->add_initializer() = *init;
        continue;
      }
      const HostTensor& v = values.at(in);
      add_value_info(g->add_input(), in, TensorProto::FLOAT, v.shape);
      feed.push_back(v);
    }
    for (const auto& out : node.output())
      add_value_info(g->add_output(), out, TensorProto::FLOAT, {});
    const auto path = dir / ("node" + std::to_string(k) + ".onnx");
    write_model(single, path);
    const onnx::ImportedModel im = onnx::import_model(path.string());
    const std::vector<HostTensor> outs = reference_run(im.program, feed);
    for (int o = 0; o < node.output_size(); ++o) values[node.output(o)] = outs[o];
  }
  return values;
}

// NCHW convolutions, batch norm, pooling, a channel concat, a transpose and broadcasts with
// [C, 1, 1] constants: on the device, as one model, equal to the node-by-node oracle.
TEST(OnnxImport, PermutedLayoutsMatchNodeByNode) {
  TempDir dir;
  std::mt19937_64 rng(test_seed());
  std::uniform_real_distribution<float> u(-1, 1);
  const auto random = [&](std::size_t n) {
    std::vector<float> v(n);
    for (float& x : v) x = u(rng);
    return v;
  };
  ::onnx::ModelProto m = onnx_model(13);
  auto* g = m.mutable_graph();
  add_value_info(g->add_input(), "x", TensorProto::FLOAT, {2, 3, 9, 9});
  add_value_info(g->add_output(), "y", TensorProto::FLOAT, {2, 7});
  add_float_initializer(g, "w1", {6, 3, 3, 3}, random(162));
  add_float_initializer(g, "b1", {6}, random(6));
  add_float_initializer(g, "gamma", {6}, random(6));
  add_float_initializer(g, "beta", {6}, random(6));
  add_float_initializer(g, "mean", {6}, random(6));
  std::vector<float> var = random(6);
  for (float& v : var) v = v * v + 0.5f;
  add_float_initializer(g, "var", {6}, var);
  add_float_initializer(g, "dw", {12, 1, 3, 3}, random(108));
  add_float_initializer(g, "scale", {12, 1, 1}, random(12));
  add_float_initializer(g, "fc", {7, 12 * 25}, random(7 * 300));
  auto* conv = add_node(g, "Conv", {"x", "w1", "b1"}, {"c1"});
  add_ints_attr(conv, "strides", {2, 2});
  add_ints_attr(conv, "pads", {1, 1, 1, 1});
  add_node(g, "BatchNormalization", {"c1", "gamma", "beta", "mean", "var"}, {"bn"});
  add_node(g, "Relu", {"bn"}, {"r"});
  auto* pool = add_node(g, "MaxPool", {"r"}, {"p"});
  add_ints_attr(pool, "kernel_shape", {3, 3});
  add_ints_attr(pool, "pads", {1, 1, 1, 1});
  add_int_attr(add_node(g, "Concat", {"p", "r"}, {"cat"}), "axis", 1);
  auto* dw = add_node(g, "Conv", {"cat", "dw"}, {"d"});
  add_int_attr(dw, "group", 12);
  add_ints_attr(dw, "pads", {1, 1, 1, 1});
  add_node(g, "Mul", {"d", "scale"}, {"ds"});
  add_node(g, "Add", {"ds", "cat"}, {"res"});
  add_ints_attr(add_node(g, "Transpose", {"res"}, {"t"}), "perm", {0, 3, 2, 1});
  add_node(g, "Sigmoid", {"t"}, {"st"});
  add_node(g, "Flatten", {"st"}, {"f"});
  add_int_attr(add_node(g, "Gemm", {"f", "fc"}, {"y"}), "transB", 1);
  write_model(m, dir.path() / "m.onnx");

  const onnx::ImportedModel im = onnx::import_model((dir.path() / "m.onnx").string());
  const HostTensor x = random_tensor(DType::kFloat32, {2, 3, 9, 9}, rng);
  const HostTensor want = node_by_node(m, {{"x", x}}, dir.path()).at("y");
  const std::vector<runtime::Device> devices = test_devices();
  ASSERT_FALSE(devices.empty());
  Executable exe = compile(im.program, devices.front());
  RunOptions run;
  run.poison = true;
  const std::vector<HostTensor> got = exe.run({x}, run);
  EXPECT_LT(relative_error(got[0], want), 1e-5);
}

}  // namespace
}  // namespace tartan::testing
