#include "h5_file.h"

#include <cstring>
#include <filesystem>
#include <fstream>

#include "tartan/support/error.h"

namespace tartan::networks::h5 {
namespace {

constexpr char kHint[] =
    "pass a Keras weights file: model.save_weights('x.weights.h5') (Keras 3) or an .h5 file "
    "saved by Keras 2 (such as the published ImageNet weights)";

// A Keras 3 `.keras` model is a zip archive holding the weights file: worth its own hint.
bool looks_like_zip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  in.read(magic, 4);
  return in && std::memcmp(magic, "PK\x03\x04", 4) == 0;
}

}  // namespace

Handle& Handle::operator=(Handle&& o) noexcept {
  if (this != &o) {
    if (valid()) H5Idec_ref(id_);
    id_ = o.id_;
    o.id_ = H5I_INVALID_HID;
  }
  return *this;
}

Handle::~Handle() {
  if (valid()) H5Idec_ref(id_);
}

File::File(const std::string& path) : path_(path) {
  // HDF5 prints a stack of errors to stderr by default; every failure here becomes an Error.
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw Error("weights file '" + path + "' does not exist or is not a file",
                "check the path passed to --weights");
  }
  const htri_t is_hdf5 = H5Fis_hdf5(path.c_str());
  if (is_hdf5 <= 0) {
    if (looks_like_zip(path)) {
      throw Error("weights file '" + path + "' is a zip archive (a Keras 3 .keras model), not HDF5",
                  "unzip it and pass the model.weights.h5 inside, or save the weights with "
                  "model.save_weights('x.weights.h5')");
    }
    throw Error("weights file '" + path + "' is not an HDF5 file", kHint);
  }
  file_ = Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
  if (!file_.valid()) {
    throw Error("weights file '" + path + "' is damaged or truncated: HDF5 cannot open it",
                "download or save the file again");
  }
}

void File::fail(const std::string& what) const {
  throw Error("weights file '" + path_ + "' is damaged or truncated: " + what,
              "download or save the file again");
}

Handle File::group(hid_t loc, const std::string& path) const {
  if (!has_group(loc, path)) fail("group '" + path + "' is missing");
  Handle g(H5Gopen2(loc, path.c_str(), H5P_DEFAULT));
  if (!g.valid()) fail("cannot open group '" + path + "'");
  return g;
}

bool File::has_group(hid_t loc, const std::string& path) const {
  if (H5Lexists(loc, path.c_str(), H5P_DEFAULT) <= 0) return false;
  Handle obj(H5Oopen(loc, path.c_str(), H5P_DEFAULT));
  return obj.valid() && H5Iget_type(obj.get()) == H5I_GROUP;
}

bool File::has_dataset(hid_t loc, const std::string& path) const {
  if (H5Lexists(loc, path.c_str(), H5P_DEFAULT) <= 0) return false;
  Handle obj(H5Oopen(loc, path.c_str(), H5P_DEFAULT));
  return obj.valid() && H5Iget_type(obj.get()) == H5I_DATASET;
}

haddr_t File::address(hid_t obj) const {
  H5O_info_t info;
  if (H5Oget_info2(obj, &info, H5O_INFO_BASIC) < 0) fail("cannot read an object's header");
  return info.addr;
}

std::vector<std::string> File::children(hid_t group) const {
  H5G_info_t info;
  if (H5Gget_info(group, &info) < 0) fail("cannot list a group");
  std::vector<std::string> names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t len =
        H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    if (len < 0) fail("cannot read a link name");
    std::string name(static_cast<std::size_t>(len) + 1, '\0');
    H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size(),
                       H5P_DEFAULT);
    name.resize(static_cast<std::size_t>(len));
    names.push_back(std::move(name));
  }
  return names;
}

bool File::has_attribute(hid_t obj, const std::string& name) const {
  return H5Aexists(obj, name.c_str()) > 0;
}

std::vector<std::string> File::string_list(hid_t obj, const std::string& name) const {
  Handle attr(H5Aopen(obj, name.c_str(), H5P_DEFAULT));
  if (!attr.valid()) fail("cannot open attribute '" + name + "'");
  Handle type(H5Aget_type(attr.get()));
  Handle space(H5Aget_space(attr.get()));
  if (!type.valid() || !space.valid()) fail("cannot read attribute '" + name + "'");
  const hssize_t n = H5Sget_simple_extent_npoints(space.get());
  if (n < 0) fail("attribute '" + name + "' has no extent");
  // Keras writes an empty list (a layer without weights) as an empty float64 array.
  if (n == 0) return {};
  if (H5Tget_class(type.get()) != H5T_STRING) fail("attribute '" + name + "' is not text");
  std::vector<std::string> out;
  Handle mem(H5Tcopy(H5T_C_S1));
  // h5py writes UTF-8; HDF5 will not convert between character sets, so read it as stored.
  H5Tset_cset(mem.get(), H5Tget_cset(type.get()));
  if (H5Tis_variable_str(type.get()) > 0) {
    H5Tset_size(mem.get(), H5T_VARIABLE);
    std::vector<char*> strings(static_cast<std::size_t>(n), nullptr);
    if (H5Aread(attr.get(), mem.get(), strings.data()) < 0) fail("cannot read '" + name + "'");
    for (char* s : strings) out.emplace_back(s ? s : "");
    H5Dvlen_reclaim(mem.get(), space.get(), H5P_DEFAULT, strings.data());
    return out;
  }
  const std::size_t size = H5Tget_size(type.get());
  if (size == 0) fail("attribute '" + name + "' has an empty string type");
  H5Tset_size(mem.get(), size);
  // Null-padded like numpy's 'S<n>': a string filling its slot keeps its last character.
  H5Tset_strpad(mem.get(), H5T_STR_NULLPAD);
  std::vector<char> buffer(size * static_cast<std::size_t>(n));
  if (H5Aread(attr.get(), mem.get(), buffer.data()) < 0) fail("cannot read '" + name + "'");
  for (hssize_t i = 0; i < n; ++i) {
    const char* s = buffer.data() + static_cast<std::size_t>(i) * size;
    out.emplace_back(s, strnlen(s, size));  // fixed-length strings are null-padded
  }
  return out;
}

Shape File::float_dataset_shape(hid_t loc, const std::string& path) const {
  Handle data(H5Dopen2(loc, path.c_str(), H5P_DEFAULT));
  if (!data.valid()) fail("dataset '" + path + "' is missing");
  Handle type(H5Dget_type(data.get()));
  if (!type.valid() || H5Tget_class(type.get()) != H5T_FLOAT) {
    throw Error(
        "weights file '" + path_ + "': dataset '" + path + "' does not hold floating-point values",
        "weights must be float16, float32 or float64");
  }
  Handle space(H5Dget_space(data.get()));
  const int rank = space.valid() ? H5Sget_simple_extent_ndims(space.get()) : -1;
  if (rank < 0) fail("dataset '" + path + "' has no extent");
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  return Shape(dims.begin(), dims.end());
}

std::vector<float> File::read_floats(hid_t loc, const std::string& path) const {
  const Shape shape = float_dataset_shape(loc, path);
  Handle data(H5Dopen2(loc, path.c_str(), H5P_DEFAULT));
  std::vector<float> values(static_cast<std::size_t>(num_elements(shape)));
  // HDF5 converts any stored floating-point format to the memory type asked for.
  if (!data.valid() ||
      H5Dread(data.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0) {
    fail("cannot read dataset '" + path + "'");
  }
  return values;
}

}  // namespace tartan::networks::h5
