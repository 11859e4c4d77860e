#include "tartan/schedule/tuning_cache.h"

#include <cmath>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "schedule/plan_fields.h"
#include "tartan/support/file_io.h"
#include "tartan/support/paths.h"

namespace tartan {

namespace {
// Format 8: every plan field is required and bounded (schedule/plan_fields.h), and the record
// carries a digest of its contents. The format is part of the key, so records of earlier formats
// are never looked up: their kernels are tuned again.
constexpr int kFormat = 8;
// Seed of the records' digests, distinct from key hashing.
constexpr std::uint64_t kDigestSeed = 0x74756e696e677264ull;

using Json = nlohmann::json;

// A record is invalid: the reason names the field (a JSON path such as plan.local.k_chunk).
struct Invalid {
  std::string why;
};

template <class S>
Json fields_to_json(const S& s, FieldTable<S> table) {
  Json j = Json::object();
  for (const Field<S>& f : table) {
    std::visit([&](auto m) { j[std::string(f.name)] = s.*m; }, f.member);
  }
  return j;
}

// Reads every field of `table` from `j` (all required, each within its bounds; no other keys).
template <class S>
S fields_from_json(const Json& j, FieldTable<S> table, const std::string& at, S s = {}) {
  if (!j.is_object()) throw Invalid{at + " must be an object"};
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (const Field<S>& f : table) known = known || f.name == key;
    if (!known) throw Invalid{"unknown field " + at + "." + key};
  }
  for (const Field<S>& f : table) {
    const std::string name = at + "." + std::string(f.name);
    const auto it = j.find(std::string(f.name));
    if (it == j.end()) throw Invalid{"field " + name + " is missing"};
    const bool boolean = is_bool_field(f);
    const bool whole = !std::holds_alternative<double S::*>(f.member);
    if (boolean ? !it->is_boolean() : whole ? !it->is_number_integer() : !it->is_number()) {
      throw Invalid{"field " + name + " is " + it->dump() + ", not " +
                    (boolean ? "true or false"
                     : whole ? "an integer"
                             : "a number")};
    }
    const double v = boolean ? (it->get<bool>() ? 1.0 : 0.0) : it->get<double>();
    if (!field_allows(f, v)) {
      throw Invalid{"field " + name + " is " + it->dump() + ", outside " + field_range(f)};
    }
    set_field(s, f, v);
  }
  return s;
}

Json plan_to_json(const KernelPlan& p) {
  Json j = fields_to_json<KernelPlan>(p, kPlanFields);
  j["tile"] = Json::array();
  for (const TileDim& t : p.tile) j["tile"].push_back(fields_to_json<TileDim>(t, kTileDimFields));
  j["local"] = fields_to_json<LocalTile>(p.local, kLocalTileFields);
  j["reduce"] = fields_to_json<GroupReduce>(p.reduce, kGroupReduceFields);
  return j;
}

KernelPlan plan_from_json(const Json& j) {
  if (!j.is_object()) throw Invalid{"plan must be an object"};
  Json flat = j;
  for (const char* part : {"tile", "local", "reduce"}) {
    if (!j.contains(part)) throw Invalid{std::string("field plan.") + part + " is missing"};
    flat.erase(part);
  }
  KernelPlan p = fields_from_json<KernelPlan>(flat, kPlanFields, "plan");
  const Json& tiles = j.at("tile");
  if (!tiles.is_array() || tiles.size() != p.tile.size()) {
    throw Invalid{"field plan.tile must list " + std::to_string(p.tile.size()) + " tiles"};
  }
  for (std::size_t t = 0; t < tiles.size(); ++t) {
    p.tile[t] =
        fields_from_json<TileDim>(tiles[t], kTileDimFields, "plan.tile[" + std::to_string(t) + "]");
  }
  p.local = fields_from_json<LocalTile>(j.at("local"), kLocalTileFields, "plan.local");
  p.reduce = fields_from_json<GroupReduce>(j.at("reduce"), kGroupReduceFields, "plan.reduce");
  return p;
}

double time_from_json(const Json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number() || !(it->get<double>() >= 0) ||
      !std::isfinite(it->get<double>())) {
    throw Invalid{std::string("field ") + key + " must be a finite number of at least 0"};
  }
  return it->get<double>();
}

