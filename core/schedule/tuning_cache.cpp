#include "tartan/schedule/tuning_cache.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "tartan/support/file_io.h"
#include "tartan/support/paths.h"

namespace tartan {

namespace {
// Format 2 added the local-memory plan ("local"), format 3 the group reduction ("reduce"),
// format 4 the local plan's split reduction ("local.k_split"; a new key, so kernels tuned
// without split candidates are tuned again), format 5 the constant-transform plan
// ("transform"), format 6 the unguarded interior copy ("split_interior") and the vector
// epilogue ("vector_epilogue"; new keys, so CPU kernels tuned without them are tuned again),
// format 7 the hoisted addresses ("hoist_addresses"); records of the earlier formats still load.
constexpr int kFormat = 7;
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
  if (!r) spdlog::warn("ignoring the tuning record {}: {}", p.string(), why);
  return r;
}

void TuningCache::store(const TuningKey& key, const TuningRecord& record) const {
  write_file_atomic(path(key), encode_tuning_record(record));
}

std::string encode_tuning_record(const TuningRecord& r) {
  nlohmann::json tiles = nlohmann::json::array();
  for (const TileDim& t : r.plan.tile) tiles.push_back({{"dim", t.dim}, {"size", t.size}});
  const nlohmann::json j = {{"format", kFormat},
                            {"device", r.device},
                            {"plan",
                             {{"work_group_size", r.plan.work_group_size},
                              {"tile", tiles},
                              {"unroll", r.plan.unroll},
                              {"vector_loads", r.plan.vector_loads},
                              {"tile0_outermost", r.plan.tile0_outermost},
                              {"pack_weights", r.plan.pack_weights},
                              {"transform", r.plan.transform},
                              {"split_interior", r.plan.split_interior},
                              {"vector_epilogue", r.plan.vector_epilogue},
                              {"hoist_addresses", r.plan.hoist_addresses},
                              {"local",
                               {{"rows", r.plan.local.rows},
                                {"cols", r.plan.local.cols},
                                {"tile_rows", r.plan.local.tile_rows},
                                {"tile_cols", r.plan.local.tile_cols},
                                {"k_chunk", r.plan.local.k_chunk},
                                {"vector", r.plan.local.vector},
                                {"double_buffer", r.plan.local.double_buffer},
                                {"k_split", r.plan.local.k_split}}},
                              {"reduce",
                               {{"var", r.plan.reduce.var},
                                {"threads", r.plan.reduce.threads},
                                {"outputs", r.plan.reduce.outputs},
                                {"threads_inner", r.plan.reduce.threads_inner}}}}},
                            {"describe", r.plan.describe()},
                            {"time_ms", r.time_ms},
                            {"plain_time_ms", r.plain_time_ms}};
  return j.dump(2) + "\n";
}

std::optional<TuningRecord> decode_tuning_record(const std::string& text, std::string* why) {
  try {
    const nlohmann::json j = nlohmann::json::parse(text);
    const int format = j.at("format").get<int>();
    if (format < 1 || format > kFormat) {
      *why = "unknown format " + j.at("format").dump();
      return std::nullopt;
    }
    TuningRecord r;
    const nlohmann::json& p = j.at("plan");
    r.plan.work_group_size = p.at("work_group_size").get<std::size_t>();
    const nlohmann::json& tiles = p.at("tile");
    if (!tiles.is_array() || tiles.size() != r.plan.tile.size()) {
      *why = "plan.tile must list " + std::to_string(r.plan.tile.size()) + " tiles";
      return std::nullopt;
    }
    for (std::size_t t = 0; t < tiles.size(); ++t) {
      r.plan.tile[t] = {tiles[t].at("dim").get<int>(), tiles[t].at("size").get<int>()};
    }
    r.plan.unroll = p.at("unroll").get<int>();
    r.plan.vector_loads = p.at("vector_loads").get<bool>();
    r.plan.tile0_outermost = p.value("tile0_outermost", false);  // absent before it existed
    r.plan.pack_weights = p.value("pack_weights", false);
    r.plan.transform = p.value("transform", false);
    r.plan.split_interior = p.value("split_interior", false);
    r.plan.vector_epilogue = p.value("vector_epilogue", false);
    r.plan.hoist_addresses = p.value("hoist_addresses", false);
    if (format >= 2) {
      const nlohmann::json& l = p.at("local");
      r.plan.local = {l.at("rows").get<int>(),         l.at("cols").get<int>(),
                      l.at("tile_rows").get<int>(),    l.at("tile_cols").get<int>(),
                      l.at("k_chunk").get<int>(),      l.value("vector", 1),
                      l.value("double_buffer", false), l.value("k_split", 1)};
    }
    if (format >= 3) {
      const nlohmann::json& g = p.at("reduce");
      r.plan.reduce = {g.at("var").get<int>(), g.at("threads").get<int>(),
                       g.at("outputs").get<int>(), g.at("threads_inner").get<bool>()};
    }
    r.time_ms = j.at("time_ms").get<double>();
    r.plain_time_ms = j.at("plain_time_ms").get<double>();
    r.device = j.at("device").get<std::string>();
    if (r.plan.work_group_size < 1 || r.plan.unroll < 1) {
      *why = "work_group_size and unroll must be at least 1";
      return std::nullopt;
    }
    return r;
  } catch (const nlohmann::json::exception& e) {
    *why = e.what();
    return std::nullopt;
  }
}

}  // namespace tartan
