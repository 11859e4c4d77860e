#include "codegen/opencl_dialect.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace tartan::opencl {

std::string_view scalar_name(kir::Type::Scalar s) {
  using S = kir::Type::Scalar;
  switch (s) {
    case S::kInt:
      return "int";
    case S::kLong:
      return "long";
    case S::kSizeT:
      return "size_t";
    case S::kUInt:
      return "uint";
    case S::kUChar:
      return "uchar";
    case S::kUShort:
      return "ushort";
    case S::kHalf:
      return "half";
    case S::kFloat:
      return "float";
  }
  return "int";
}

std::string_view function_name(kir::Fn fn) {
  using F = kir::Fn;
  switch (fn) {
    case F::kGlobalId:
      return "get_global_id";
    case F::kLocalId:
      return "get_local_id";
    case F::kGroupId:
      return "get_group_id";
    case F::kMin:
      return "min";
    case F::kMax:
      return "max";
    case F::kClamp:
      return "clamp";
    case F::kAbs:
      return "abs";
    case F::kFmin:
      return "fmin";
    case F::kFmax:
      return "fmax";
    case F::kFabs:
      return "fabs";
    case F::kFmod:
      return "fmod";
    case F::kPow:
      return "pow";
    case F::kSelect:
      return "select";
    case F::kIsnan:
      return "isnan";
    case F::kExp:
      return "exp";
    case F::kLog:
      return "log";
    case F::kSqrt:
      return "sqrt";
    case F::kTanh:
      return "tanh";
    case F::kFloor:
      return "floor";
    case F::kCeil:
      return "ceil";
    case F::kRound:
      return "round";
    case F::kSin:
      return "sin";
    case F::kCos:
      return "cos";
    case F::kTan:
      return "tan";
    case F::kErf:
      return "erf";
    case F::kConvertIntSatRtz:
      return "convert_int_sat_rtz";
    case F::kIdiv:
      return "tt_idiv";
    case F::kImod:
      return "tt_imod";
    case F::kTtFmin:
      return "tt_fmin";
    case F::kTtFmax:
      return "tt_fmax";
    case F::kRoundHalf:
      return "tt_round_half";
  }
  return "";
}

std::string_view named_constant(kir::Named n) {
  return n == kir::Named::kIntMin ? "INT_MIN" : "INT_MAX";
}

std::string pointer_type(DType t, bool writable) {
  return global_pointer(storage_type(t), writable);
}

std::string global_pointer(std::string_view type, bool writable) {
  return std::string(kGlobal) + (writable ? " " : " const ") + std::string(type) + "*";
}

std::string buffer_param(DType t, std::string_view name, bool writable) {
  return pointer_type(t, writable) + " " + std::string(name) + "_buf, const ulong " +
         std::string(name) + "_off";
}

std::string buffer_prologue(DType t, std::string_view name, bool writable) {
  const std::string n(name);
  return pointer_type(t, writable) + " " + n + " = " + n + "_buf + " + n + "_off;";
}

std::string_view storage_type(DType t) {
  switch (t) {
    case DType::kBool:
      return "uchar";
    case DType::kInt32:
      return "int";
    case DType::kFloat16:
      return "half";
    case DType::kFloat32:
      return "float";
  }
  return "float";
}

std::string_view compute_type(DType t) { return is_float(t) ? "float" : "int"; }

std::string load(DType t, std::string_view ptr, std::string_view offset) {
  const std::string p(ptr), o(offset);
  switch (t) {
    case DType::kFloat16:
      return "vload_half(" + o + ", " + p + ")";
    case DType::kBool:
      return "(int)" + p + "[" + o + "]";
    default:
      return p + "[" + o + "]";
  }
}

std::string store(DType t, std::string_view ptr, std::string_view offset, std::string_view value) {
  const std::string p(ptr), o(offset), v(value);
  switch (t) {
    case DType::kFloat16:
      return "vstore_half_rte(" + v + ", " + o + ", " + p + ");";
    case DType::kBool:
      return p + "[" + o + "] = (uchar)((" + v + ") != 0);";
    default:
      return p + "[" + o + "] = " + v + ";";
  }
}

