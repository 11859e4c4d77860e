// tile 16 (dim 3), work-group 1, vector loads, tile 0 outermost, interior split, vector epilogue, hoisted addresses
//   _T382[d0, 0, 0, d3 : 1, 1, 1, 1024] = +(_T381[d0, d1, d2, d3]);
//   _T384 = _T382 / 49.0;
//   p0: _T384 float32[1, 1, 1, 1024]
//   p1: _T381 float32[1, 7, 7, 1024]
// launch: global 64x1x1, local 1x1x1, 51200 flops, 204800 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  const size_t gid = get_global_id(0);
  if (gid >= 64) return;
  const int c2 = (int)(gid % 1);
  const int c1 = (int)((gid / 1) % 1);
  const int c0 = (int)(((gid / 1) / 1) % 1);
  const int c3 = (int)((((gid / 1) / 1) / 1)) * 16;
  const int c3_0 = c3;
  const int c3_1 = c3 + 1;
  const int c3_2 = c3 + 2;
  const int c3_3 = c3 + 3;
  const int c3_4 = c3 + 4;
  const int c3_5 = c3 + 5;
  const int c3_6 = c3 + 6;
  const int c3_7 = c3 + 7;
  const int c3_8 = c3 + 8;
  const int c3_9 = c3 + 9;
  const int c3_10 = c3 + 10;
  const int c3_11 = c3 + 11;
  const int c3_12 = c3 + 12;
  const int c3_13 = c3 + 13;
  const int c3_14 = c3 + 14;
  const int c3_15 = c3 + 15;
  const int o_0 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_0;
  const int o_1 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_1;
  const int o_2 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_2;
  const int o_3 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_3;
  const int o_4 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_4;
  const int o_5 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_5;
  const int o_6 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_6;
  const int o_7 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_7;
  const int o_8 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_8;
  const int o_9 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_9;
  const int o_10 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_10;
  const int o_11 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_11;
  const int o_12 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_12;
  const int o_13 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_13;
  const int o_14 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_14;
  const int o_15 = c0 * 1024 + c1 * 1024 + c2 * 1024 + c3_15;
  const int i_d0 = (c0);
  const int i_d3_0 = c3_0;
  const int i_d3_1 = c3_1;
  const int i_d3_2 = c3_2;
  const int i_d3_3 = c3_3;
  const int i_d3_4 = c3_4;
  const int i_d3_5 = c3_5;
  const int i_d3_6 = c3_6;
  const int i_d3_7 = c3_7;
  const int i_d3_8 = c3_8;
  const int i_d3_9 = c3_9;
  const int i_d3_10 = c3_10;
  const int i_d3_11 = c3_11;
  const int i_d3_12 = c3_12;
  const int i_d3_13 = c3_13;
  const int i_d3_14 = c3_14;
  const int i_d3_15 = c3_15;
  float16 accv = (float16)(0.0f);
  if (1 && i_d0 >= 0 && i_d0 < 1 && 0 == c1 && 0 == c2 && (i_d0) >= 0 && (i_d0) < 1) {
    for (int i_d1 = max(0, -(0)), e_d1 = min(7, 7 - 0); i_d1 < e_d1; ++i_d1) {
      __global const float* const hp0_0 = p1 + (i_d0) * 50176 + (i_d1) * 7168 + (i_d3_0);
      for (int i_d2 = max(0, -(0)), e_d2 = min(7, 7 - 0); i_d2 < e_d2; ++i_d2) {
        const float16 in0 = vload16(0, hp0_0 + i_d2 * 1024);
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
