// Keras HDF5 weights, both layouts:
//  Keras 2 (and Keras 3's legacy .h5): attribute `layer_names` on the root (or on the
//    `model_weights` group of a whole-model save), attribute `weight_names` on each layer's
//    group ("conv1/kernel:0"), a dataset at each of those paths. Long attributes are split by
//    Keras into `layer_names0`, `layer_names1`, ...
//  Keras 3 `.weights.h5`: groups `layers/<auto name>/vars/0, 1, ...` in the layer's variable
//    order, the layer's real name in the `name` attribute of its `vars` group, sublayers (the
//    LSTM's cell) nested as further groups.
// Keras 2 variables are matched by name; Keras 3 ones, which have none, by the order tartan
// asks for them (Keras's own order). Shapes are checked either way.
#include <map>

#include "h5_file.h"
#include "tartan/networks/weights.h"
#include "tartan/support/error.h"

namespace tartan::networks {
namespace {

struct StoredVariable {
  std::string name;  // "kernel"; empty in the Keras 3 layout
  std::string path;  // the dataset, from the file's root
  Shape shape;
  bool used = false;
};

using StoredLayers = std::map<std::string, std::vector<StoredVariable>>;

// "conv1/kernel:0" and "lstm/lstm_cell/kernel" -> "kernel".
std::string variable_of(const std::string& weight_name) {
  std::string name = weight_name.substr(weight_name.rfind('/') + 1);
  return name.substr(0, name.find(':'));
}

// Keras 3 names a DepthwiseConv2D's kernel `kernel`; Keras 2 and tartan `depthwise_kernel`.
bool same_variable(const std::string& stored, const std::string& asked) {
  return stored == asked || (stored == "kernel" && asked == "depthwise_kernel");
}

// Keras splits attributes over 64 KiB into numbered chunks.
std::vector<std::string> chunked_list(const h5::File& f, hid_t obj, const std::string& name) {
  if (f.has_attribute(obj, name)) return f.string_list(obj, name);
  std::vector<std::string> out;
  for (int chunk = 0; f.has_attribute(obj, name + std::to_string(chunk)); ++chunk) {
    for (std::string& s : f.string_list(obj, name + std::to_string(chunk))) {
      out.push_back(std::move(s));
    }
  }
  return out;
}

StoredLayers index_keras2(const h5::File& f, const std::string& root_path) {
  h5::Handle root = f.group(f.root(), root_path);
  const std::string prefix = root_path == "/" ? "" : root_path;
  StoredLayers layers;
  for (const std::string& layer : chunked_list(f, root.get(), "layer_names")) {
    h5::Handle group = f.group(root.get(), layer);
    std::vector<StoredVariable>& vars = layers[layer];
    for (const std::string& weight : chunked_list(f, group.get(), "weight_names")) {
      const std::string path = prefix + "/" + layer + "/" + weight;
      vars.push_back({variable_of(weight), path, f.float_dataset_shape(f.root(), path)});
    }
  }
  return layers;
}

// A layer's own vars/0, vars/1, ..., then its sublayers' (in name order), depth first.
void collect_keras3(const h5::File& f, const std::string& path, std::vector<StoredVariable>* out) {
  h5::Handle group = f.group(f.root(), path);
  for (int i = 0; f.has_dataset(f.root(), path + "/vars/" + std::to_string(i)); ++i) {
    const std::string var = path + "/vars/" + std::to_string(i);
    out->push_back({"", var, f.float_dataset_shape(f.root(), var)});
  }
  for (const std::string& child : f.children(group.get())) {
    if (child != "vars" && f.has_group(group.get(), child)) {
      collect_keras3(f, path + "/" + child, out);
    }
  }
}

StoredLayers index_keras3(const h5::File& f) {
  h5::Handle layers_group = f.group(f.root(), "/layers");
  StoredLayers layers;
  for (const std::string& key : f.children(layers_group.get())) {
    const std::string path = "/layers/" + key;
    if (!f.has_group(f.root(), path)) continue;
    std::string name = key;  // older Keras 3 files: the group is named after the layer
    if (f.has_group(f.root(), path + "/vars")) {
      h5::Handle vars = f.group(f.root(), path + "/vars");
      if (f.has_attribute(vars.get(), "name")) {
        const std::vector<std::string> names = f.string_list(vars.get(), "name");
        if (names.size() == 1) name = names[0];
      }
    }
    collect_keras3(f, path, &layers[name]);
  }
  return layers;
}

std::string list_variables(const std::vector<StoredVariable>& vars) {
  std::string out;
  for (const StoredVariable& v : vars) {
    out +=
        (out.empty() ? "" : ", ") + (v.name.empty() ? v.path : v.name) + " " + shape_str(v.shape);
  }
  return out.empty() ? "no variables" : out;
}

class Hdf5Weights : public WeightSource {
 public:
  explicit Hdf5Weights(const std::string& path) : file_(path) {
    if (f().has_attribute(f().root(), "layer_names") ||
        f().has_attribute(f().root(), "layer_names0")) {
      layers_ = index_keras2(f(), "/");
      keras3_ = false;
    } else if (f().has_group(f().root(), "/model_weights")) {
      layers_ = index_keras2(f(), "/model_weights");
      keras3_ = false;
    } else if (f().has_group(f().root(), "/layers")) {
      layers_ = index_keras3(f());
      keras3_ = true;
    } else {
      throw Error("'" + path +
                      "' is an HDF5 file but not Keras weights: it has no `layer_names` "
                      "attribute, `model_weights` group or `layers` group",
                  "pass a file written by Keras's model.save_weights or model.save");
    }
  }

