#include "tartan/support/npy.h"

#include <bit>
#include <cstdint>
#include <cstring>

#include "tartan/support/error.h"
#include "tartan/support/file_io.h"

namespace tartan {
namespace {

constexpr std::string_view kMagic = "\x93NUMPY";
constexpr std::int64_t kMaxElements = std::int64_t{1} << 40;

static_assert(std::endian::native == std::endian::little,
              "npy.cpp reads '<f4' data by copying bytes: add byte swapping for big endian");

[[noreturn]] void bad(const std::string& name, const std::string& what) {
  throw Error("cannot read '" + name + "' as .npy: " + what,
              "write it with numpy.save(path, array.astype('<f4')) (C order, float32)");
}

std::uint32_t little_u32(std::string_view bytes, std::size_t at, std::size_t width) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < width; ++i) {
    v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  }
  return v;
}

// The text after `'key':` in the header dict, spaces skipped; npos when the key is absent
// or nothing follows it.
std::size_t value_of(std::string_view header, std::string_view key) {
  const std::string quoted = "'" + std::string(key) + "'";
  std::size_t at = header.find(quoted);
  if (at == std::string_view::npos) return at;
  at = header.find(':', at + quoted.size());
  if (at == std::string_view::npos) return at;
  ++at;
  while (at < header.size() && header[at] == ' ') ++at;
  return at < header.size() ? at : std::string_view::npos;  // a key with no value is absent
}

Shape parse_shape(std::string_view header, const std::string& name) {
  std::size_t at = value_of(header, "shape");
  if (at == std::string_view::npos || header[at] != '(') bad(name, "its header has no shape");
  const std::size_t close = header.find(')', at);
  if (close == std::string_view::npos) bad(name, "its header's shape is not closed");
  Shape shape;
  std::int64_t elements = 1;
  std::size_t i = at + 1;
  while (i < close) {
    while (i < close && (header[i] == ' ' || header[i] == ',')) ++i;
    if (i == close) break;
    std::int64_t dim = 0;
    const std::size_t start = i;
    while (i < close && header[i] >= '0' && header[i] <= '9') {
      dim = dim * 10 + (header[i] - '0');
      if (dim > kMaxElements) bad(name, "a dimension is too large");
      ++i;
    }
    if (i == start)
      bad(name, "its shape holds `" + std::string(header.substr(at, close - at + 1)) +
                    "`, not a tuple of sizes");
    if (i < close && header[i] == 'L') ++i;  // Python 2's long suffix
    if (dim != 0 && elements > kMaxElements / dim) bad(name, "it holds too many elements");
    elements *= dim;
    shape.push_back(dim);
  }
  return shape;
}

}  // namespace

NpyArray parse_npy(std::string_view bytes, const std::string& name) {
  if (bytes.size() < 10 || bytes.substr(0, kMagic.size()) != kMagic) {
    bad(name, "it does not start with the .npy magic bytes");
  }
  const int major = static_cast<unsigned char>(bytes[6]);
  if (major < 1 || major > 3) bad(name, "unknown format version " + std::to_string(major));
  const std::size_t width = major == 1 ? 2 : 4;
  if (bytes.size() < 8 + width) bad(name, "it is truncated inside its header");
  const std::size_t header_len = little_u32(bytes, 8, width);
  const std::size_t data_at = 8 + width + header_len;
  if (data_at > bytes.size()) bad(name, "it is truncated inside its header");
  const std::string_view header = bytes.substr(8 + width, header_len);

  const std::size_t descr = value_of(header, "descr");
  if (descr == std::string_view::npos) bad(name, "its header has no descr");
  // A quoted string, wherever the key stands (not cut at the next comma: as the last key it
  // has none, and a structured dtype's list holds several).
  const char quote = header[descr];
  const std::size_t end =
      quote == '\'' || quote == '"' ? header.find(quote, descr + 1) : std::string_view::npos;
  if (end == std::string_view::npos) {
    bad(name,
        "its dtype is not a simple type such as '<f4'; only little-endian float32 is "
        "supported");
  }
  const std::string_view dtype = header.substr(descr + 1, end - descr - 1);
  if (dtype != "<f4") {
    bad(name, "it holds dtype '" + std::string(dtype) +
                  "'; only little-endian float32 ('<f4') is supported");
  }
  const std::size_t order = value_of(header, "fortran_order");
  if (order == std::string_view::npos) bad(name, "its header has no fortran_order");
  if (header.substr(order, 4) != "Fals") bad(name, "it is in Fortran order, not C order");

  NpyArray array;
  array.shape = parse_shape(header, name);
  const auto count = static_cast<std::size_t>(num_elements(array.shape));
  if (bytes.size() - data_at != count * sizeof(float)) {
    bad(name, "its header promises " + shape_str(array.shape) + " float32 (" +
                  std::to_string(count * sizeof(float)) + " bytes) but the file holds " +
                  std::to_string(bytes.size() - data_at) + " bytes of data");
  }
  array.values.resize(count);
  if (count > 0) std::memcpy(array.values.data(), bytes.data() + data_at, count * sizeof(float));
  return array;
}

NpyArray read_npy(const std::filesystem::path& path) {
  const std::optional<std::string> bytes = read_file(path);
  if (!bytes) {
    throw Error("cannot open '" + path.string() + "'",
                "check that the file exists and is readable");
  }
  return parse_npy(*bytes, path.string());
}

void write_npy(const std::filesystem::path& path, const Shape& shape,
               const std::vector<float>& values) {
  TARTAN_CHECK(static_cast<std::int64_t>(values.size()) == num_elements(shape),
               "write_npy: " + std::to_string(values.size()) + " values for " + shape_str(shape));
  std::string dims;  // Python's tuple spelling: (), (3,), (2, 3)
  for (std::size_t i = 0; i < shape.size(); ++i) {
    dims += (i ? ", " : "") + std::to_string(shape[i]);
  }
  if (shape.size() == 1) dims += ",";
  std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + dims + "), }";
  // Pad with spaces so the data starts on a 64-byte boundary, ending in a newline.
  const bool v2 = header.size() + 11 > 65535;
  const std::size_t prefix = v2 ? 12 : 10;
  header.append(63 - (prefix + header.size()) % 64, ' ');
  header += '\n';
  std::string out(kMagic);
  out += static_cast<char>(v2 ? 2 : 1);
  out += '\0';
  for (std::size_t i = 0; i < (v2 ? 4u : 2u); ++i) {
    out += static_cast<char>((header.size() >> (8 * i)) & 0xFF);
  }
  out += header;
  out.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(float));
  write_file_atomic(path, out);
}

}  // namespace tartan
