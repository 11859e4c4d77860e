// The OpenCL C dialect: the one table of types, qualifiers, work-item functions, math builtins,
// loads/stores, literals and helpers that the kernel IR's printer (codegen/kir/printer.h) and
// the kernel writers use. Nothing else in core spells OpenCL-specific text
// (scripts/check-dialect-spellings.sh fails CI where something does).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "codegen/kir/expr.h"
#include "tartan/ir/dtype.h"

namespace tartan::opencl {

// The kernel IR's scalar types, functions and named constants (codegen/kir/expr.h).
std::string_view scalar_name(kir::Type::Scalar s);  // int, long, size_t, float ...
std::string_view function_name(kir::Fn fn);         // get_global_id, clamp, fmin, tt_idiv ...
std::string_view named_constant(kir::Named n);      // INT_MIN, INT_MAX

std::string_view storage_type(DType t);  // how a buffer stores elements: uchar, int, half, float
std::string_view compute_type(DType t);  // how a kernel computes with them: int or float

// Expressions reading/writing element `offset` of buffer `ptr`, converting between storage
// and compute types (half through vload_half/vstore_half, which need no extension).
std::string load(DType t, std::string_view ptr, std::string_view offset);
std::string store(DType t, std::string_view ptr, std::string_view offset, std::string_view value);

// N consecutive elements from element `offset` of `ptr` as one compute-type vector (vloadN
// needs only the element's alignment); "" where the type has no vector load (bool).
bool has_vector_load(DType t, int n);
std::string vector_type(DType t, int n);  // float4, int8, ...
std::string vector_load(DType t, int n, std::string_view ptr, std::string_view offset);
std::string lane(std::string_view vec, int i);  // "v.s3", "v.sa"
// Statement storing `lanes` (compute-type expressions) at N consecutive elements from `offset`.
std::string vector_store(DType t, const std::vector<std::string>& lanes, std::string_view ptr,
                         std::string_view offset);
// The same for one N-lane compute-type vector expression `value`.
std::string vector_store(DType t, int n, std::string_view value, std::string_view ptr,
                         std::string_view offset);

// A tensor argument: a buffer and an element offset into it (tensors of the memory plan's
// arena share one buffer, see runtime/executable_state.h). `param` declares both in the
// signature as <name>_buf and <name>_off; `prologue` defines <name> as the tensor's first
// element, so kernel bodies index <name> from 0. Only the output (writable) is non-const.
std::string buffer_param(DType t, std::string_view name, bool writable);
std::string buffer_prologue(DType t, std::string_view name, bool writable);
// The type of a pointer to a buffer's elements ("__global const float*"); the same for
// elements of C type `type`.
std::string pointer_type(DType t, bool writable);
std::string global_pointer(std::string_view type, bool writable);

// A __local array of `count` elements of `type`, aligned for reads of vectors of 4.
std::string local_array(std::string_view type, std::string_view name, std::int64_t count);
// The same without the alignment (arrays read only element by element).
std::string local_array_unaligned(std::string_view type, std::string_view name, std::int64_t count);
// A vector of type `vec_type` read from __local memory at `ptr + offset` in one access (the
// address must be aligned to the vector's size).
std::string local_vector_read(std::string_view vec_type, std::string_view ptr,
                              std::string_view offset);
// A pointer into a __local array of `type`.
std::string local_pointer(std::string_view type);

// A line asking the compiler to unroll the loop that follows by `n`.
std::string unroll_hint(int n);

// The statement waiting for every work-item of the group, making __local writes visible.
inline constexpr std::string_view kLocalBarrier = "barrier(CLK_LOCAL_MEM_FENCE);";
// The kernel attribute promising the launch's work-group size (lets the compiler size
// registers for it; a launch with another size fails).
std::string required_work_group_size(std::size_t n);

// A literal of compute type for `t`: "1.5f", "INFINITY", "(-2147483647 - 1)".
std::string literal(DType t, double value);

// Small helper functions every kernel may call (integer division by zero, NaN-propagating
// min/max, rounding to half precision). Emitted once at the top of each program.
std::string_view prelude();

inline constexpr std::string_view kKernel = "__kernel";
inline constexpr std::string_view kGlobal = "__global";
inline constexpr std::string_view kLocal = "__local";
inline constexpr std::string_view kRestrict = "restrict";

}  // namespace tartan::opencl