  std::vector<float> get(const std::string& layer, const std::string& variable,
                         const Shape& shape) override {
    auto it = layers_.find(layer);
    if (it == layers_.end()) {
      throw Error("weights file '" + f().path() + "' has no layer `" + layer + "` (it holds " +
                      std::to_string(layers_.size()) + " layers)",
                  "the file was saved from another network or with other layer names; pass "
                  "weights saved from the same Keras application");
    }
    StoredVariable* v = pick(it->second, variable);
    if (v == nullptr) {
      throw Error("weights file '" + f().path() + "': layer `" + layer + "` has no variable `" +
                      variable + "` " + shape_str(shape) + " left to give (it holds " +
                      list_variables(it->second) + ")",
                  "the file was saved from a layer built differently (use_bias, center, scale)");
    }
    if (v->shape != shape) {
      throw Error("weights file '" + f().path() + "': layer `" + layer + "` variable `" + variable +
                      "` has shape " + shape_str(v->shape) +
                      " in the file, but the network needs " + shape_str(shape),
                  "the file was saved with other settings (alpha, input size, classes, "
                  "include_top); build the network with the settings the file was saved with");
    }
    v->used = true;
    return f().read_floats(f().root(), v->path);
  }

  void finish() override {
    std::string unused;
    int count = 0;
    for (const auto& [layer, vars] : layers_) {
      for (const StoredVariable& v : vars) {
        if (v.used) continue;
        if (++count <= 8) {
          unused += (unused.empty() ? "" : ", ") + layer + "/" +
                    (v.name.empty() ? v.path : v.name) + " " + shape_str(v.shape);
        }
      }
    }
    if (count == 0) return;
    throw Error("weights file '" + f().path() + "' holds " + std::to_string(count) +
                    " weights that no layer of the network used: " + unused +
                    (count > 8 ? ", ..." : ""),
                "the file was saved from a bigger network or with other settings (include_top, "
                "classes); pass weights saved from the same Keras application");
  }

 private:
  const h5::File& f() const { return file_; }

  StoredVariable* pick(std::vector<StoredVariable>& vars, const std::string& variable) {
    for (StoredVariable& v : vars) {
      // Keras 3 files name nothing: the next variable in Keras's order is the one asked for.
      if (!v.used && (keras3_ || same_variable(v.name, variable))) return &v;
    }
    return nullptr;
  }

  h5::File file_;
  StoredLayers layers_;
  bool keras3_ = false;
};

}  // namespace

std::unique_ptr<WeightSource> hdf5_weights(const std::string& path) {
  return std::make_unique<Hdf5Weights>(path);
}

}  // namespace tartan::networks
