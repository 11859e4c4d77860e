// Small Keras-2-layout HDF5 files written with the HDF5 C API, for the loader's tests: the bad
// cases (missing layer, extra weight, wrong shape) and the variants Keras writes (a
// `model_weights` group, attributes split into chunks, variable-length strings, float16/64).
#pragma once

#include <hdf5.h>

#include <string>
#include <vector>

#include "tartan/ir/shape.h"

namespace tartan::testing {

enum class StoredType { kFloat16, kFloat32, kFloat64 };

struct FakeVariable {
  std::string weight_name;  // as in the file: "conv1/kernel:0"
  Shape shape;
  StoredType type = StoredType::kFloat32;
};

struct FakeLayer {
  std::string name;
  std::vector<FakeVariable> variables;
};

struct Keras2Options {
  bool model_weights_group = false;  // a whole-model save: everything under /model_weights
  bool chunked_layer_names = false;  // layer_names0, layer_names1 as Keras writes long lists
  bool variable_length_strings = false;
};

// Element i of every variable holds value_at(i) (exact in float16 too).
inline double value_at(std::size_t i) { return static_cast<double>(i % 64) / 8.0 - 4.0; }

namespace detail {

inline hid_t float16_type() {
  hid_t t = H5Tcopy(H5T_IEEE_F32LE);  // IEEE half: sign 15, exponent 10..14, mantissa 0..9
  H5Tset_fields(t, 15, 10, 5, 0, 10);
  H5Tset_size(t, 2);
  H5Tset_ebias(t, 15);
  return t;
}

inline void write_strings(hid_t obj, const std::string& name, const std::vector<std::string>& v,
                          bool variable_length) {
  const hsize_t n = v.size();
  hid_t space = H5Screate_simple(1, &n, nullptr);
  hid_t type = H5Tcopy(H5T_C_S1);
  if (variable_length) {
    H5Tset_size(type, H5T_VARIABLE);
    std::vector<const char*> ptrs;
    for (const std::string& s : v) ptrs.push_back(s.c_str());
    hid_t attr = H5Acreate2(obj, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(attr, type, ptrs.data());
    H5Aclose(attr);
  } else {  // numpy's 'S<n>': null-padded, no terminator when a string fills its slot
    std::size_t width = 1;
    for (const std::string& s : v) width = std::max(width, s.size());
    H5Tset_size(type, width);
    H5Tset_strpad(type, H5T_STR_NULLPAD);
    std::vector<char> buffer(width * v.size(), '\0');
    for (std::size_t i = 0; i < v.size(); ++i) v[i].copy(buffer.data() + i * width, width);
    hid_t attr = H5Acreate2(obj, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(attr, type, buffer.data());
    H5Aclose(attr);
  }
  H5Tclose(type);
  H5Sclose(space);
}

}  // namespace detail

inline void write_keras2_file(const std::string& path, const std::vector<FakeLayer>& layers,
                              const Keras2Options& options = {}) {
  hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  hid_t root = options.model_weights_group
                   ? H5Gcreate2(file, "model_weights", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT)
                   : H5Gopen2(file, "/", H5P_DEFAULT);
  std::vector<std::string> names;
  for (const FakeLayer& l : layers) names.push_back(l.name);
  if (options.chunked_layer_names) {
    const std::size_t half = names.size() / 2;
    detail::write_strings(root, "layer_names0", {names.begin(), names.begin() + half},
                          options.variable_length_strings);
    detail::write_strings(root, "layer_names1", {names.begin() + half, names.end()},
                          options.variable_length_strings);
  } else {
    detail::write_strings(root, "layer_names", names, options.variable_length_strings);
  }
  hid_t lcpl = H5Pcreate(H5P_LINK_CREATE);
  H5Pset_create_intermediate_group(lcpl, 1);  // "conv1/kernel:0" makes the group conv1
  for (const FakeLayer& l : layers) {
    hid_t group = H5Gcreate2(root, l.name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    std::vector<std::string> weight_names;
    for (const FakeVariable& v : l.variables) weight_names.push_back(v.weight_name);
    detail::write_strings(group, "weight_names", weight_names, options.variable_length_strings);
    for (const FakeVariable& v : l.variables) {
      std::vector<hsize_t> dims(v.shape.begin(), v.shape.end());
      hid_t space = H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr);
      hid_t type = v.type == StoredType::kFloat16   ? detail::float16_type()
                   : v.type == StoredType::kFloat64 ? H5Tcopy(H5T_IEEE_F64LE)
                                                    : H5Tcopy(H5T_IEEE_F32LE);
      hid_t data =
          H5Dcreate2(group, v.weight_name.c_str(), type, space, lcpl, H5P_DEFAULT, H5P_DEFAULT);
      std::vector<double> values(static_cast<std::size_t>(num_elements(v.shape)));
      for (std::size_t i = 0; i < values.size(); ++i) values[i] = value_at(i);
      H5Dwrite(data, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data());
      H5Dclose(data);
      H5Tclose(type);
      H5Sclose(space);
    }
    H5Gclose(group);
  }
  H5Pclose(lcpl);
  H5Gclose(root);
  H5Fclose(file);
}

}  // namespace tartan::testing
