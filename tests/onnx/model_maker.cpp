#include "onnx/model_maker.h"

#include <fstream>

namespace tartan::testing {

::onnx::ModelProto onnx_model(std::int64_t opset) {
  ::onnx::ModelProto m;
  m.set_ir_version(8);
  m.set_producer_name("tartan-test");
  auto* imp = m.add_opset_import();
  imp->set_domain("");
  imp->set_version(opset);
  m.mutable_graph()->set_name("test");
  return m;
}

void add_value_info(::onnx::ValueInfoProto* vi, const std::string& name, int elem_type,
                    const std::vector<std::int64_t>& dims,
                    const std::vector<std::string>& dim_names) {
  vi->set_name(name);
  auto* t = vi->mutable_type()->mutable_tensor_type();
  t->set_elem_type(elem_type);
  t->mutable_shape();  // a scalar has a shape of no dimensions
  std::size_t next_name = 0;
  for (const auto d : dims) {
    auto* dim = t->mutable_shape()->add_dim();
    if (d >= 0) {
      dim->set_dim_value(d);
    } else {
      dim->set_dim_param(next_name < dim_names.size() ? dim_names[next_name++] : "n");
    }
  }
}

::onnx::NodeProto* add_node(::onnx::GraphProto* g, const std::string& op,
                            const std::vector<std::string>& inputs,
                            const std::vector<std::string>& outputs) {
  auto* n = g->add_node();
  n->set_op_type(op);
  n->set_name(op + "_" + std::to_string(g->node_size()));
  for (const auto& i : inputs) n->add_input(i);
  for (const auto& o : outputs) n->add_output(o);
  return n;
}

void add_int_attr(::onnx::NodeProto* n, const std::string& name, std::int64_t value) {
  auto* a = n->add_attribute();
  a->set_name(name);
  a->set_type(::onnx::AttributeProto::INT);
  a->set_i(value);
}

void add_string_attr(::onnx::NodeProto* n, const std::string& name, const std::string& value) {
  auto* a = n->add_attribute();
  a->set_name(name);
  a->set_type(::onnx::AttributeProto::STRING);
  a->set_s(value);
}

::onnx::TensorProto* add_int64_initializer(::onnx::GraphProto* g, const std::string& name,
                                           const std::vector<std::int64_t>& dims,
                                           const std::vector<std::int64_t>& values) {
  auto* t = g->add_initializer();
  t->set_name(name);
  t->set_data_type(::onnx::TensorProto::INT64);
  for (const auto d : dims) t->add_dims(d);
  for (const auto v : values) t->add_int64_data(v);
  return t;
}

void add_ints_attr(::onnx::NodeProto* n, const std::string& name,
                   const std::vector<std::int64_t>& values) {
  auto* a = n->add_attribute();
  a->set_name(name);
  a->set_type(::onnx::AttributeProto::INTS);
  for (const auto v : values) a->add_ints(v);
}

::onnx::TensorProto* add_float_initializer(::onnx::GraphProto* g, const std::string& name,
                                           const std::vector<std::int64_t>& dims,
                                           const std::vector<float>& values) {
  auto* t = g->add_initializer();
  t->set_name(name);
  t->set_data_type(::onnx::TensorProto::FLOAT);
  for (const auto d : dims) t->add_dims(d);
  for (const float v : values) t->add_float_data(v);
  return t;
}

void write_model(const ::onnx::ModelProto& m, const std::filesystem::path& path) {
  std::ofstream out(path, std::ios::binary);
  m.SerializeToOstream(&out);
}

}  // namespace tartan::testing
