// tile 16 (dim 3), work-group 128, vector loads, tile 0 outermost, interior split, vector epilogue, hoisted addresses
//   _T14[n, y, x, c : 1, 56, 56, 64] = >(_T12[n, 2*y + i - 1, 2*x + j - 1, c]), i < 3, j < 3;
//   p0: _T14 float32[1, 56, 56, 64]
//   p1: _T12 float32[1, 112, 112, 64]
// launch: global 12544x1x1, local 128x1x1, 1784896 flops, 4014080 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  const size_t gid = get_global_id(0);
  if (gid >= 12544) return;
  const int c2 = (int)(gid % 56);
  const int c1 = (int)((gid / 56) % 56);
  const int c0 = (int)(((gid / 56) / 56) % 1);
  const int c3 = (int)((((gid / 56) / 56) / 1)) * 16;
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
  const int o_0 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_0;
  const int o_1 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_1;
  const int o_2 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_2;
  const int o_3 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_3;
  const int o_4 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_4;
  const int o_5 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_5;
  const int o_6 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_6;
  const int o_7 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_7;
  const int o_8 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_8;
  const int o_9 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_9;
  const int o_10 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_10;
  const int o_11 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_11;
  const int o_12 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_12;
  const int o_13 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_13;
  const int o_14 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_14;
  const int o_15 = c0 * 200704 + c1 * 3584 + c2 * 64 + c3_15;
  const int i_n = (c0);
  const int i_y = (c1);
  const int i_x = (c2);
  const int i_c_0 = c3_0;
  const int i_c_1 = c3_1;
  const int i_c_2 = c3_2;
  const int i_c_3 = c3_3;
  const int i_c_4 = c3_4;
  const int i_c_5 = c3_5;
  const int i_c_6 = c3_6;
  const int i_c_7 = c3_7;
  const int i_c_8 = c3_8;
  const int i_c_9 = c3_9;
  const int i_c_10 = c3_10;
  const int i_c_11 = c3_11;
  const int i_c_12 = c3_12;
  const int i_c_13 = c3_13;
  const int i_c_14 = c3_14;
  const int i_c_15 = c3_15;
  float acc_0 = (-INFINITY);
  int reached_0 = 0;
  float acc_1 = (-INFINITY);
  int reached_1 = 0;
  float acc_2 = (-INFINITY);
  int reached_2 = 0;
  float acc_3 = (-INFINITY);
  int reached_3 = 0;
  float acc_4 = (-INFINITY);
  int reached_4 = 0;
  float acc_5 = (-INFINITY);
  int reached_5 = 0;
  float acc_6 = (-INFINITY);
  int reached_6 = 0;
  float acc_7 = (-INFINITY);
  int reached_7 = 0;
  float acc_8 = (-INFINITY);
  int reached_8 = 0;
  float acc_9 = (-INFINITY);
  int reached_9 = 0;
  float acc_10 = (-INFINITY);
  int reached_10 = 0;
  float acc_11 = (-INFINITY);
  int reached_11 = 0;
  float acc_12 = (-INFINITY);
  int reached_12 = 0;
  float acc_13 = (-INFINITY);
  int reached_13 = 0;
  float acc_14 = (-INFINITY);
  int reached_14 = 0;
  float acc_15 = (-INFINITY);
  int reached_15 = 0;
  if (1 && i_n >= 0 && i_n < 1 && i_y >= 0 && i_y < 56 && i_x >= 0 && i_x < 56 && (i_n) >= 0 && (i_n) < 1) {
    for (int i_i = max(max(0, -((2 * i_y - 1))), -(0)), e_i = min(min(3, 112 - (2 * i_y - 1)), 3 - 0); i_i < e_i; ++i_i) {
      for (int i_j = max(max(0, -((2 * i_x - 1))), -(0)), e_j = min(min(3, 112 - (2 * i_x - 1)), 3 - 0); i_j < e_j; ++i_j) {
        const float16 in0 = vload16(0, p1 + (i_n) * 802816 + (2 * i_y + i_i - 1) * 7168 + (2 * i_x + i_j - 1) * 64 + (i_c_0));
        const float val_0 = (float)(in0.s0);
        acc_0 = (val_0 > acc_0 || val_0 != val_0) ? val_0 : acc_0;
        reached_0 = 1;
        const float val_1 = (float)(in0.s1);
        acc_1 = (val_1 > acc_1 || val_1 != val_1) ? val_1 : acc_1;
        reached_1 = 1;
        const float val_2 = (float)(in0.s2);
        acc_2 = (val_2 > acc_2 || val_2 != val_2) ? val_2 : acc_2;
        reached_2 = 1;
        const float val_3 = (float)(in0.s3);
        acc_3 = (val_3 > acc_3 || val_3 != val_3) ? val_3 : acc_3;
        reached_3 = 1;
        const float val_4 = (float)(in0.s4);
        acc_4 = (val_4 > acc_4 || val_4 != val_4) ? val_4 : acc_4;
        reached_4 = 1;
        const float val_5 = (float)(in0.s5);
        acc_5 = (val_5 > acc_5 || val_5 != val_5) ? val_5 : acc_5;
        reached_5 = 1;
        const float val_6 = (float)(in0.s6);
        acc_6 = (val_6 > acc_6 || val_6 != val_6) ? val_6 : acc_6;
        reached_6 = 1;
        const float val_7 = (float)(in0.s7);
        acc_7 = (val_7 > acc_7 || val_7 != val_7) ? val_7 : acc_7;
        reached_7 = 1;
        const float val_8 = (float)(in0.s8);
        acc_8 = (val_8 > acc_8 || val_8 != val_8) ? val_8 : acc_8;
        reached_8 = 1;
        const float val_9 = (float)(in0.s9);
        acc_9 = (val_9 > acc_9 || val_9 != val_9) ? val_9 : acc_9;
        reached_9 = 1;
        const float val_10 = (float)(in0.sa);
        acc_10 = (val_10 > acc_10 || val_10 != val_10) ? val_10 : acc_10;
        reached_10 = 1;
        const float val_11 = (float)(in0.sb);
        acc_11 = (val_11 > acc_11 || val_11 != val_11) ? val_11 : acc_11;
        reached_11 = 1;
        const float val_12 = (float)(in0.sc);
        acc_12 = (val_12 > acc_12 || val_12 != val_12) ? val_12 : acc_12;
        reached_12 = 1;
        const float val_13 = (float)(in0.sd);
        acc_13 = (val_13 > acc_13 || val_13 != val_13) ? val_13 : acc_13;
        reached_13 = 1;
        const float val_14 = (float)(in0.se);
        acc_14 = (val_14 > acc_14 || val_14 != val_14) ? val_14 : acc_14;
        reached_14 = 1;
        const float val_15 = (float)(in0.sf);
        acc_15 = (val_15 > acc_15 || val_15 != val_15) ? val_15 : acc_15;
        reached_15 = 1;
      }
    }
  }
  if (!reached_0) acc_0 = 0.0f;
  if (!reached_1) acc_1 = 0.0f;
  if (!reached_2) acc_2 = 0.0f;
  if (!reached_3) acc_3 = 0.0f;
  if (!reached_4) acc_4 = 0.0f;
  if (!reached_5) acc_5 = 0.0f;
  if (!reached_6) acc_6 = 0.0f;
  if (!reached_7) acc_7 = 0.0f;
  if (!reached_8) acc_8 = 0.0f;
  if (!reached_9) acc_9 = 0.0f;
  if (!reached_10) acc_10 = 0.0f;
  if (!reached_11) acc_11 = 0.0f;
  if (!reached_12) acc_12 = 0.0f;
  if (!reached_13) acc_13 = 0.0f;
  if (!reached_14) acc_14 = 0.0f;
  if (!reached_15) acc_15 = 0.0f;
  {
    p0[o_0] = acc_0;
  }
  {
    p0[o_1] = acc_1;
  }
  {
    p0[o_2] = acc_2;
  }
  {
    p0[o_3] = acc_3;
  }
  {
    p0[o_4] = acc_4;
  }
  {
    p0[o_5] = acc_5;
  }
  {
    p0[o_6] = acc_6;
  }
  {
    p0[o_7] = acc_7;
  }
  {
    p0[o_8] = acc_8;
  }
  {
    p0[o_9] = acc_9;
  }
  {
    p0[o_10] = acc_10;
  }
  {
    p0[o_11] = acc_11;
  }
  {
    p0[o_12] = acc_12;
  }
  {
    p0[o_13] = acc_13;
  }
  {
    p0[o_14] = acc_14;
  }
  {
    p0[o_15] = acc_15;
  }
}
