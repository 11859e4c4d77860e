#include "tartan/networks/registry.h"

#include "tartan/support/error.h"

namespace tartan::networks {

const NetworkInfo& find_network(const std::string& name) {
  std::string known;
  for (const NetworkInfo& n : all_networks()) {
    if (n.name == name) return n;
    known += (known.empty() ? "" : ", ") + n.name;
  }
  throw Error("unknown network `" + name + "`", "known networks: " + known);
}

}  // namespace tartan::networks
