// tile 16 (dim 1), work-group 2, vector loads, tile 0 outermost, interior split, vector epilogue, hoisted addresses
//   _T651[d0, d3 : 1, 2048] = +(_T650[d0, d1, d2, d3]);
//   _T653 = _T651 / 49.0;
//   p0: _T653 float32[1, 2048]
//   p1: _T650 float32[1, 7, 7, 2048]
// launch: global 128x1x1, local 2x1x1, 102400 flops, 409600 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  const size_t gid = get_global_id(0);
  if (gid >= 128) return;
  const int c0 = (int)(gid % 1);
  const int c1 = (int)((gid / 1)) * 16;
  const int c1_0 = c1;
  const int c1_1 = c1 + 1;
  const int c1_2 = c1 + 2;
  const int c1_3 = c1 + 3;
  const int c1_4 = c1 + 4;
  const int c1_5 = c1 + 5;
  const int c1_6 = c1 + 6;
  const int c1_7 = c1 + 7;
  const int c1_8 = c1 + 8;
  const int c1_9 = c1 + 9;
  const int c1_10 = c1 + 10;
  const int c1_11 = c1 + 11;
  const int c1_12 = c1 + 12;
  const int c1_13 = c1 + 13;
  const int c1_14 = c1 + 14;
  const int c1_15 = c1 + 15;
  const int o_0 = c0 * 2048 + c1_0;
  const int o_1 = c0 * 2048 + c1_1;
  const int o_2 = c0 * 2048 + c1_2;
  const int o_3 = c0 * 2048 + c1_3;
  const int o_4 = c0 * 2048 + c1_4;
  const int o_5 = c0 * 2048 + c1_5;
  const int o_6 = c0 * 2048 + c1_6;
  const int o_7 = c0 * 2048 + c1_7;
  const int o_8 = c0 * 2048 + c1_8;
  const int o_9 = c0 * 2048 + c1_9;
  const int o_10 = c0 * 2048 + c1_10;
  const int o_11 = c0 * 2048 + c1_11;
  const int o_12 = c0 * 2048 + c1_12;
  const int o_13 = c0 * 2048 + c1_13;
  const int o_14 = c0 * 2048 + c1_14;
  const int o_15 = c0 * 2048 + c1_15;
  const int i_d0 = (c0);
  const int i_d3_0 = c1_0;
  const int i_d3_1 = c1_1;
  const int i_d3_2 = c1_2;
  const int i_d3_3 = c1_3;
  const int i_d3_4 = c1_4;
  const int i_d3_5 = c1_5;
  const int i_d3_6 = c1_6;
  const int i_d3_7 = c1_7;
  const int i_d3_8 = c1_8;
  const int i_d3_9 = c1_9;
  const int i_d3_10 = c1_10;
  const int i_d3_11 = c1_11;
  const int i_d3_12 = c1_12;
  const int i_d3_13 = c1_13;
  const int i_d3_14 = c1_14;
  const int i_d3_15 = c1_15;
  float16 accv = (float16)(0.0f);
  if (1 && i_d0 >= 0 && i_d0 < 1 && (i_d0) >= 0 && (i_d0) < 1) {
    for (int i_d1 = max(0, -(0)), e_d1 = min(7, 7 - 0); i_d1 < e_d1; ++i_d1) {
      __global const float* const hp0_0 = p1 + (i_d0) * 100352 + (i_d1) * 14336 + (i_d3_0);
      for (int i_d2 = max(0, -(0)), e_d2 = min(7, 7 - 0); i_d2 < e_d2; ++i_d2) {
        const float16 in0 = vload16(0, hp0_0 + i_d2 * 2048);
        accv += in0;
      }
    }
  }
  {
    const float16 epx1_0_0 = (float16)(49.0f);
    const float16 epi1_0_0 = (accv / epx1_0_0);
    vstore16(epi1_0_0, 0, p0 + o_0);
  }
}
