#include "src/constant.h"

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

#include "tartan/support/error.h"
#include "tartan/support/half.h"

namespace tartan::onnx {

namespace {

using ::onnx::TensorProto;

std::size_t element_bytes(int elem_type) {
  switch (elem_type) {
    case TensorProto::FLOAT:
    case TensorProto::INT32:
    case TensorProto::UINT32:
      return 4;
    case TensorProto::DOUBLE:
    case TensorProto::INT64:
    case TensorProto::UINT64:
      return 8;
    case TensorProto::FLOAT16:
    case TensorProto::BFLOAT16:
    case TensorProto::INT16:
    case TensorProto::UINT16:
      return 2;
    case TensorProto::INT8:
    case TensorProto::UINT8:
    case TensorProto::BOOL:
      return 1;
    default:
      return 0;
  }
}

template <typename T>
T load(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

// Little-endian raw bytes (ONNX's raw_data and external files) as doubles.
std::vector<double> decode_raw(int elem_type, const std::string& bytes, std::size_t count) {
  std::vector<double> out(count);
  const char* p = bytes.data();
  const std::size_t w = element_bytes(elem_type);
  for (std::size_t i = 0; i < count; ++i, p += w) {
    switch (elem_type) {
      case TensorProto::FLOAT:
        out[i] = load<float>(p);
        break;
      case TensorProto::DOUBLE:
        out[i] = load<double>(p);
        break;
      case TensorProto::INT32:
        out[i] = load<std::int32_t>(p);
        break;
      case TensorProto::UINT32:
        out[i] = load<std::uint32_t>(p);
        break;
      case TensorProto::INT64:
        out[i] = static_cast<double>(load<std::int64_t>(p));
        break;
      case TensorProto::UINT64:
        out[i] = static_cast<double>(load<std::uint64_t>(p));
        break;
      case TensorProto::INT16:
        out[i] = load<std::int16_t>(p);
        break;
      case TensorProto::UINT16:
        out[i] = load<std::uint16_t>(p);
        break;
      case TensorProto::INT8:
        out[i] = load<std::int8_t>(p);
        break;
      case TensorProto::UINT8:
        out[i] = load<std::uint8_t>(p);
        break;
      case TensorProto::BOOL:
        out[i] = load<std::uint8_t>(p) != 0 ? 1.0 : 0.0;
        break;
      case TensorProto::FLOAT16:
        out[i] = half_to_float(load<std::uint16_t>(p));
        break;
      case TensorProto::BFLOAT16: {
        const std::uint32_t bits = static_cast<std::uint32_t>(load<std::uint16_t>(p)) << 16;
        out[i] = load<float>(reinterpret_cast<const char*>(&bits));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

// Bytes [offset, offset + length) of an external-data file, checked against the file's size.
std::string read_external(const TensorProto& t, const std::string& external_dir,
                          const std::string& where, std::size_t expected) {
  std::string location;
  std::int64_t offset = 0, length = -1;
  for (const auto& kv : t.external_data()) {
    try {
      if (kv.key() == "location") location = kv.value();
      if (kv.key() == "offset") offset = std::stoll(kv.value());
      if (kv.key() == "length") length = std::stoll(kv.value());
    } catch (const std::exception&) {
      throw Error(where + ": external data " + kv.key() + " '" + kv.value() + "' is not a number",
                  "re-export the model or fix its external_data entries");
    }
  }
  const std::filesystem::path rel(location);
  if (location.empty() || rel.is_absolute() ||
      std::any_of(rel.begin(), rel.end(), [](const auto& part) { return part == ".."; })) {
    throw Error(where + ": external data location '" + location +
                    "' is not a path inside the model's folder",
                "ONNX external data must be a relative path without '..'");
  }
  const std::filesystem::path file = std::filesystem::path(external_dir) / rel;
  std::error_code ec;
  const auto file_size = std::filesystem::file_size(file, ec);
  if (ec) {
    throw Error(where + ": cannot read external data file " + file.string() + ": " + ec.message(),
                "keep the data file beside the model, or set the external data folder");
  }
  if (length < 0) length = static_cast<std::int64_t>(expected);
  if (offset < 0 || static_cast<std::size_t>(length) != expected ||
      static_cast<std::uint64_t>(offset) + static_cast<std::uint64_t>(length) > file_size) {
    throw Error(where + ": external data [" + std::to_string(offset) + ", +" +
                    std::to_string(length) + ") of " + file.string() + " (" +
                    std::to_string(file_size) + " bytes) does not hold the tensor's " +
                    std::to_string(expected) + " bytes",
                "the data file is truncated or belongs to another model");
  }
  std::ifstream in(file, std::ios::binary);
  std::string bytes(expected, '\0');
  in.seekg(offset);
  in.read(bytes.data(), static_cast<std::streamsize>(expected));
  if (!in) throw Error(where + ": reading external data file " + file.string() + " failed");
  return bytes;
}

}  // namespace

std::vector<std::int64_t> HostConstant::ints() const {
  constexpr double kLimit = 4611686018427387904.0;  // 2^62
  std::vector<std::int64_t> out;
  out.reserve(values.size());
  for (const double v : values) {
    out.push_back(static_cast<std::int64_t>(std::clamp(std::trunc(v), -kLimit, kLimit)));
  }
  return out;
}

std::string elem_type_name(int elem_type) {
  switch (elem_type) {
    case TensorProto::FLOAT:
      return "float";
    case TensorProto::UINT8:
      return "uint8";
    case TensorProto::INT8:
      return "int8";
    case TensorProto::UINT16:
      return "uint16";
    case TensorProto::INT16:
      return "int16";
    case TensorProto::INT32:
      return "int32";
    case TensorProto::INT64:
      return "int64";
    case TensorProto::STRING:
      return "string";
    case TensorProto::BOOL:
      return "bool";
    case TensorProto::FLOAT16:
      return "float16";
    case TensorProto::DOUBLE:
      return "double";
    case TensorProto::UINT32:
      return "uint32";
    case TensorProto::UINT64:
      return "uint64";
    case TensorProto::COMPLEX64:
      return "complex64";
    case TensorProto::COMPLEX128:
      return "complex128";
    case TensorProto::BFLOAT16:
      return "bfloat16";
    default:
      return "type " + std::to_string(elem_type);
  }
}

std::optional<DType> program_dtype(int elem_type) {
  switch (elem_type) {
    case TensorProto::FLOAT:
      return DType::kFloat32;
    case TensorProto::FLOAT16:
      return DType::kFloat16;
    case TensorProto::BOOL:
      return DType::kBool;
    case TensorProto::INT8:
    case TensorProto::UINT8:
    case TensorProto::INT16:
    case TensorProto::UINT16:
    case TensorProto::INT32:
    case TensorProto::INT64:
      return DType::kInt32;
    default:
      return std::nullopt;
  }
}

bool is_integer_type(int elem_type) {
  switch (elem_type) {
    case TensorProto::INT8:
    case TensorProto::UINT8:
    case TensorProto::INT16:
    case TensorProto::UINT16:
    case TensorProto::INT32:
    case TensorProto::INT64:
    case TensorProto::UINT32:
    case TensorProto::UINT64:
      return true;
    default:
      return false;
  }
}

int default_elem_type(DType dtype) {
  switch (dtype) {
    case DType::kBool:
      return TensorProto::BOOL;
    case DType::kInt32:
      return TensorProto::INT64;
    case DType::kFloat16:
      return TensorProto::FLOAT16;
    case DType::kFloat32:
      return TensorProto::FLOAT;
  }
  return TensorProto::FLOAT;
}

HostConstant read_tensor_proto(const TensorProto& t, const std::string& external_dir,
                               const std::string& where) {
  HostConstant c;
  c.elem_type = t.data_type();
  for (const std::int64_t d : t.dims()) {
    if (d < 0) throw Error(where + ": negative dimension " + std::to_string(d));
    c.dims.push_back(d);
  }
  const std::size_t count = static_cast<std::size_t>(num_elements(c.dims));
  const std::size_t width = element_bytes(c.elem_type);
  if (width == 0) {
    throw Error(where + " is a " + elem_type_name(c.elem_type) + " tensor",
                "tartan holds float, float16, bool and integer tensors");
  }
  const auto wrong_count = [&](std::size_t got) {
    return Error(where + " holds " + std::to_string(got) + " values but its shape " +
                     shape_str(c.dims) + " needs " + std::to_string(count),
                 "the file is corrupt or was written by a faulty exporter");
  };
  if (t.data_location() == TensorProto::EXTERNAL) {
    c.values = decode_raw(c.elem_type, read_external(t, external_dir, where, count * width), count);
    return c;
  }
  if (t.has_raw_data()) {
    if (t.raw_data().size() != count * width) throw wrong_count(t.raw_data().size() / width);
    c.values = decode_raw(c.elem_type, t.raw_data(), count);
    return c;
  }
  switch (c.elem_type) {
    case TensorProto::FLOAT:
      c.values.assign(t.float_data().begin(), t.float_data().end());
      break;
    case TensorProto::DOUBLE:
      c.values.assign(t.double_data().begin(), t.double_data().end());
      break;
    case TensorProto::INT64:
      for (const std::int64_t v : t.int64_data()) c.values.push_back(static_cast<double>(v));
      break;
    case TensorProto::UINT32:
    case TensorProto::UINT64:
      for (const std::uint64_t v : t.uint64_data()) c.values.push_back(static_cast<double>(v));
      break;
    case TensorProto::FLOAT16:
      for (const std::int32_t v : t.int32_data()) {
        c.values.push_back(half_to_float(static_cast<std::uint16_t>(v)));
      }
      break;
    case TensorProto::BFLOAT16:
      for (const std::int32_t v : t.int32_data()) {
        const std::uint32_t bits = static_cast<std::uint32_t>(v) << 16;
        float f;
        std::memcpy(&f, &bits, sizeof f);
        c.values.push_back(f);
      }
      break;
    default:  // int32, int16, int8, uint16, uint8, bool: int32_data
      c.values.assign(t.int32_data().begin(), t.int32_data().end());
      if (c.elem_type == TensorProto::BOOL) {
        for (double& v : c.values) v = v != 0 ? 1.0 : 0.0;
      }
      break;
  }
  if (c.values.size() != count) throw wrong_count(c.values.size());
  return c;
}

std::shared_ptr<const ConstantData> to_constant_data(const HostConstant& c,
                                                     const std::string& where) {
  const std::optional<DType> dtype = program_dtype(c.elem_type);
  if (!dtype) {
    throw Error(where + " is a " + elem_type_name(c.elem_type) + " tensor",
                "tartan computes in float, float16, bool and int32 (int64 where values fit)");
  }
  if (*dtype == DType::kInt32) {
    constexpr double kMin = std::numeric_limits<std::int32_t>::min();
    constexpr double kMax = std::numeric_limits<std::int32_t>::max();
    for (std::size_t i = 0; i < c.values.size(); ++i) {
      if (c.values[i] < kMin || c.values[i] > kMax) {
        throw Error(where + ": " + elem_type_name(c.elem_type) + " value " +
                        std::to_string(c.ints()[i]) + " at element " + std::to_string(i) +
                        " does not fit int32",
                    "tartan holds integers as int32; values must lie in [-2^31, 2^31)");
      }
    }
  }
  return ConstantData::from_doubles(*dtype, c.values);
}

HostConstant transpose_host(const HostConstant& c, const std::vector<int>& perm) {
  HostConstant out{c.elem_type, {}, std::vector<double>(c.values.size())};
  for (const int p : perm) out.dims.push_back(c.dims[static_cast<std::size_t>(p)]);
  const std::vector<std::int64_t> in_strides = row_major_strides(c.dims);
  const std::size_t rank = perm.size();
  std::vector<std::int64_t> idx(rank, 0);
  for (std::size_t flat = 0; flat < out.values.size(); ++flat) {
    std::int64_t src = 0;
    for (std::size_t d = 0; d < rank; ++d) src += idx[d] * in_strides[perm[d]];
    out.values[flat] = c.values[static_cast<std::size_t>(src)];
    for (std::size_t d = rank; d-- > 0;) {
      if (++idx[d] < out.dims[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

}  // namespace tartan::onnx
