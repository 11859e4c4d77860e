// A settings struct described once, as a table of its fields: name, member, bounds, phrase.
//
// The readers and writers of settings (the device profiles' YAML, the tuning records' JSON, the
// plans' describe(), the -v log of the resolved configuration) walk these tables instead of
// naming every field, so a new knob is one member and one table row, and every number read from
// outside data is bounded by the same row that names it.
// Header-only and standard C++ alone, so the public settings headers (tuning.h) can hold tables.
#pragma once

#include <cstddef>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace tartan {

template <class S>
struct Field {
  using Member = std::variant<bool S::*, int S::*, long long S::*, std::size_t S::*, double S::*>;
  std::string_view name;  // the key in YAML and JSON
  Member member;
  // Inclusive bounds of a number (ignored for booleans).
  double lo = 0, hi = 0;
  // Allowed values where only some of [lo, hi] are (OpenCL vector widths); empty: all.
  std::span<const int> only{};
  // For describe(): the phrase a true boolean adds ("vector loads"); empty: none.
  std::string_view phrase{};
  // A second member read from the same key as `[first, second]` (register_tile: rows, columns).
  int S::*second = nullptr;
};

template <class S>
using FieldTable = std::span<const Field<S>>;

// The field's value in `s` as a double (booleans 0 or 1): for generic bound checks and logs.
// (GCC 12 sees every alternative of the visit read the struct and warns, wrongly, that a base
// subobject of Tuning may be uninitialised.)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
template <class S>
double field_value(const S& s, const Field<S>& f) {
  return std::visit([&](auto m) { return static_cast<double>(s.*m); }, f.member);
}
#pragma GCC diagnostic pop

template <class S>
bool is_bool_field(const Field<S>& f) {
  return std::holds_alternative<bool S::*>(f.member);
}

// Whether `v` is a value the field allows (within its bounds, one of `only` where given).
template <class S>
bool field_allows(const Field<S>& f, double v) {
  if (is_bool_field(f)) return v == 0 || v == 1;
  if (!(v >= f.lo && v <= f.hi)) return false;  // NaN fails too
  if (f.only.empty()) return true;
  for (int o : f.only) {
    if (v == o) return true;
  }
  return false;
}

// What the field allows, for messages: "1..4096", "1, 2, 4, 8 or 16", "true or false".
template <class S>
std::string field_range(const Field<S>& f) {
  const auto num = [](double v) {
    std::string s = std::to_string(v);
    if (v == static_cast<double>(static_cast<long long>(v))) {
      s = std::to_string(static_cast<long long>(v));
    }
    return s;
  };
  if (is_bool_field(f)) return "true or false";
  if (f.only.empty()) return num(f.lo) + ".." + num(f.hi);
  std::string s;
  for (std::size_t i = 0; i < f.only.size(); ++i) {
    s += (i == 0 ? "" : i + 1 == f.only.size() ? " or " : ", ") + std::to_string(f.only[i]);
  }
  return s;
}

// Sets the field from `v`, which field_allows (integers are whole there).
template <class S>
void set_field(S& s, const Field<S>& f, double v) {
  std::visit([&](auto m) { s.*m = static_cast<std::remove_reference_t<decltype(s.*m)>>(v); },
             f.member);
}

// "name=value" for every field, for logs: "work_group_size=64 winograd=true ...".
template <class S>
std::string describe_fields(const S& s, FieldTable<S> table) {
  std::string out;
  for (const Field<S>& f : table) {
    out += out.empty() ? "" : " ";
    out += std::string(f.name) + "=";
    if (is_bool_field(f)) {
      out += field_value(s, f) != 0 ? "true" : "false";
    } else {
      char v[32];
      std::snprintf(v, sizeof v, "%.10g", field_value(s, f));
      out += v;
      if (f.second != nullptr) out += "," + std::to_string(s.*f.second);
    }
  }
  return out;
}

}  // namespace tartan