// The digest of a record: a hash of its canonical JSON (sorted keys, no spaces) without the
// digest itself, so that any edit of a value is seen.
std::string digest_of(const Json& record) {
  Json copy = record;
  copy.erase("digest");
  return hash128(copy.dump(), kDigestSeed).hex();
}

}  // namespace

TuningKey TuningKey::make(std::string_view canonical_kernel, const runtime::DeviceInfo& device) {
  FieldHasher h;
  h.add("tartan-tuning").add(std::to_string(kFormat)).add(canonical_kernel);
  h.add(device.id).add(device.name).add(device.vendor).add(device.driver_version);
  return {h.finish()};
}

TuningCache TuningCache::from_environment() { return TuningCache(cache_dir() / "tuning"); }

std::filesystem::path TuningCache::path(const TuningKey& key) const {
  return dir_ / (key.hash.hex() + ".json");
}

std::optional<TuningRecord> TuningCache::load(const TuningKey& key) const {
  const std::filesystem::path p = path(key);
  const std::optional<std::string> text = read_file(p);
  if (!text) return std::nullopt;
  std::string why;
  std::optional<TuningRecord> r = decode_tuning_record(*text, &why);
  if (!r) report_unusable(key, why);
  return r;
}

void TuningCache::report_unusable(const TuningKey& key, const std::string& why) const {
  static std::mutex mutex;
  static std::set<std::string> reported;
  const std::string p = path(key).string();
  std::lock_guard lock(mutex);
  if (!reported.insert(p + "\n" + why).second) return;
  std::cerr << "tartan: warning: ignoring the tuning record " << p << ": " << why
            << " (the cost model plans the kernel; `--tune` writes a new record)\n";
}

void TuningCache::store(const TuningKey& key, const TuningRecord& record) const {
  write_file_atomic(path(key), encode_tuning_record(record));
}

std::string encode_tuning_record(const TuningRecord& r) {
  Json j = {{"format", kFormat},
            {"device", r.device},
            {"plan", plan_to_json(r.plan)},
            {"describe", r.plan.describe()},
            {"time_ms", r.time_ms},
            {"plain_time_ms", r.plain_time_ms}};
  j["digest"] = digest_of(j);
  return j.dump(2) + "\n";
}

std::optional<TuningRecord> decode_tuning_record(const std::string& text, std::string* why) {
  try {
    const Json j = Json::parse(text);
    if (!j.is_object()) throw Invalid{"the record is not a JSON object"};
    const auto format = j.find("format");
    if (format == j.end() || !format->is_number_integer() || format->get<long long>() != kFormat) {
      throw Invalid{"field format is " + (format == j.end() ? "missing" : format->dump()) +
                    ", not " + std::to_string(kFormat)};
    }
    TuningRecord r;
    r.plan = plan_from_json(j.at("plan"));
    r.time_ms = time_from_json(j, "time_ms");
    r.plain_time_ms = time_from_json(j, "plain_time_ms");
    if (!j.contains("device") || !j.at("device").is_string()) {
      throw Invalid{"field device must be a string"};
    }
    r.device = j.at("device").get<std::string>();
    // Last, so that a record edited out of bounds is reported by the field it breaks.
    const auto digest = j.find("digest");
    if (digest == j.end() || !digest->is_string()) throw Invalid{"field digest is missing"};
    if (digest->get<std::string>() != digest_of(j)) {
      throw Invalid{"its digest does not match its contents (the file was edited or damaged)"};
    }
    return r;
  } catch (const Invalid& e) {
    *why = e.why;
  } catch (const nlohmann::json::exception& e) {
    *why = std::string("not valid JSON: ") + e.what();
  }
  return std::nullopt;
}

}  // namespace tartan
