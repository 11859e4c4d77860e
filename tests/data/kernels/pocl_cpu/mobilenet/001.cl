// tile 16 (dim 3) x 8 (dim 2), work-group 32, vector loads, tile 0 outermost, interior split, vector epilogue, hoisted addresses
//   _T14[n, y, x, c : 1, 112, 112, 32] = +(_T13[n, y + i - 1, x + j - 1, c] * conv_dw_1/depthwise_kernel_scaled[i, j, c, 0]);
//   _T23 = _T14 + _T14_bias;
//   _T25 = max(_T23, 0.0);
//   _T27 = min(_T25, 6.0);
//   p0: _T27 float32[1, 112, 112, 32]
//   p1: _T13 float32[1, 112, 112, 32]
//   p2: conv_dw_1/depthwise_kernel_scaled float32[3, 3, 32, 1]
//   p3: _T14_bias float32[32]
// launch: global 3136x1x1, local 32x1x1, 8343808 flops, 3212544 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off, __global const float* p3_buf, const ulong p3_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  __global const float* p3 = p3_buf + p3_off;
  const size_t gid = get_global_id(0);
  if (gid >= 3136) return;
  const int c2 = (int)(gid % 14) * 8;
  const int c1 = (int)((gid / 14) % 112);
  const int c0 = (int)(((gid / 14) / 112) % 1);
  const int c3 = (int)((((gid / 14) / 112) / 1)) * 16;
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
  const int c2_0 = c2;
  const int c2_1 = c2 + 1;
  const int c2_2 = c2 + 2;
  const int c2_3 = c2 + 3;
  const int c2_4 = c2 + 4;
  const int c2_5 = c2 + 5;
  const int c2_6 = c2 + 6;
  const int c2_7 = c2 + 7;
  const int o_0_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_0;
  const int o_0_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_0;
  const int o_0_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_0;
  const int o_0_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_0;
  const int o_0_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_0;
  const int o_0_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_0;
  const int o_0_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_0;
  const int o_0_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_0;
  const int o_1_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_1;
  const int o_1_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_1;
  const int o_1_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_1;
  const int o_1_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_1;
  const int o_1_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_1;
  const int o_1_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_1;
  const int o_1_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_1;
  const int o_1_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_1;
  const int o_2_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_2;
  const int o_2_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_2;
  const int o_2_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_2;
  const int o_2_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_2;
  const int o_2_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_2;
  const int o_2_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_2;
  const int o_2_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_2;
  const int o_2_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_2;
  const int o_3_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_3;
  const int o_3_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_3;
  const int o_3_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_3;
  const int o_3_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_3;
  const int o_3_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_3;
  const int o_3_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_3;
  const int o_3_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_3;
  const int o_3_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_3;
  const int o_4_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_4;
  const int o_4_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_4;
  const int o_4_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_4;
  const int o_4_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_4;
  const int o_4_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_4;
  const int o_4_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_4;
  const int o_4_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_4;
  const int o_4_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_4;
  const int o_5_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_5;
  const int o_5_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_5;
  const int o_5_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_5;
  const int o_5_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_5;
  const int o_5_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_5;
  const int o_5_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_5;
  const int o_5_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_5;
  const int o_5_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_5;
  const int o_6_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_6;
  const int o_6_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_6;
  const int o_6_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_6;
  const int o_6_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_6;
  const int o_6_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_6;
  const int o_6_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_6;
  const int o_6_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_6;
  const int o_6_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_6;
  const int o_7_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_7;
  const int o_7_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_7;
  const int o_7_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_7;
  const int o_7_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_7;
  const int o_7_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_7;
  const int o_7_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_7;
  const int o_7_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_7;
  const int o_7_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_7;
  const int o_8_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_8;
  const int o_8_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_8;
  const int o_8_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_8;
  const int o_8_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_8;
  const int o_8_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_8;
  const int o_8_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_8;
  const int o_8_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_8;
  const int o_8_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_8;
  const int o_9_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_9;
  const int o_9_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_9;
  const int o_9_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_9;
  const int o_9_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_9;
  const int o_9_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_9;
  const int o_9_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_9;
  const int o_9_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_9;
  const int o_9_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_9;
  const int o_10_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_10;
  const int o_10_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_10;
  const int o_10_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_10;
  const int o_10_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_10;
  const int o_10_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_10;
  const int o_10_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_10;
  const int o_10_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_10;
  const int o_10_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_10;
  const int o_11_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_11;
  const int o_11_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_11;
  const int o_11_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_11;
  const int o_11_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_11;
  const int o_11_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_11;
  const int o_11_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_11;
  const int o_11_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_11;
  const int o_11_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_11;
  const int o_12_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_12;
  const int o_12_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_12;
  const int o_12_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_12;
  const int o_12_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_12;
  const int o_12_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_12;
  const int o_12_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_12;
  const int o_12_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_12;
  const int o_12_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_12;
  const int o_13_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_13;
  const int o_13_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_13;
  const int o_13_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_13;
  const int o_13_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_13;
  const int o_13_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_13;
  const int o_13_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_13;
  const int o_13_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_13;
  const int o_13_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_13;
  const int o_14_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_14;
  const int o_14_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_14;
  const int o_14_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_14;
  const int o_14_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_14;
  const int o_14_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_14;
  const int o_14_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_14;
  const int o_14_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_14;
  const int o_14_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_14;
  const int o_15_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_15;
  const int o_15_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_15;
  const int o_15_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_15;
  const int o_15_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_15;
  const int o_15_4 = c0 * 401408 + c1 * 3584 + c2_4 * 32 + c3_15;
  const int o_15_5 = c0 * 401408 + c1 * 3584 + c2_5 * 32 + c3_15;
  const int o_15_6 = c0 * 401408 + c1 * 3584 + c2_6 * 32 + c3_15;
  const int o_15_7 = c0 * 401408 + c1 * 3584 + c2_7 * 32 + c3_15;
  const int i_n = (c0);
  const int i_y = (c1);
  const int i_x_0 = c2_0;
  const int i_x_1 = c2_1;
  const int i_x_2 = c2_2;
  const int i_x_3 = c2_3;
  const int i_x_4 = c2_4;
  const int i_x_5 = c2_5;
  const int i_x_6 = c2_6;
  const int i_x_7 = c2_7;
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
  float16 accv_0 = (float16)(0.0f);
  float16 accv_1 = (float16)(0.0f);
  float16 accv_2 = (float16)(0.0f);
  float16 accv_3 = (float16)(0.0f);
  float16 accv_4 = (float16)(0.0f);
  float16 accv_5 = (float16)(0.0f);
  float16 accv_6 = (float16)(0.0f);
  float16 accv_7 = (float16)(0.0f);
  if (1 && i_n >= 0 && i_n < 1 && i_y >= 0 && i_y < 112 && (i_n) >= 0 && (i_n) < 1 && 0 >= 0 && 0 < 1) {
    if (((i_x_0 + (0) - 1)) >= 0 && ((i_x_7 + (2) - 1)) < 112) {
      for (int i_i = max(max(0, -((i_y - 1))), -(0)), e_i = min(min(3, 112 - (i_y - 1)), 3 - 0); i_i < e_i; ++i_i) {
        __global const float* const hp0_0 = p1 + (i_n) * 401408 + (i_y + i_i - 1) * 3584 + (i_x_0 - 1) * 32 + (i_c_0);
        __global const float* const hp1_1 = p2 + (i_i) * 96 + (i_c_0);
        for (int i_j = max(0, -(0)), e_j = min(3, 3 - 0); i_j < e_j; ++i_j) {
          const float16 in0_0 = vload16(0, hp0_0 + i_j * 32);
          const float16 in0_1 = vload16(0, hp0_0 + i_j * 32 + 32);
          const float16 in0_2 = vload16(0, hp0_0 + i_j * 32 + 64);
          const float16 in0_3 = vload16(0, hp0_0 + i_j * 32 + 96);
          const float16 in0_4 = vload16(0, hp0_0 + i_j * 32 + 128);
          const float16 in0_5 = vload16(0, hp0_0 + i_j * 32 + 160);
          const float16 in0_6 = vload16(0, hp0_0 + i_j * 32 + 192);
          const float16 in0_7 = vload16(0, hp0_0 + i_j * 32 + 224);
          const float16 in1 = vload16(0, hp1_1 + i_j * 32);
          accv_0 += in0_0 * in1;
          accv_1 += in0_1 * in1;
          accv_2 += in0_2 * in1;
          accv_3 += in0_3 * in1;
          accv_4 += in0_4 * in1;
          accv_5 += in0_5 * in1;
          accv_6 += in0_6 * in1;
          accv_7 += in0_7 * in1;
        }
      }
    }
    else {
      for (int i_i = max(max(0, -((i_y - 1))), -(0)), e_i = min(min(3, 112 - (i_y - 1)), 3 - 0); i_i < e_i; ++i_i) {
        __global const float* const hp1_0 = p2 + (i_i) * 96 + (i_c_0);
        for (int i_j = max(0, -(0)), e_j = min(3, 3 - 0); i_j < e_j; ++i_j) {
          const int ok2_b0 = (i_x_0 + i_j - 1) >= 0 && (i_x_0 + i_j - 1) < 112;
          const int ok2_b1 = (i_x_1 + i_j - 1) >= 0 && (i_x_1 + i_j - 1) < 112;
          const int ok2_b2 = (i_x_2 + i_j - 1) >= 0 && (i_x_2 + i_j - 1) < 112;
          const int ok2_b3 = (i_x_3 + i_j - 1) >= 0 && (i_x_3 + i_j - 1) < 112;
          const int ok2_b4 = (i_x_4 + i_j - 1) >= 0 && (i_x_4 + i_j - 1) < 112;
          const int ok2_b5 = (i_x_5 + i_j - 1) >= 0 && (i_x_5 + i_j - 1) < 112;
          const int ok2_b6 = (i_x_6 + i_j - 1) >= 0 && (i_x_6 + i_j - 1) < 112;
          const int ok2_b7 = (i_x_7 + i_j - 1) >= 0 && (i_x_7 + i_j - 1) < 112;
          const float16 in0_0 = (ok2_b0) ? vload16(0, p1 + (i_n) * 401408 + (i_y + i_i - 1) * 3584 + (i_x_0 + i_j - 1) * 32 + (i_c_0)) : (float16)(0.0f);
          const float16 in0_1 = (ok2_b1) ? vload16(0, p1 + (i_n) * 401408 + (i_y + i_i - 1) * 3584 + (i_x_1 + i_j - 1) * 32 + (i_c_0)) : (float16)(0.0f);
          const float16 in0_2 = (ok2_b2) ? vload16(0, p1 + (i_n) * 401408 + (i_y + i_i - 1) * 3584 + (i_x_2 + i_j - 1) * 32 + (i_c_0)) : (float16)(0.0f);
          const float16 in0_3 = (ok2_b3) ? vload16(0, p1 + (i_n) * 401408 + (i_y + i_i - 1) * 3584 + (i_x_3 + i_j - 1) * 32 + (i_c_0)) : (float16)(0.0f);
          const float16 in0_4 = (ok2_b4) ? vload16(0, p1 + (i_n) * 401408 + (i_y + i_i - 1) * 3584 + (i_x_4 + i_j - 1) * 32 + (i_c_0)) : (float16)(0.0f);
          const float16 in0_5 = (ok2_b5) ? vload16(0, p1 + (i_n) * 401408 + (i_y + i_i - 1) * 3584 + (i_x_5 + i_j - 1) * 32 + (i_c_0)) : (float16)(0.0f);
          const float16 in0_6 = (ok2_b6) ? vload16(0, p1 + (i_n) * 401408 + (i_y + i_i - 1) * 3584 + (i_x_6 + i_j - 1) * 32 + (i_c_0)) : (float16)(0.0f);
          const float16 in0_7 = (ok2_b7) ? vload16(0, p1 + (i_n) * 401408 + (i_y + i_i - 1) * 3584 + (i_x_7 + i_j - 1) * 32 + (i_c_0)) : (float16)(0.0f);
          const float16 in1 = vload16(0, hp1_0 + i_j * 32);
          accv_0 += in0_0 * in1;
          accv_1 += in0_1 * in1;
          accv_2 += in0_2 * in1;
          accv_3 += in0_3 * in1;
          accv_4 += in0_4 * in1;
          accv_5 += in0_5 * in1;
          accv_6 += in0_6 * in1;
          accv_7 += in0_7 * in1;
        }
      }
    }
  }
  {
    const float16 epx1_0_0 = vload16(0, p3 + c3_0);
    const float16 epi1_0_0 = (accv_0 + epx1_0_0);
    const float16 epx3_0_0 = (float16)(0.0f);
    const float16 epi2_0_0 = select(fmax(epi1_0_0, epx3_0_0), epi1_0_0 + epx3_0_0, isnan(epi1_0_0) | isnan(epx3_0_0));
    const float16 epx5_0_0 = (float16)(6.0f);
    const float16 epi3_0_0 = select(fmin(epi2_0_0, epx5_0_0), epi2_0_0 + epx5_0_0, isnan(epi2_0_0) | isnan(epx5_0_0));
    vstore16(epi3_0_0, 0, p0 + o_0_0);
  }
  {
    const float16 epx1_0_1 = vload16(0, p3 + c3_0);
    const float16 epi1_0_1 = (accv_1 + epx1_0_1);
    const float16 epx3_0_1 = (float16)(0.0f);
    const float16 epi2_0_1 = select(fmax(epi1_0_1, epx3_0_1), epi1_0_1 + epx3_0_1, isnan(epi1_0_1) | isnan(epx3_0_1));
    const float16 epx5_0_1 = (float16)(6.0f);
    const float16 epi3_0_1 = select(fmin(epi2_0_1, epx5_0_1), epi2_0_1 + epx5_0_1, isnan(epi2_0_1) | isnan(epx5_0_1));
    vstore16(epi3_0_1, 0, p0 + o_0_1);
  }
  {
    const float16 epx1_0_2 = vload16(0, p3 + c3_0);
    const float16 epi1_0_2 = (accv_2 + epx1_0_2);
    const float16 epx3_0_2 = (float16)(0.0f);
    const float16 epi2_0_2 = select(fmax(epi1_0_2, epx3_0_2), epi1_0_2 + epx3_0_2, isnan(epi1_0_2) | isnan(epx3_0_2));
    const float16 epx5_0_2 = (float16)(6.0f);
    const float16 epi3_0_2 = select(fmin(epi2_0_2, epx5_0_2), epi2_0_2 + epx5_0_2, isnan(epi2_0_2) | isnan(epx5_0_2));
    vstore16(epi3_0_2, 0, p0 + o_0_2);
  }
  {
    const float16 epx1_0_3 = vload16(0, p3 + c3_0);
    const float16 epi1_0_3 = (accv_3 + epx1_0_3);
    const float16 epx3_0_3 = (float16)(0.0f);
    const float16 epi2_0_3 = select(fmax(epi1_0_3, epx3_0_3), epi1_0_3 + epx3_0_3, isnan(epi1_0_3) | isnan(epx3_0_3));
    const float16 epx5_0_3 = (float16)(6.0f);
    const float16 epi3_0_3 = select(fmin(epi2_0_3, epx5_0_3), epi2_0_3 + epx5_0_3, isnan(epi2_0_3) | isnan(epx5_0_3));
    vstore16(epi3_0_3, 0, p0 + o_0_3);
  }
  {
    const float16 epx1_0_4 = vload16(0, p3 + c3_0);
    const float16 epi1_0_4 = (accv_4 + epx1_0_4);
    const float16 epx3_0_4 = (float16)(0.0f);
    const float16 epi2_0_4 = select(fmax(epi1_0_4, epx3_0_4), epi1_0_4 + epx3_0_4, isnan(epi1_0_4) | isnan(epx3_0_4));
    const float16 epx5_0_4 = (float16)(6.0f);
    const float16 epi3_0_4 = select(fmin(epi2_0_4, epx5_0_4), epi2_0_4 + epx5_0_4, isnan(epi2_0_4) | isnan(epx5_0_4));
    vstore16(epi3_0_4, 0, p0 + o_0_4);
  }
  {
    const float16 epx1_0_5 = vload16(0, p3 + c3_0);
    const float16 epi1_0_5 = (accv_5 + epx1_0_5);
    const float16 epx3_0_5 = (float16)(0.0f);
    const float16 epi2_0_5 = select(fmax(epi1_0_5, epx3_0_5), epi1_0_5 + epx3_0_5, isnan(epi1_0_5) | isnan(epx3_0_5));
    const float16 epx5_0_5 = (float16)(6.0f);
    const float16 epi3_0_5 = select(fmin(epi2_0_5, epx5_0_5), epi2_0_5 + epx5_0_5, isnan(epi2_0_5) | isnan(epx5_0_5));
    vstore16(epi3_0_5, 0, p0 + o_0_5);
  }
  {
    const float16 epx1_0_6 = vload16(0, p3 + c3_0);
    const float16 epi1_0_6 = (accv_6 + epx1_0_6);
    const float16 epx3_0_6 = (float16)(0.0f);
    const float16 epi2_0_6 = select(fmax(epi1_0_6, epx3_0_6), epi1_0_6 + epx3_0_6, isnan(epi1_0_6) | isnan(epx3_0_6));
    const float16 epx5_0_6 = (float16)(6.0f);
    const float16 epi3_0_6 = select(fmin(epi2_0_6, epx5_0_6), epi2_0_6 + epx5_0_6, isnan(epi2_0_6) | isnan(epx5_0_6));
    vstore16(epi3_0_6, 0, p0 + o_0_6);
  }
  {
    const float16 epx1_0_7 = vload16(0, p3 + c3_0);
    const float16 epi1_0_7 = (accv_7 + epx1_0_7);
    const float16 epx3_0_7 = (float16)(0.0f);
    const float16 epi2_0_7 = select(fmax(epi1_0_7, epx3_0_7), epi1_0_7 + epx3_0_7, isnan(epi1_0_7) | isnan(epx3_0_7));
    const float16 epx5_0_7 = (float16)(6.0f);
    const float16 epi3_0_7 = select(fmin(epi2_0_7, epx5_0_7), epi2_0_7 + epx5_0_7, isnan(epi2_0_7) | isnan(epx5_0_7));
    vstore16(epi3_0_7, 0, p0 + o_0_7);
  }
}
