// tile 2 (dim 1), work-group 1, unroll 4, vector loads, tile 0 outermost, interior split, vector epilogue, hoisted addresses
//   _T6[n, j : 1, 128] = +(H[n, k] * R[k, j + 256]);
//   _T7 = _T6 + Zg;
//   _T8 = tanh(_T7);
//   p0: _T8 float32[1, 128]
//   p1: H float32[1, 128]
//   p2: R float32[128, 512]
//   p3: Zg float32[1, 128]
// launch: global 64x1x1, local 1x1x1, 33024 flops, 263680 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off, __global const float* p3_buf, const ulong p3_off, const int tt_step) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  __global const float* p3 = p3_buf + p3_off;
  p3 += (size_t)tt_step * 128;
  const size_t gid = get_global_id(0);
  if (gid >= 64) return;
  const int c0 = (int)(gid % 1);
  const int c1 = (int)((gid / 1)) * 2;
  const int c1_0 = c1;
  const int c1_1 = c1 + 1;
  const int o_0 = c0 * 128 + c1_0;
  const int o_1 = c0 * 128 + c1_1;
  const int i_n = (c0);
  const int i_j_0 = c1_0;
  const int i_j_1 = c1_1;
  float2 accv = (float2)(0.0f);
  if (1 && i_n >= 0 && i_n < 1 && (i_n) >= 0 && (i_n) < 1) {
    __global const float* const hp0_0 = p1 + (i_n) * 128;
    __global const float* const hp1_1 = p2 + (i_j_0 + 256);
    #pragma unroll 4
    for (int i_k = max(max(0, -(0)), -(0)), e_k = min(min(128, 128 - 0), 128 - 0); i_k < e_k; ++i_k) {
      const float in0 = hp0_0[i_k];
      const float2 in1 = vload2(0, hp1_1 + i_k * 512);
      accv += in0 * in1;
    }
  }
  {
    const float v0_0 = ((accv.s0) + (p3[o_0]));
    const float v1_0 = tanh(v0_0);
    const float v0_1 = ((accv.s1) + (p3[o_1]));
    const float v1_1 = tanh(v0_1);
    vstore2((float2)(v1_0, v1_1), 0, p0 + o_0);
  }
}
