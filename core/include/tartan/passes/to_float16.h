// to_float16: the same program in half precision. Every float32 input, constant and computed
// tensor becomes float16 (a `cast` to float32 casts to float16); bool and int32 tensors stay
// as they are. Kernels keep computing in float and store half (vload_half / vstore_half, see
// codegen/opencl_dialect.cpp), so this halves the bytes a network moves and its memory, at the
// price of half's 11-bit significand in every stored value. Literals stay weak float32 (they
// take the type of the tensor they meet, and their value is printed into the kernel as float),
// so `x + 1e-3` keeps its constant exactly. Where the typing rules still give float32 (a float
// literal meeting an int tensor) a cast to float16 follows.
//
// Not part of run_pipeline: a program is run in half only when asked (tartan-bench --fp16).
// Constants beyond half's range (|x| > 65504) become infinities; weights of real networks are
// far inside it.
#pragma once

#include "tartan/ir/program.h"

namespace tartan {

Program to_float16(const Program& program);

}  // namespace tartan
