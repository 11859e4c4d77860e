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
//
// Layers Keras named automatically carry a counter that lives for the whole Python session:
// Xception built after InceptionV3 has `conv2d_94` ... `conv2d_97` where a fresh session has
// `conv2d` ... `conv2d_3`. Keras loads such files anyway (its legacy loader pairs layers by
// order, its Keras 3 loader by model-local keys), so tartan pairs automatic names too: the k-th
// automatic name of a class in the file, by its counter, is the network's k-th of that class.
#include <algorithm>
#include <map>

#include "h5_file.h"
#include "tartan/networks/weights.h"
#include "tartan/support/cancel.h"
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

// Keras nests a layer's sublayers a few levels deep (the LSTM's cell: 2); far deeper is a
// damaged or hostile file.
constexpr int kMaxLayerDepth = 32;

// A layer's own vars/0, vars/1, ..., then its sublayers' (in name order), depth first.
// `above` holds the groups on the way down: a link back to one of them (HDF5 allows hard links
// to any group) would make the walk endless.
void collect_keras3(const h5::File& f, const std::string& path, std::vector<StoredVariable>* out,
                    std::vector<haddr_t>* above) {
  h5::Handle group = f.group(f.root(), path);
  const haddr_t here = f.address(group.get());
  if (std::find(above->begin(), above->end(), here) != above->end()) {
    throw Error("weights file '" + f.path() + "' is damaged: its group '" + path +
                    "' is a link back to a group above it, so its layers never end",
                "save the weights again with model.save_weights('x.weights.h5')");
  }
  if (above->size() > static_cast<std::size_t>(kMaxLayerDepth)) {
    throw Error("weights file '" + f.path() + "' nests layers more than " +
                    std::to_string(kMaxLayerDepth) + " deep at '" + path + "'",
                "Keras nests sublayers a few levels at most: save the weights again with "
                "model.save_weights('x.weights.h5')");
  }
  throw_if_cancelled();  // a file of many layers takes a while: Ctrl-C stops it
  for (int i = 0; f.has_dataset(f.root(), path + "/vars/" + std::to_string(i)); ++i) {
    const std::string var = path + "/vars/" + std::to_string(i);
    out->push_back({"", var, f.float_dataset_shape(f.root(), var)});
  }
  above->push_back(here);
  for (const std::string& child : f.children(group.get())) {
    if (child != "vars" && f.has_group(group.get(), child)) {
      collect_keras3(f, path + "/" + child, out, above);
    }
  }
  above->pop_back();
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
    std::vector<haddr_t> above = {f.address(f.root()), f.address(layers_group.get())};
    collect_keras3(f, path, &layers[name], &above);
  }
  return layers;
}

// The class prefixes of Keras's automatic names among the layers that have weights.
constexpr const char* kAutoNamedClasses[] = {
    "conv2d", "depthwise_conv2d", "separable_conv2d", "batch_normalization", "dense", "embedding",
    "lstm"};

// The counter of an automatic name of class `base` ("conv2d" 0, "conv2d_94" 94), or -1.
long auto_name_counter(const std::string& name, const std::string& base) {
  if (name == base) return 0;
  if (name.size() <= base.size() + 1 || name.compare(0, base.size() + 1, base + "_") != 0)
    return -1;
  const std::string digits = name.substr(base.size() + 1);
  if (digits.size() > 9 || !std::all_of(digits.begin(), digits.end(), ::isdigit)) return -1;
  return std::stol(digits);
}

// A fresh session's automatic name -> the file's, for every class whose automatic names in the
// file are numbered from another start (empty where they all match already).
std::map<std::string, std::string> pair_auto_names(const StoredLayers& layers) {
  std::map<std::string, std::string> renames;
  for (const std::string base : kAutoNamedClasses) {
    std::vector<std::pair<long, std::string>> named;  // (counter, name) in the file
    for (const auto& [name, vars] : layers) {
      if (const long n = auto_name_counter(name, base); n >= 0) named.emplace_back(n, name);
    }
    std::sort(named.begin(), named.end());
    for (std::size_t k = 0; k < named.size(); ++k) {
      const std::string fresh = k == 0 ? base : base + "_" + std::to_string(k);
      if (named[k].second != fresh) renames[fresh] = named[k].second;
    }
  }
  return renames;
}

// The class of `name` when it is a Keras automatic name, else "".
std::string auto_name_class(const std::string& name) {
  for (const std::string base : kAutoNamedClasses) {
    if (auto_name_counter(name, base) >= 0) return base;
  }
  return "";
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
    auto_renames_ = pair_auto_names(layers_);
  }

  std::vector<float> get(const std::string& layer, const std::string& variable,
                         const Shape& shape) override {
    auto it = layers_.find(layer);
    if (const auto renamed = auto_renames_.find(layer); renamed != auto_renames_.end()) {
      it = layers_.find(renamed->second);
    }
    if (it == layers_.end()) missing_layer(layer);
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
    throw_if_cancelled();  // between variables: VGG's 138M weights take seconds to read
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

  [[noreturn]] void missing_layer(const std::string& layer) const {
    const std::string base = auto_name_class(layer);
    int in_file = 0;
    for (const auto& [name, vars] : layers_) in_file += auto_name_counter(name, base) >= 0;
    if (!base.empty() && in_file > 0) {
      throw Error("weights file '" + f().path() + "' has no layer for `" + layer +
                      "`: the automatic names of its " + base + " layers differ (it holds " +
                      std::to_string(in_file) +
                      " of them, numbered by the Keras session that "
                      "saved it, and the network has more)",
                  "Keras numbers unnamed layers for the whole Python session; pass weights "
                  "saved from the same Keras application (their automatic names may differ, "
                  "their number may not)");
    }
    throw Error("weights file '" + f().path() + "' has no layer `" + layer + "` (it holds " +
                    std::to_string(layers_.size()) + " layers)",
                "the file was saved from another network or with other layer names; pass "
                "weights saved from the same Keras application");
  }

  StoredVariable* pick(std::vector<StoredVariable>& vars, const std::string& variable) {
    for (StoredVariable& v : vars) {
      // Keras 3 files name nothing: the next variable in Keras's order is the one asked for.
      if (!v.used && (keras3_ || same_variable(v.name, variable))) return &v;
    }
    return nullptr;
  }

  h5::File file_;
  StoredLayers layers_;
  std::map<std::string, std::string> auto_renames_;  // pair_auto_names(layers_)
  bool keras3_ = false;
};

}  // namespace

std::unique_ptr<WeightSource> hdf5_weights(const std::string& path) {
  return std::make_unique<Hdf5Weights>(path);
}

}  // namespace tartan::networks
