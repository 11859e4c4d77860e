// tile 32 (dim 3) x 8 (dim 2), work-group 16, unroll 4, vector loads, packed weights, interior split, vector epilogue, hoisted addresses
//   prologue: _T1468 = _T13 * _T13_scale;
//   prologue: _T22 = _T1468 + _T13_shift;
//   prologue: _T23 = relu(_T22);
//   _T24[n, y, x, k : 1, 56, 56, 128] = +(_T23[n, y, x, c] * conv2_block1_1_conv/kernel_scaled[0, 0, c, k]);
//   _T33 = _T24 + _T24_bias;
//   _T34 = relu(_T33);
//   p0: _T34 float32[1, 56, 56, 128]
//   p1: _T13 float32[1, 56, 56, 64]
//   p2: _T13_scale float32[64]
//   p3: _T13_shift float32[64]
//   p4: conv2_block1_1_conv/kernel_scaled float32[1, 1, 64, 128], packed in panels of 32
//   p5: _T24_bias float32[128]
// launch: global 1568x1x1, local 16x1x1, 52785152 flops, 2442240 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off, __global const float* p3_buf, const ulong p3_off, __global const float* p4_buf, const ulong p4_off, __global const float* p5_buf, const ulong p5_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  __global const float* p3 = p3_buf + p3_off;
  __global const float* p4 = p4_buf + p4_off;
  __global const float* p5 = p5_buf + p5_off;
  const size_t gid = get_global_id(0);
  if (gid >= 1568) return;
  const int c3 = (int)(gid % 4) * 32;
  const int c2 = (int)((gid / 4) % 7) * 8;
  const int c1 = (int)(((gid / 4) / 7) % 56);
  const int c0 = (int)((((gid / 4) / 7) / 56));
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
  const int c3_16 = c3 + 16;
  const int c3_17 = c3 + 17;
  const int c3_18 = c3 + 18;
  const int c3_19 = c3 + 19;
  const int c3_20 = c3 + 20;
  const int c3_21 = c3 + 21;
  const int c3_22 = c3 + 22;
  const int c3_23 = c3 + 23;
  const int c3_24 = c3 + 24;
  const int c3_25 = c3 + 25;
  const int c3_26 = c3 + 26;
  const int c3_27 = c3 + 27;
  const int c3_28 = c3 + 28;
  const int c3_29 = c3 + 29;
  const int c3_30 = c3 + 30;
  const int c3_31 = c3 + 31;
  const int c2_0 = c2;
  const int c2_1 = c2 + 1;
  const int c2_2 = c2 + 2;
  const int c2_3 = c2 + 3;
  const int c2_4 = c2 + 4;
  const int c2_5 = c2 + 5;
  const int c2_6 = c2 + 6;
  const int c2_7 = c2 + 7;
  const int o_0_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_0;
  const int o_0_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_0;
  const int o_0_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_0;
  const int o_0_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_0;
  const int o_0_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_0;
  const int o_0_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_0;
  const int o_0_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_0;
  const int o_0_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_0;
  const int o_1_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_1;
  const int o_1_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_1;
  const int o_1_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_1;
  const int o_1_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_1;
  const int o_1_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_1;
  const int o_1_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_1;
  const int o_1_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_1;
  const int o_1_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_1;
  const int o_2_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_2;
  const int o_2_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_2;
  const int o_2_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_2;
  const int o_2_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_2;
  const int o_2_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_2;
  const int o_2_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_2;
  const int o_2_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_2;
  const int o_2_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_2;
  const int o_3_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_3;
  const int o_3_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_3;
  const int o_3_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_3;
  const int o_3_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_3;
  const int o_3_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_3;
  const int o_3_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_3;
  const int o_3_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_3;
  const int o_3_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_3;
  const int o_4_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_4;
  const int o_4_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_4;
  const int o_4_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_4;
  const int o_4_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_4;
  const int o_4_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_4;
  const int o_4_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_4;
  const int o_4_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_4;
  const int o_4_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_4;
  const int o_5_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_5;
  const int o_5_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_5;
  const int o_5_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_5;
  const int o_5_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_5;
  const int o_5_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_5;
  const int o_5_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_5;
  const int o_5_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_5;
  const int o_5_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_5;
  const int o_6_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_6;
  const int o_6_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_6;
  const int o_6_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_6;
  const int o_6_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_6;
  const int o_6_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_6;
  const int o_6_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_6;
  const int o_6_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_6;
  const int o_6_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_6;
  const int o_7_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_7;
  const int o_7_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_7;
  const int o_7_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_7;
  const int o_7_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_7;
  const int o_7_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_7;
  const int o_7_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_7;
  const int o_7_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_7;
  const int o_7_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_7;
  const int o_8_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_8;
  const int o_8_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_8;
  const int o_8_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_8;
  const int o_8_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_8;
  const int o_8_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_8;
  const int o_8_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_8;
  const int o_8_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_8;
  const int o_8_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_8;
  const int o_9_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_9;
  const int o_9_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_9;
  const int o_9_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_9;
  const int o_9_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_9;
  const int o_9_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_9;
  const int o_9_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_9;
  const int o_9_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_9;
  const int o_9_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_9;
  const int o_10_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_10;
  const int o_10_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_10;
  const int o_10_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_10;
  const int o_10_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_10;
  const int o_10_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_10;
  const int o_10_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_10;
  const int o_10_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_10;
  const int o_10_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_10;
  const int o_11_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_11;
  const int o_11_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_11;
  const int o_11_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_11;
  const int o_11_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_11;
  const int o_11_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_11;
  const int o_11_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_11;
  const int o_11_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_11;
  const int o_11_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_11;
  const int o_12_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_12;
  const int o_12_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_12;
  const int o_12_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_12;
  const int o_12_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_12;
  const int o_12_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_12;
  const int o_12_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_12;
  const int o_12_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_12;
  const int o_12_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_12;
  const int o_13_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_13;
  const int o_13_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_13;
  const int o_13_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_13;
  const int o_13_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_13;
  const int o_13_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_13;
  const int o_13_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_13;
  const int o_13_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_13;
  const int o_13_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_13;
  const int o_14_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_14;
  const int o_14_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_14;
  const int o_14_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_14;
  const int o_14_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_14;
  const int o_14_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_14;
  const int o_14_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_14;
  const int o_14_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_14;
  const int o_14_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_14;
  const int o_15_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_15;
  const int o_15_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_15;
  const int o_15_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_15;
  const int o_15_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_15;
  const int o_15_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_15;
  const int o_15_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_15;
  const int o_15_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_15;
  const int o_15_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_15;
  const int o_16_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_16;
  const int o_16_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_16;
  const int o_16_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_16;
  const int o_16_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_16;
  const int o_16_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_16;
  const int o_16_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_16;
  const int o_16_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_16;
  const int o_16_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_16;
  const int o_17_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_17;
  const int o_17_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_17;
  const int o_17_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_17;
  const int o_17_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_17;
  const int o_17_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_17;
  const int o_17_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_17;
  const int o_17_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_17;
  const int o_17_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_17;
  const int o_18_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_18;
  const int o_18_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_18;
  const int o_18_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_18;
  const int o_18_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_18;
  const int o_18_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_18;
  const int o_18_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_18;
  const int o_18_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_18;
  const int o_18_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_18;
  const int o_19_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_19;
  const int o_19_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_19;
  const int o_19_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_19;
  const int o_19_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_19;
  const int o_19_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_19;
  const int o_19_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_19;
  const int o_19_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_19;
  const int o_19_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_19;
  const int o_20_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_20;
  const int o_20_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_20;
  const int o_20_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_20;
  const int o_20_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_20;
  const int o_20_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_20;
  const int o_20_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_20;
  const int o_20_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_20;
  const int o_20_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_20;
  const int o_21_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_21;
  const int o_21_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_21;
  const int o_21_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_21;
  const int o_21_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_21;
  const int o_21_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_21;
  const int o_21_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_21;
  const int o_21_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_21;
  const int o_21_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_21;
  const int o_22_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_22;
  const int o_22_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_22;
  const int o_22_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_22;
  const int o_22_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_22;
  const int o_22_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_22;
  const int o_22_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_22;
  const int o_22_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_22;
  const int o_22_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_22;
  const int o_23_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_23;
  const int o_23_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_23;
  const int o_23_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_23;
  const int o_23_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_23;
  const int o_23_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_23;
  const int o_23_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_23;
  const int o_23_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_23;
  const int o_23_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_23;
  const int o_24_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_24;
  const int o_24_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_24;
  const int o_24_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_24;
  const int o_24_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_24;
  const int o_24_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_24;
  const int o_24_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_24;
  const int o_24_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_24;
  const int o_24_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_24;
  const int o_25_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_25;
  const int o_25_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_25;
  const int o_25_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_25;
  const int o_25_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_25;
  const int o_25_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_25;
  const int o_25_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_25;
  const int o_25_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_25;
  const int o_25_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_25;
  const int o_26_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_26;
  const int o_26_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_26;
  const int o_26_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_26;
  const int o_26_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_26;
  const int o_26_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_26;
  const int o_26_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_26;
  const int o_26_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_26;
  const int o_26_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_26;
  const int o_27_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_27;
  const int o_27_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_27;
  const int o_27_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_27;
  const int o_27_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_27;
  const int o_27_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_27;
  const int o_27_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_27;
  const int o_27_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_27;
  const int o_27_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_27;
  const int o_28_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_28;
  const int o_28_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_28;
  const int o_28_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_28;
  const int o_28_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_28;
  const int o_28_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_28;
  const int o_28_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_28;
  const int o_28_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_28;
  const int o_28_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_28;
  const int o_29_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_29;
  const int o_29_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_29;
  const int o_29_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_29;
  const int o_29_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_29;
  const int o_29_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_29;
  const int o_29_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_29;
  const int o_29_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_29;
  const int o_29_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_29;
  const int o_30_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_30;
  const int o_30_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_30;
  const int o_30_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_30;
  const int o_30_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_30;
  const int o_30_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_30;
  const int o_30_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_30;
  const int o_30_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_30;
  const int o_30_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_30;
  const int o_31_0 = c0 * 401408 + c1 * 7168 + c2_0 * 128 + c3_31;
  const int o_31_1 = c0 * 401408 + c1 * 7168 + c2_1 * 128 + c3_31;
  const int o_31_2 = c0 * 401408 + c1 * 7168 + c2_2 * 128 + c3_31;
  const int o_31_3 = c0 * 401408 + c1 * 7168 + c2_3 * 128 + c3_31;
  const int o_31_4 = c0 * 401408 + c1 * 7168 + c2_4 * 128 + c3_31;
  const int o_31_5 = c0 * 401408 + c1 * 7168 + c2_5 * 128 + c3_31;
  const int o_31_6 = c0 * 401408 + c1 * 7168 + c2_6 * 128 + c3_31;
  const int o_31_7 = c0 * 401408 + c1 * 7168 + c2_7 * 128 + c3_31;
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
  const int i_k_0 = c3_0;
  const int i_k_1 = c3_1;
  const int i_k_2 = c3_2;
  const int i_k_3 = c3_3;
  const int i_k_4 = c3_4;
  const int i_k_5 = c3_5;
  const int i_k_6 = c3_6;
  const int i_k_7 = c3_7;
  const int i_k_8 = c3_8;
  const int i_k_9 = c3_9;
  const int i_k_10 = c3_10;
  const int i_k_11 = c3_11;
  const int i_k_12 = c3_12;
  const int i_k_13 = c3_13;
  const int i_k_14 = c3_14;
  const int i_k_15 = c3_15;
  const int i_k_16 = c3_16;
  const int i_k_17 = c3_17;
  const int i_k_18 = c3_18;
  const int i_k_19 = c3_19;
  const int i_k_20 = c3_20;
  const int i_k_21 = c3_21;
  const int i_k_22 = c3_22;
  const int i_k_23 = c3_23;
  const int i_k_24 = c3_24;
  const int i_k_25 = c3_25;
  const int i_k_26 = c3_26;
  const int i_k_27 = c3_27;
  const int i_k_28 = c3_28;
  const int i_k_29 = c3_29;
  const int i_k_30 = c3_30;
  const int i_k_31 = c3_31;
  float16 accvv0_0 = (float16)(0.0f);
  float16 accvv1_0 = (float16)(0.0f);
  float16 accvv0_1 = (float16)(0.0f);
  float16 accvv1_1 = (float16)(0.0f);
  float16 accvv0_2 = (float16)(0.0f);
  float16 accvv1_2 = (float16)(0.0f);
  float16 accvv0_3 = (float16)(0.0f);
  float16 accvv1_3 = (float16)(0.0f);
  float16 accvv0_4 = (float16)(0.0f);
  float16 accvv1_4 = (float16)(0.0f);
  float16 accvv0_5 = (float16)(0.0f);
  float16 accvv1_5 = (float16)(0.0f);
  float16 accvv0_6 = (float16)(0.0f);
  float16 accvv1_6 = (float16)(0.0f);
  float16 accvv0_7 = (float16)(0.0f);
  float16 accvv1_7 = (float16)(0.0f);
  if (1 && i_n >= 0 && i_n < 1 && i_y >= 0 && i_y < 56 && (i_n) >= 0 && (i_n) < 1 && (i_y) >= 0 && (i_y) < 56 && 0 >= 0 && 0 < 1 && 0 >= 0 && 0 < 1) {
    __global const float* const hp1_0 = p4 + c3 * 64;
    #pragma unroll 4
    for (int i_c = max(max(0, -(0)), -(0)), e_c = min(min(64, 64 - 0), 64 - 0); i_c < e_c; ++i_c) {
      float pv0_0 = 0.0f;
      {
        const float pv0_0_0 = p1[(i_y) * 3584 + (i_x_0) * 64 + (i_c)];
        const float pv0_0_1 = p2[(i_c)];
        const float pv0_0_2 = ((pv0_0_0) * (pv0_0_1));
        const float pv0_0_3 = p3[(i_c)];
        const float pv0_0_4 = ((pv0_0_2) + (pv0_0_3));
        const float pv0_0_5 = ((pv0_0_4) < 0.0f ? 0.0f : (pv0_0_4));
        pv0_0 = pv0_0_5;
      }
      float pv0_1 = 0.0f;
      {
        const float pv0_1_0 = p1[(i_y) * 3584 + (i_x_1) * 64 + (i_c)];
        const float pv0_1_1 = p2[(i_c)];
        const float pv0_1_2 = ((pv0_1_0) * (pv0_1_1));
        const float pv0_1_3 = p3[(i_c)];
        const float pv0_1_4 = ((pv0_1_2) + (pv0_1_3));
        const float pv0_1_5 = ((pv0_1_4) < 0.0f ? 0.0f : (pv0_1_4));
        pv0_1 = pv0_1_5;
      }
      float pv0_2 = 0.0f;
      {
        const float pv0_2_0 = p1[(i_y) * 3584 + (i_x_2) * 64 + (i_c)];
        const float pv0_2_1 = p2[(i_c)];
        const float pv0_2_2 = ((pv0_2_0) * (pv0_2_1));
        const float pv0_2_3 = p3[(i_c)];
        const float pv0_2_4 = ((pv0_2_2) + (pv0_2_3));
        const float pv0_2_5 = ((pv0_2_4) < 0.0f ? 0.0f : (pv0_2_4));
        pv0_2 = pv0_2_5;
      }
      float pv0_3 = 0.0f;
      {
        const float pv0_3_0 = p1[(i_y) * 3584 + (i_x_3) * 64 + (i_c)];
        const float pv0_3_1 = p2[(i_c)];
        const float pv0_3_2 = ((pv0_3_0) * (pv0_3_1));
        const float pv0_3_3 = p3[(i_c)];
        const float pv0_3_4 = ((pv0_3_2) + (pv0_3_3));
        const float pv0_3_5 = ((pv0_3_4) < 0.0f ? 0.0f : (pv0_3_4));
        pv0_3 = pv0_3_5;
      }
      float pv0_4 = 0.0f;
      {
        const float pv0_4_0 = p1[(i_y) * 3584 + (i_x_4) * 64 + (i_c)];
        const float pv0_4_1 = p2[(i_c)];
        const float pv0_4_2 = ((pv0_4_0) * (pv0_4_1));
        const float pv0_4_3 = p3[(i_c)];
        const float pv0_4_4 = ((pv0_4_2) + (pv0_4_3));
        const float pv0_4_5 = ((pv0_4_4) < 0.0f ? 0.0f : (pv0_4_4));
        pv0_4 = pv0_4_5;
      }
      float pv0_5 = 0.0f;
      {
        const float pv0_5_0 = p1[(i_y) * 3584 + (i_x_5) * 64 + (i_c)];
        const float pv0_5_1 = p2[(i_c)];
        const float pv0_5_2 = ((pv0_5_0) * (pv0_5_1));
        const float pv0_5_3 = p3[(i_c)];
        const float pv0_5_4 = ((pv0_5_2) + (pv0_5_3));
        const float pv0_5_5 = ((pv0_5_4) < 0.0f ? 0.0f : (pv0_5_4));
        pv0_5 = pv0_5_5;
      }
      float pv0_6 = 0.0f;
      {
        const float pv0_6_0 = p1[(i_y) * 3584 + (i_x_6) * 64 + (i_c)];
        const float pv0_6_1 = p2[(i_c)];
        const float pv0_6_2 = ((pv0_6_0) * (pv0_6_1));
        const float pv0_6_3 = p3[(i_c)];
        const float pv0_6_4 = ((pv0_6_2) + (pv0_6_3));
        const float pv0_6_5 = ((pv0_6_4) < 0.0f ? 0.0f : (pv0_6_4));
        pv0_6 = pv0_6_5;
      }
      float pv0_7 = 0.0f;
      {
        const float pv0_7_0 = p1[(i_y) * 3584 + (i_x_7) * 64 + (i_c)];
        const float pv0_7_1 = p2[(i_c)];
        const float pv0_7_2 = ((pv0_7_0) * (pv0_7_1));
        const float pv0_7_3 = p3[(i_c)];
        const float pv0_7_4 = ((pv0_7_2) + (pv0_7_3));
        const float pv0_7_5 = ((pv0_7_4) < 0.0f ? 0.0f : (pv0_7_4));
        pv0_7 = pv0_7_5;
      }
      const float16 in1v0 = vload16(0, hp1_0 + i_c * 32);
      const float16 in1v1 = vload16(0, hp1_0 + i_c * 32 + 16);
      accvv0_0 += pv0_0 * in1v0;
      accvv1_0 += pv0_0 * in1v1;
      accvv0_1 += pv0_1 * in1v0;
      accvv1_1 += pv0_1 * in1v1;
      accvv0_2 += pv0_2 * in1v0;
      accvv1_2 += pv0_2 * in1v1;
      accvv0_3 += pv0_3 * in1v0;
      accvv1_3 += pv0_3 * in1v1;
      accvv0_4 += pv0_4 * in1v0;
      accvv1_4 += pv0_4 * in1v1;
      accvv0_5 += pv0_5 * in1v0;
      accvv1_5 += pv0_5 * in1v1;
      accvv0_6 += pv0_6 * in1v0;
      accvv1_6 += pv0_6 * in1v1;
      accvv0_7 += pv0_7 * in1v0;
      accvv1_7 += pv0_7 * in1v1;
    }
  }
  {
    const float16 epx1_0_0 = vload16(0, p5 + c3_0);
    const float16 epi1_0_0 = (accvv0_0 + epx1_0_0);
    const float16 epi2_0_0 = select(epi1_0_0, (float16)(0.0f), epi1_0_0 < (float16)(0.0f));
    vstore16(epi2_0_0, 0, p0 + o_0_0);
  }
  {
    const float16 epx1_1_0 = vload16(0, p5 + c3_16);
    const float16 epi1_1_0 = (accvv1_0 + epx1_1_0);
    const float16 epi2_1_0 = select(epi1_1_0, (float16)(0.0f), epi1_1_0 < (float16)(0.0f));
    vstore16(epi2_1_0, 0, p0 + o_16_0);
  }
  {
    const float16 epx1_0_1 = vload16(0, p5 + c3_0);
    const float16 epi1_0_1 = (accvv0_1 + epx1_0_1);
    const float16 epi2_0_1 = select(epi1_0_1, (float16)(0.0f), epi1_0_1 < (float16)(0.0f));
    vstore16(epi2_0_1, 0, p0 + o_0_1);
  }
  {
    const float16 epx1_1_1 = vload16(0, p5 + c3_16);
    const float16 epi1_1_1 = (accvv1_1 + epx1_1_1);
    const float16 epi2_1_1 = select(epi1_1_1, (float16)(0.0f), epi1_1_1 < (float16)(0.0f));
    vstore16(epi2_1_1, 0, p0 + o_16_1);
  }
  {
    const float16 epx1_0_2 = vload16(0, p5 + c3_0);
    const float16 epi1_0_2 = (accvv0_2 + epx1_0_2);
    const float16 epi2_0_2 = select(epi1_0_2, (float16)(0.0f), epi1_0_2 < (float16)(0.0f));
    vstore16(epi2_0_2, 0, p0 + o_0_2);
  }
  {
    const float16 epx1_1_2 = vload16(0, p5 + c3_16);
    const float16 epi1_1_2 = (accvv1_2 + epx1_1_2);
    const float16 epi2_1_2 = select(epi1_1_2, (float16)(0.0f), epi1_1_2 < (float16)(0.0f));
    vstore16(epi2_1_2, 0, p0 + o_16_2);
  }
  {
    const float16 epx1_0_3 = vload16(0, p5 + c3_0);
    const float16 epi1_0_3 = (accvv0_3 + epx1_0_3);
    const float16 epi2_0_3 = select(epi1_0_3, (float16)(0.0f), epi1_0_3 < (float16)(0.0f));
    vstore16(epi2_0_3, 0, p0 + o_0_3);
  }
  {
    const float16 epx1_1_3 = vload16(0, p5 + c3_16);
    const float16 epi1_1_3 = (accvv1_3 + epx1_1_3);
    const float16 epi2_1_3 = select(epi1_1_3, (float16)(0.0f), epi1_1_3 < (float16)(0.0f));
    vstore16(epi2_1_3, 0, p0 + o_16_3);
  }
  {
    const float16 epx1_0_4 = vload16(0, p5 + c3_0);
    const float16 epi1_0_4 = (accvv0_4 + epx1_0_4);
    const float16 epi2_0_4 = select(epi1_0_4, (float16)(0.0f), epi1_0_4 < (float16)(0.0f));
    vstore16(epi2_0_4, 0, p0 + o_0_4);
  }
  {
    const float16 epx1_1_4 = vload16(0, p5 + c3_16);
    const float16 epi1_1_4 = (accvv1_4 + epx1_1_4);
    const float16 epi2_1_4 = select(epi1_1_4, (float16)(0.0f), epi1_1_4 < (float16)(0.0f));
    vstore16(epi2_1_4, 0, p0 + o_16_4);
  }
  {
    const float16 epx1_0_5 = vload16(0, p5 + c3_0);
    const float16 epi1_0_5 = (accvv0_5 + epx1_0_5);
    const float16 epi2_0_5 = select(epi1_0_5, (float16)(0.0f), epi1_0_5 < (float16)(0.0f));
    vstore16(epi2_0_5, 0, p0 + o_0_5);
  }
  {
    const float16 epx1_1_5 = vload16(0, p5 + c3_16);
    const float16 epi1_1_5 = (accvv1_5 + epx1_1_5);
    const float16 epi2_1_5 = select(epi1_1_5, (float16)(0.0f), epi1_1_5 < (float16)(0.0f));
    vstore16(epi2_1_5, 0, p0 + o_16_5);
  }
  {
    const float16 epx1_0_6 = vload16(0, p5 + c3_0);
    const float16 epi1_0_6 = (accvv0_6 + epx1_0_6);
    const float16 epi2_0_6 = select(epi1_0_6, (float16)(0.0f), epi1_0_6 < (float16)(0.0f));
    vstore16(epi2_0_6, 0, p0 + o_0_6);
  }
  {
    const float16 epx1_1_6 = vload16(0, p5 + c3_16);
    const float16 epi1_1_6 = (accvv1_6 + epx1_1_6);
    const float16 epi2_1_6 = select(epi1_1_6, (float16)(0.0f), epi1_1_6 < (float16)(0.0f));
    vstore16(epi2_1_6, 0, p0 + o_16_6);
  }
  {
    const float16 epx1_0_7 = vload16(0, p5 + c3_0);
    const float16 epi1_0_7 = (accvv0_7 + epx1_0_7);
    const float16 epi2_0_7 = select(epi1_0_7, (float16)(0.0f), epi1_0_7 < (float16)(0.0f));
    vstore16(epi2_0_7, 0, p0 + o_0_7);
  }
  {
    const float16 epx1_1_7 = vload16(0, p5 + c3_16);
    const float16 epi1_1_7 = (accvv1_7 + epx1_1_7);
    const float16 epi2_1_7 = select(epi1_1_7, (float16)(0.0f), epi1_1_7 < (float16)(0.0f));
    vstore16(epi2_1_7, 0, p0 + o_16_7);
  }
}
