// tile 8 (dim 3), work-group 1, unroll 4, vector loads, tile 0 outermost, packed weights, interior split, vector epilogue, hoisted addresses
//   _T385[n, y, x, k : 1, 1, 1, 1000] = +(_T384[n, y, x, c] * conv_preds/kernel[0, 0, c, k]);
//   _T386 = _T385 + conv_preds/bias;
//   p0: _T386 float32[1, 1, 1, 1000]
//   p1: _T384 float32[1, 1, 1, 1024]
//   p2: conv_preds/kernel float32[1, 1, 1024, 1000], packed in panels of 8
//   p3: conv_preds/bias float32[1000]
// launch: global 125x1x1, local 1x1x1, 2049000 flops, 4108096 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off, __global const float* p3_buf, const ulong p3_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  __global const float* p3 = p3_buf + p3_off;
  const size_t gid = get_global_id(0);
  if (gid >= 125) return;
  const int c2 = (int)(gid % 1);
  const int c1 = (int)((gid / 1) % 1);
  const int c0 = (int)(((gid / 1) / 1) % 1);
  const int c3 = (int)((((gid / 1) / 1) / 1)) * 8;
  const int c3_0 = c3;
  const int c3_1 = c3 + 1;
  const int c3_2 = c3 + 2;
  const int c3_3 = c3 + 3;
  const int c3_4 = c3 + 4;
  const int c3_5 = c3 + 5;
  const int c3_6 = c3 + 6;
  const int c3_7 = c3 + 7;
  const int o_0 = c0 * 1000 + c1 * 1000 + c2 * 1000 + c3_0;
  const int o_1 = c0 * 1000 + c1 * 1000 + c2 * 1000 + c3_1;
  const int o_2 = c0 * 1000 + c1 * 1000 + c2 * 1000 + c3_2;
  const int o_3 = c0 * 1000 + c1 * 1000 + c2 * 1000 + c3_3;
  const int o_4 = c0 * 1000 + c1 * 1000 + c2 * 1000 + c3_4;
  const int o_5 = c0 * 1000 + c1 * 1000 + c2 * 1000 + c3_5;
  const int o_6 = c0 * 1000 + c1 * 1000 + c2 * 1000 + c3_6;
  const int o_7 = c0 * 1000 + c1 * 1000 + c2 * 1000 + c3_7;
  const int i_n = (c0);
  const int i_y = (c1);
  const int i_x = (c2);
  const int i_k_0 = c3_0;
  const int i_k_1 = c3_1;
  const int i_k_2 = c3_2;
  const int i_k_3 = c3_3;
  const int i_k_4 = c3_4;
  const int i_k_5 = c3_5;
  const int i_k_6 = c3_6;
  const int i_k_7 = c3_7;
  float8 accv = (float8)(0.0f);
  if (1 && i_n >= 0 && i_n < 1 && i_y >= 0 && i_y < 1 && i_x >= 0 && i_x < 1 && (i_n) >= 0 && (i_n) < 1 && (i_y) >= 0 && (i_y) < 1 && (i_x) >= 0 && (i_x) < 1 && 0 >= 0 && 0 < 1 && 0 >= 0 && 0 < 1) {
    __global const float* const hp0_0 = p1 + (i_n) * 1024 + (i_y) * 1024 + (i_x) * 1024;
    __global const float* const hp1_1 = p2 + c3 * 1024;
    #pragma unroll 4
    for (int i_c = max(max(0, -(0)), -(0)), e_c = min(min(1024, 1024 - 0), 1024 - 0); i_c < e_c; ++i_c) {
      const float in0 = hp0_0[i_c];
      const float8 in1 = vload8(0, hp1_1 + i_c * 8);
      accv += in0 * in1;
    }
  }
  {
    const float8 epx1_0_0 = vload8(0, p3 + c3_0);
    const float8 epi1_0_0 = (accv + epx1_0_0);
    vstore8(epi1_0_0, 0, p0 + o_0);
  }
}
