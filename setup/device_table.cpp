#include "device_table.h"

#include <algorithm>
#include <cstdio>
#include <ostream>

#include "tartan/runtime/select_device.h"

namespace tartan::setup {
namespace {

std::string pad(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::string pad_left(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

std::string tier_label(const DeviceRow& row) {
  if (!row.info.available) return "unavailable";
  if (!row.info.compiler_available) return "no compiler";
  return tier_name(row.tier);
}

}  // namespace

std::vector<DeviceRow> device_rows(const std::vector<runtime::Device>& devices,
                                   const ProfileSet& profiles, bool experimental,
                                   const std::optional<std::string>& selected_id) {
  std::vector<DeviceRow> rows;
  for (const runtime::Device& d : devices) {
    const ProfileMatch m = match_profile(profiles, d.info);
    DeviceRow row{d.info,
                  m.tier,
                  m.profile->name,
                  m.profile->note,
                  m.reason,
                  is_usable(d.info, m.tier, experimental),
                  selected_id == d.info.id};
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string format_bytes(std::uint64_t bytes) {
  char buf[32];
  if (bytes >= (std::uint64_t{1} << 30)) {
    std::snprintf(buf, sizeof buf, "%.1f GiB", static_cast<double>(bytes) / (1 << 30));
  } else {
    std::snprintf(buf, sizeof buf, "%llu MiB", static_cast<unsigned long long>(bytes >> 20));
  }
  return buf;
}

void print_device_table(std::ostream& out, const std::vector<DeviceRow>& rows, const Style& style,
                        bool verbose) {
  struct Cells {
    std::string tier, type, units, memory, opencl, driver;
  };
  std::vector<Cells> cells;
  const Cells header{"TIER", "TYPE", "UNITS", "MEMORY", "OPENCL", "DRIVER"};
  std::vector<std::size_t> w = {4, 4, 5, 6, 6, 6};
  for (const DeviceRow& r : rows) {
    Cells c{tier_label(r),
            runtime::device_type_name(r.info.type),
            std::to_string(r.info.compute_units),
            format_bytes(r.info.global_mem_bytes),
            std::to_string(r.info.cl_major) + "." + std::to_string(r.info.cl_minor),
            r.info.driver_version};
    w[0] = std::max(w[0], c.tier.size());
    w[1] = std::max(w[1], c.type.size());
    w[2] = std::max(w[2], c.units.size());
    w[3] = std::max(w[3], c.memory.size());
    w[4] = std::max(w[4], c.opencl.size());
    cells.push_back(std::move(c));
  }
  const auto line = [&](const Cells& c) {
    return pad(c.tier, w[0]) + "  " + pad(c.type, w[1]) + "  " + pad_left(c.units, w[2]) + "  " +
           pad_left(c.memory, w[3]) + "  " + pad(c.opencl, w[4]) + "  " + c.driver;
  };
  out << "    " << style.dim(line(header)) << "\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const DeviceRow& r = rows[i];
    std::string text = line(cells[i]);
    // Colour the tier only; the padding keeps the columns aligned either way.
    const std::string tier = pad(cells[i].tier, w[0]);
    const std::string rest = text.substr(tier.size());
    const std::string styled_tier = !r.usable && r.tier == Tier::kValidated ? style.bad(tier)
                                    : r.tier == Tier::kValidated            ? style.ok(tier)
                                                                            : style.warn(tier);
    out << (r.selected ? " *  " : "    ") << styled_tier << rest << "\n";
    out << "    " << style.bold(r.info.name) << "  (" << r.info.vendor << "; "
        << r.info.platform_name << ")\n";
    out << "    id: " << r.info.id << "\n";
    if (verbose) {
      out << "    " << style.dim("profile " + r.profile + ": " + r.note) << "\n";
      out << "    " << style.dim(r.reason) << "\n";
    }
  }
}

nlohmann::json device_json(const DeviceRow& r) {
  const runtime::DeviceInfo& i = r.info;
  return {
      {"id", i.id},
      {"name", i.name},
      {"vendor", i.vendor},
      {"platform", i.platform_name},
      {"platform_vendor", i.platform_vendor},
      {"platform_version", i.platform_version},
      {"driver_version", i.driver_version},
      {"opencl_version", i.opencl_version},
      {"opencl_c_version", i.opencl_c_version},
      {"type", runtime::device_type_name(i.type)},
      {"available", i.available},
      {"compiler_available", i.compiler_available},
      {"compute_units", i.compute_units},
      {"max_clock_mhz", i.max_clock_mhz},
      {"address_bits", i.address_bits},
      {"global_mem_bytes", i.global_mem_bytes},
      {"local_mem_bytes", i.local_mem_bytes},
      {"local_mem_dedicated", i.local_mem_dedicated},
      {"constant_mem_bytes", i.constant_mem_bytes},
      {"max_alloc_bytes", i.max_alloc_bytes},
      {"base_addr_align_bytes", i.base_addr_align_bytes},
      {"max_work_group_size", i.max_work_group_size},
      {"max_work_item_sizes", i.max_work_item_sizes},
      {"preferred_vector_width_float", i.preferred_vector_width_float},
      {"native_vector_width_float", i.native_vector_width_float},
      {"preferred_vector_width_half", i.preferred_vector_width_half},
      {"native_vector_width_half", i.native_vector_width_half},
      {"fp16", i.fp16},
      {"fp64", i.fp64},
      {"subgroups", i.subgroups},
      {"extensions", i.extensions},
      {"platform_index", i.platform_index},
      {"device_index", i.device_index},
      {"tier", tier_name(r.tier)},
      {"profile", r.profile},
      {"profile_note", r.note},
      {"profile_reason", r.reason},
      {"usable", r.usable},
      {"selected", r.selected},
  };
}

}  // namespace tartan::setup
