// Ctrl-C (SIGINT) and SIGTERM end tartan-setup at once with 128 + the signal number, saying
// whether the config was changed. The config is only ever replaced by one atomic rename, and a
// signal that arrives while it is written waits until the write is done, so an interrupt never
// leaves half a config or a stray temporary file.
#pragma once

namespace tartan::setup {

void install_interrupt_handlers();

// While one exists, a signal is recorded instead of acted on; the destructor acts on it.
class InterruptsDeferred {
 public:
  InterruptsDeferred();
  ~InterruptsDeferred();
  InterruptsDeferred(const InterruptsDeferred&) = delete;
  InterruptsDeferred& operator=(const InterruptsDeferred&) = delete;
};

// Tells the handler that the config has been written, so its message stays true.
void note_config_saved();

}  // namespace tartan::setup
