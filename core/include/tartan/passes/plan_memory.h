// plan_memory: where each tensor lives. Inputs, constants and program outputs get their own
// buffers. Each kernel output that is an intermediate gets a slot in one arena, assigned by
// liveness (from its producing kernel to the last kernel that reads it, directly or through a
// reshape view), first fit at the device's alignment (256 bytes by default), reusing space freed by
// dead tensors; an elementwise kernel writes in place into an input that dies at that kernel when
// both have the same shape and size. Reshapes alias their source (row-major layouts make every
// reshape a view); tensors inside a kernel never reach memory.
#pragma once

#include <vector>

#include "tartan/passes/pipeline.h"

namespace tartan {

inline constexpr std::size_t kArenaAlignment = 256;

// Arena offsets are multiples of `alignment` (the device's sub-buffer alignment, at least 256).
MemoryPlan plan_memory(const Program& program, const std::vector<KernelGroup>& kernels,
                       std::size_t alignment = kArenaAlignment);

}  // namespace tartan
