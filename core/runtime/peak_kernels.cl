// Peak probes in the manner of clpeak: long chains of mad() for FP32 throughput, and float4
// loads for global memory bandwidth. Embedded into libtartan at build time (peak_probe.cpp).
//
// Eight independent chains per work-item: a GPU hides each mad's latency with other
// work-items, a CPU (which runs a work-group's items in one vectorised loop, or one after
// another) needs the independent chains to keep its FMA pipelines full. v = v * m + c with
// 0 < m < 1 converges to c / (1 - m): no overflow, no denormals, no slow paths anywhere; the
// sum is stored so that no compiler can drop the work.

#define MAD8(m, c)      \
  v0 = mad(v0, m, c);  \
  v1 = mad(v1, m, c);  \
  v2 = mad(v2, m, c);  \
  v3 = mad(v3, m, c);  \
  v4 = mad(v4, m, c);  \
  v5 = mad(v5, m, c);  \
  v6 = mad(v6, m, c);  \
  v7 = mad(v7, m, c);
#define MAD32(m, c) MAD8(m, c) MAD8(m, c) MAD8(m, c) MAD8(m, c)
#define MAD128(m, c) MAD32(m, c) MAD32(m, c) MAD32(m, c) MAD32(m, c)

#define PEAK_FLOPS_KERNEL(name, T)                                                         \
  __kernel void name(__global float* out, float m, float c, int iterations) {              \
    const float s = (float)get_global_id(0) * 1e-6f;                                       \
    T v0 = (T)(s), v1 = (T)(s + 1), v2 = (T)(s + 2), v3 = (T)(s + 3), v4 = (T)(s + 4);    \
    T v5 = (T)(s + 5), v6 = (T)(s + 6), v7 = (T)(s + 7);                                   \
    for (int i = 0; i < iterations; ++i) {                                                 \
      MAD128(m, c)                                                                         \
    }                                                                                      \
    const T sum = ((v0 + v1) + (v2 + v3)) + ((v4 + v5) + (v6 + v7));                      \
    out[get_global_id(0)] = dot(sum.lo, sum.hi);                                           \
  }

// 128 mads of 4 (8) floats per iteration: 1024 (2048) flops per work-item and iteration.
PEAK_FLOPS_KERNEL(peak_flops_float4, float4)
PEAK_FLOPS_KERNEL(peak_flops_float8, float8)

// Reads `reads` float4 per work-item, consecutive work-items reading consecutive addresses
// (coalesced on GPUs, vectorisable across work-items on CPUs).
__kernel void peak_read_float4(__global const float4* src, __global float* out, int reads) {
  const size_t gid = get_global_id(0);
  const size_t n = get_global_size(0);
  float4 sum = (float4)(0.0f);
  for (int k = 0; k < reads; ++k) sum += src[gid + (size_t)k * n];
  out[gid] = (sum.s0 + sum.s1) + (sum.s2 + sum.s3);
}
