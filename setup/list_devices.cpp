#include "list_devices.h"

#include <ostream>

#include "device_table.h"
#include "session.h"

namespace tartan::setup {

int list_devices(const SetupOptions& options, std::ostream& out, std::ostream& err,
                 const Style& out_style, const Style& err_style) {
  // A broken config must not hide the devices: listing is how one finds a valid id to fix it.
  const Session s = open_session(options, /*tolerate_bad_config=*/true);
  const bool experimental = options.experimental || s.effective.experimental;
  const std::vector<DeviceRow> rows =
      device_rows(s.devices, s.profiles, experimental, s.selected_id);
  if (options.json) {
    nlohmann::json devices = nlohmann::json::array();
    for (const DeviceRow& r : rows) devices.push_back(device_json(r));
    nlohmann::json doc = {
        {"tartan_version", TARTAN_VERSION},
        {"config", s.read_path.string()},
        {"experimental", experimental},
        {"selected", s.selected_id ? nlohmann::json(*s.selected_id) : nlohmann::json(nullptr)},
        {"profiles_dir", s.profiles.dir.string()},
        {"devices", devices},
    };
    if (!s.selection_problem.empty()) doc["problem"] = s.selection_problem;
    out << doc.dump(2) << "\n";
    return kExitOk;
  }
  out << rows.size() << (rows.size() == 1 ? " OpenCL device" : " OpenCL devices") << " ("
      << "experimental devices " << (experimental ? "on" : "off") << "; * = in use):\n";
  print_device_table(out, rows, out_style, options.verbose);
  if (!s.selection_problem.empty()) {
    err << err_style.warn("warning: ") << s.selection_problem << "\n";
  }
  return kExitOk;
}

}  // namespace tartan::setup
