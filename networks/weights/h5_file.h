// A thin RAII layer over the HDF5 C API for reading Keras weight files: handles that close
// themselves, and every failure turned into a tartan::Error naming the file and what failed
// (HDF5's own error printing is switched off; a damaged file gives a message, not a crash).
#pragma once

#include <hdf5.h>

#include <string>
#include <vector>

#include "tartan/ir/shape.h"

namespace tartan::networks::h5 {

// One open HDF5 object (file, group, dataset, attribute, type or space); closed with H5Idec_ref.
class Handle {
 public:
  Handle() = default;
  explicit Handle(hid_t id) : id_(id) {}
  Handle(Handle&& o) noexcept : id_(o.id_) { o.id_ = H5I_INVALID_HID; }
  Handle& operator=(Handle&& o) noexcept;
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle();

  hid_t get() const { return id_; }
  bool valid() const { return id_ >= 0; }

 private:
  hid_t id_ = H5I_INVALID_HID;
};

class File {
 public:
  // Error for a file that is missing, not HDF5, or that HDF5 cannot open (truncated).
  explicit File(const std::string& path);

  const std::string& path() const { return path_; }
  hid_t root() const { return file_.get(); }

  // The group at `path` (relative to `loc`); Error if absent or not a group.
  Handle group(hid_t loc, const std::string& path) const;
  bool has_group(hid_t loc, const std::string& path) const;
  bool has_dataset(hid_t loc, const std::string& path) const;
  // Where the object lies in the file: two links that reach one object give the same address
  // (how a walk finds a link back to a group above it).
  haddr_t address(hid_t obj) const;
  // Names of the links directly under a group, in HDF5's name order.
  std::vector<std::string> children(hid_t group) const;

  bool has_attribute(hid_t obj, const std::string& name) const;
  // A string or array-of-strings attribute (fixed or variable length).
  std::vector<std::string> string_list(hid_t obj, const std::string& name) const;

  // The shape of the dataset at `path`; Error unless it holds floating-point values.
  Shape float_dataset_shape(hid_t loc, const std::string& path) const;
  // Its values converted to float32 (from float16, float32 or float64).
  std::vector<float> read_floats(hid_t loc, const std::string& path) const;

 private:
  [[noreturn]] void fail(const std::string& what) const;

  std::string path_;
  Handle file_;
};

}  // namespace tartan::networks::h5
