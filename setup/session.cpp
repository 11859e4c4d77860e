#include "session.h"

#include "tartan/runtime/select_device.h"

namespace tartan::setup {

Session open_session(const SetupOptions& options, bool tolerate_bad_config) {
  Session s;
  s.profiles = load_profiles();
  s.devices = runtime::enumerate_devices();
  s.read_path =
      options.config_path ? std::filesystem::path(*options.config_path) : config_read_path();
  s.write_path =
      options.config_path ? std::filesystem::path(*options.config_path) : user_config_path();
  try {
    s.saved = load_config(s.read_path);
    s.effective = apply_environment(s.saved);
  } catch (const Error& e) {
    if (!tolerate_bad_config) throw;
    s.selection_problem = e.what();
    return s;
  }
  try {
    s.selected_id = select_device(s.effective, s.devices, s.profiles).device.device.info.id;
  } catch (const Error& e) {
    s.selection_problem = e.what();
  }
  return s;
}

}  // namespace tartan::setup