bool has_vector_load(DType t, int n) {
  return t != DType::kBool && (n == 2 || n == 3 || n == 4 || n == 8 || n == 16);
}

std::string vector_type(DType t, int n) { return std::string(compute_type(t)) + std::to_string(n); }

std::string vector_load(DType t, int n, std::string_view ptr, std::string_view offset) {
  const std::string fn = t == DType::kFloat16 ? "vload_half" : "vload";
  return fn + std::to_string(n) + "(0, " + std::string(ptr) + " + " + std::string(offset) + ")";
}

std::string lane(std::string_view vec, int i) {
  return std::string(vec) + ".s" + "0123456789abcdef"[i];
}

std::string local_array(std::string_view type, std::string_view name, std::int64_t count) {
  return std::string(kLocal) + " " + std::string(type) + " " + std::string(name) + "[" +
         std::to_string(count) + "] __attribute__((aligned(16)));";
}

std::string local_array_unaligned(std::string_view type, std::string_view name,
                                  std::int64_t count) {
  return std::string(kLocal) + " " + std::string(type) + " " + std::string(name) + "[" +
         std::to_string(count) + "];";
}

std::string local_vector_read(std::string_view vec_type, std::string_view ptr,
                              std::string_view offset) {
  return "*(" + std::string(kLocal) + " const " + std::string(vec_type) + "*)(" + std::string(ptr) +
         " + " + std::string(offset) + ")";
}

std::string local_pointer(std::string_view type) {
  return std::string(kLocal) + " " + std::string(type) + "*";
}

std::string vector_store(DType t, const std::vector<std::string>& lanes, std::string_view ptr,
                         std::string_view offset) {
  const int n = static_cast<int>(lanes.size());
  std::string v = "(" + vector_type(t, n) + ")(";
  for (int i = 0; i < n; ++i) v += (i ? ", " : "") + lanes[static_cast<std::size_t>(i)];
  v += ")";
  return vector_store(t, n, v, ptr, offset);
}

std::string vector_store(DType t, int n, std::string_view value, std::string_view ptr,
                         std::string_view offset) {
  const std::string fn = t == DType::kFloat16 ? "vstore_half" + std::to_string(n) + "_rte"
                                              : "vstore" + std::to_string(n);
  return fn + "(" + std::string(value) + ", 0, " + std::string(ptr) + " + " + std::string(offset) +
         ");";
}

std::string unroll_hint(int n) { return "#pragma unroll " + std::to_string(n); }

std::string required_work_group_size(std::size_t n) {
  return "__attribute__((reqd_work_group_size(" + std::to_string(n) + ", 1, 1)))";
}

std::string literal(DType t, double value) {
  if (!is_float(t)) {
    const auto v = static_cast<long long>(value);
    if (v == -2147483648LL) return "(-2147483647 - 1)";
    return v < 0 ? "(" + std::to_string(v) + ")" : std::to_string(v);
  }
  if (std::isnan(value)) return "NAN";
  if (std::isinf(value)) return value > 0 ? "INFINITY" : "(-INFINITY)";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(static_cast<float>(value)));
  std::string s = buf;
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  s += "f";
  return value < 0 ? "(" + s + ")" : s;
}

std::string_view prelude() {
  return R"CL(// tartan helpers: integer division by zero gives 0; min/max propagate NaN.
inline int tt_idiv(int a, int b) {
  return b == 0 ? 0 : (b == -1 ? (int)(0u - (uint)a) : a / b);
}
inline int tt_imod(int a, int b) { return (b == 0 || b == -1) ? 0 : a % b; }
inline float tt_fmin(float a, float b) { return (a != a || b != b) ? a + b : fmin(a, b); }
inline float tt_fmax(float a, float b) { return (a != a || b != b) ? a + b : fmax(a, b); }
inline float tt_round_half(float x) {
  ushort h;
  vstore_half_rte(x, 0, (__private half*)&h);
  return vload_half(0, (__private const half*)&h);
}
)CL";
}

}  // namespace tartan::opencl
