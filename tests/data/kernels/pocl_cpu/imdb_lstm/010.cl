// one output element per work-item, work-group 128, unroll 4, hoisted addresses
//   _T15[d0, n : 1, 1] = +(_T14[d0, k] * dense/kernel[k, n]);
//   _T16 = _T15 + dense/bias;
//   _T17 = sigmoid(_T16);
//   p0: _T17 float32[1, 1]
//   p1: _T14 float32[1, 128]
//   p2: dense/kernel float32[128, 1]
//   p3: dense/bias float32[1]
// launch: global 128x1x1, local 128x1x1, 258 flops, 1032 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off, __global const float* p3_buf, const ulong p3_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  __global const float* p3 = p3_buf + p3_off;
  const size_t gid = get_global_id(0);
  if (gid >= 1) return;
  const int c1 = (int)(gid % 1);
  const int c0 = (int)((gid / 1));
  const int i_d0 = (c0);
  const int i_n = (c1);
  float acc = 0.0f;
  if (1 && i_d0 >= 0 && i_d0 < 1 && i_n >= 0 && i_n < 1 && (i_d0) >= 0 && (i_d0) < 1 && (i_n) >= 0 && (i_n) < 1) {
    __global const float* const hp0_0 = p1 + (i_d0) * 128;
    __global const float* const hp1_1 = p2 + (i_n);
    #pragma unroll 4
    for (int i_k = max(max(0, -(0)), -(0)), e_k = min(min(128, 128 - 0), 128 - 0); i_k < e_k; ++i_k) {
      const float val = (float)(hp0_0[i_k] * hp1_1[i_k]);
      acc += val;
    }
  }
  const float v0 = ((acc) + (p3[0]));
  const float v1 = (1.0f / (1.0f + exp(-v0)));
  p0[gid] = v1;
}
