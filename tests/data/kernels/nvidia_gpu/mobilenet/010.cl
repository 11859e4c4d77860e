// local-memory GEMM: work-group 16x4, tile 4x4 (block 64x16), K chunk 64, vector 4, double-buffered, K split 4
//   _T142[n, y, x, k : 1, 28, 28, 256] = +(_T141[n, y, x, c] * conv_pw_5/kernel_scaled[0, 0, c, k]);
//   _T151 = _T142 + _T142_bias;
//   _T153 = max(_T151, 0.0);
//   _T155 = min(_T153, 6.0);
//   p0: _T155 float32[1, 28, 28, 256]
//   p1: _T141 float32[1, 28, 28, 256]
//   p2: conv_pw_5/kernel_scaled float32[1, 1, 256, 256]
//   p3: _T142_bias float32[256]
// launch: global 53248x1x1, local 256x1x1 (exact), 103362560 flops, 1868800 bytes
__kernel __attribute__((reqd_work_group_size(256, 1, 1))) void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off, __global const float* p3_buf, const ulong p3_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  __global const float* p3 = p3_buf + p3_off;
  __local float la[8704] __attribute__((aligned(16)));
  __local float lb[2048] __attribute__((aligned(16)));
  const int lid = (int)get_local_id(0);
  const int tx = lid % 64 % 4;
  const int ty = lid % 64 / 4;
  const int part = lid / 64;
  const int grp = (int)get_group_id(0);
  const int gcol = (grp % 16) * 16;
  const int grow = ((grp / 16) % 13) * 64;
  const int kkA0 = lid % 64;
  const int eA0 = lid / 64 + 0;
  const int pA0 = grow + eA0;
  const int pA0_n = (pA0 / 784);
  const int pA0_y = ((pA0 / 28) % 28);
  const int pA0_x = (pA0 % 28);
  const int okpA0 = pA0 < 784;
  const int offA0 = (pA0_n) * 200704 + (pA0_y) * 7168 + (pA0_x) * 256 + (0) + 1 * kkA0;
  const int oklA0 = okpA0;
  const int kkA1 = lid % 64;
  const int eA1 = lid / 64 + 4;
  const int pA1 = grow + eA1;
  const int pA1_n = (pA1 / 784);
  const int pA1_y = ((pA1 / 28) % 28);
  const int pA1_x = (pA1 % 28);
  const int okpA1 = pA1 < 784;
  const int offA1 = (pA1_n) * 200704 + (pA1_y) * 7168 + (pA1_x) * 256 + (0) + 1 * kkA1;
  const int oklA1 = okpA1;
  const int kkA2 = lid % 64;
  const int eA2 = lid / 64 + 8;
  const int pA2 = grow + eA2;
  const int pA2_n = (pA2 / 784);
  const int pA2_y = ((pA2 / 28) % 28);
  const int pA2_x = (pA2 % 28);
  const int okpA2 = pA2 < 784;
  const int offA2 = (pA2_n) * 200704 + (pA2_y) * 7168 + (pA2_x) * 256 + (0) + 1 * kkA2;
  const int oklA2 = okpA2;
  const int kkA3 = lid % 64;
  const int eA3 = lid / 64 + 12;
  const int pA3 = grow + eA3;
  const int pA3_n = (pA3 / 784);
  const int pA3_y = ((pA3 / 28) % 28);
  const int pA3_x = (pA3 % 28);
  const int okpA3 = pA3 < 784;
  const int offA3 = (pA3_n) * 200704 + (pA3_y) * 7168 + (pA3_x) * 256 + (0) + 1 * kkA3;
  const int oklA3 = okpA3;
  const int kkA4 = lid % 64;
  const int eA4 = lid / 64 + 16;
  const int pA4 = grow + eA4;
  const int pA4_n = (pA4 / 784);
  const int pA4_y = ((pA4 / 28) % 28);
  const int pA4_x = (pA4 % 28);
  const int okpA4 = pA4 < 784;
  const int offA4 = (pA4_n) * 200704 + (pA4_y) * 7168 + (pA4_x) * 256 + (0) + 1 * kkA4;
  const int oklA4 = okpA4;
  const int kkA5 = lid % 64;
  const int eA5 = lid / 64 + 20;
  const int pA5 = grow + eA5;
  const int pA5_n = (pA5 / 784);
  const int pA5_y = ((pA5 / 28) % 28);
  const int pA5_x = (pA5 % 28);
  const int okpA5 = pA5 < 784;
  const int offA5 = (pA5_n) * 200704 + (pA5_y) * 7168 + (pA5_x) * 256 + (0) + 1 * kkA5;
  const int oklA5 = okpA5;
  const int kkA6 = lid % 64;
  const int eA6 = lid / 64 + 24;
  const int pA6 = grow + eA6;
  const int pA6_n = (pA6 / 784);
  const int pA6_y = ((pA6 / 28) % 28);
  const int pA6_x = (pA6 % 28);
  const int okpA6 = pA6 < 784;
  const int offA6 = (pA6_n) * 200704 + (pA6_y) * 7168 + (pA6_x) * 256 + (0) + 1 * kkA6;
  const int oklA6 = okpA6;
  const int kkA7 = lid % 64;
  const int eA7 = lid / 64 + 28;
  const int pA7 = grow + eA7;
  const int pA7_n = (pA7 / 784);
  const int pA7_y = ((pA7 / 28) % 28);
  const int pA7_x = (pA7 % 28);
  const int okpA7 = pA7 < 784;
  const int offA7 = (pA7_n) * 200704 + (pA7_y) * 7168 + (pA7_x) * 256 + (0) + 1 * kkA7;
  const int oklA7 = okpA7;
  const int kkA8 = lid % 64;
  const int eA8 = lid / 64 + 32;
  const int pA8 = grow + eA8;
  const int pA8_n = (pA8 / 784);
  const int pA8_y = ((pA8 / 28) % 28);
  const int pA8_x = (pA8 % 28);
  const int okpA8 = pA8 < 784;
  const int offA8 = (pA8_n) * 200704 + (pA8_y) * 7168 + (pA8_x) * 256 + (0) + 1 * kkA8;
  const int oklA8 = okpA8;
  const int kkA9 = lid % 64;
  const int eA9 = lid / 64 + 36;
  const int pA9 = grow + eA9;
  const int pA9_n = (pA9 / 784);
  const int pA9_y = ((pA9 / 28) % 28);
  const int pA9_x = (pA9 % 28);
  const int okpA9 = pA9 < 784;
  const int offA9 = (pA9_n) * 200704 + (pA9_y) * 7168 + (pA9_x) * 256 + (0) + 1 * kkA9;
  const int oklA9 = okpA9;
  const int kkA10 = lid % 64;
  const int eA10 = lid / 64 + 40;
  const int pA10 = grow + eA10;
  const int pA10_n = (pA10 / 784);
  const int pA10_y = ((pA10 / 28) % 28);
  const int pA10_x = (pA10 % 28);
  const int okpA10 = pA10 < 784;
  const int offA10 = (pA10_n) * 200704 + (pA10_y) * 7168 + (pA10_x) * 256 + (0) + 1 * kkA10;
  const int oklA10 = okpA10;
  const int kkA11 = lid % 64;
  const int eA11 = lid / 64 + 44;
  const int pA11 = grow + eA11;
  const int pA11_n = (pA11 / 784);
  const int pA11_y = ((pA11 / 28) % 28);
  const int pA11_x = (pA11 % 28);
  const int okpA11 = pA11 < 784;
  const int offA11 = (pA11_n) * 200704 + (pA11_y) * 7168 + (pA11_x) * 256 + (0) + 1 * kkA11;
  const int oklA11 = okpA11;
  const int kkA12 = lid % 64;
  const int eA12 = lid / 64 + 48;
  const int pA12 = grow + eA12;
  const int pA12_n = (pA12 / 784);
  const int pA12_y = ((pA12 / 28) % 28);
  const int pA12_x = (pA12 % 28);
  const int okpA12 = pA12 < 784;
  const int offA12 = (pA12_n) * 200704 + (pA12_y) * 7168 + (pA12_x) * 256 + (0) + 1 * kkA12;
  const int oklA12 = okpA12;
  const int kkA13 = lid % 64;
  const int eA13 = lid / 64 + 52;
  const int pA13 = grow + eA13;
  const int pA13_n = (pA13 / 784);
  const int pA13_y = ((pA13 / 28) % 28);
  const int pA13_x = (pA13 % 28);
  const int okpA13 = pA13 < 784;
  const int offA13 = (pA13_n) * 200704 + (pA13_y) * 7168 + (pA13_x) * 256 + (0) + 1 * kkA13;
  const int oklA13 = okpA13;
  const int kkA14 = lid % 64;
  const int eA14 = lid / 64 + 56;
  const int pA14 = grow + eA14;
  const int pA14_n = (pA14 / 784);
  const int pA14_y = ((pA14 / 28) % 28);
  const int pA14_x = (pA14 % 28);
  const int okpA14 = pA14 < 784;
  const int offA14 = (pA14_n) * 200704 + (pA14_y) * 7168 + (pA14_x) * 256 + (0) + 1 * kkA14;
  const int oklA14 = okpA14;
  const int kkA15 = lid % 64;
  const int eA15 = lid / 64 + 60;
  const int pA15 = grow + eA15;
  const int pA15_n = (pA15 / 784);
  const int pA15_y = ((pA15 / 28) % 28);
  const int pA15_x = (pA15 % 28);
  const int okpA15 = pA15 < 784;
  const int offA15 = (pA15_n) * 200704 + (pA15_y) * 7168 + (pA15_x) * 256 + (0) + 1 * kkA15;
  const int oklA15 = okpA15;
  const int kkB0 = lid / 16 + 0;
  const int eB0 = lid % 16;
  const int pB0 = gcol + eB0;
  const int pB0_k = pB0;
  const int okpB0 = 1;
  const int offB0 = (0) * 256 + (pB0_k) + 256 * kkB0;
  const int oklB0 = okpB0;
  const int kkB1 = lid / 16 + 16;
  const int eB1 = lid % 16;
  const int offB1 = (0) * 256 + (pB0_k) + 256 * kkB1;
  const int oklB1 = okpB0;
  const int kkB2 = lid / 16 + 32;
  const int eB2 = lid % 16;
  const int offB2 = (0) * 256 + (pB0_k) + 256 * kkB2;
  const int oklB2 = okpB0;
  const int kkB3 = lid / 16 + 48;
  const int eB3 = lid % 16;
  const int offB3 = (0) * 256 + (pB0_k) + 256 * kkB3;
  const int oklB3 = okpB0;
  float acc_0_0 = 0;
  float acc_0_1 = 0;
  float acc_0_2 = 0;
  float acc_0_3 = 0;
  float acc_1_0 = 0;
  float acc_1_1 = 0;
  float acc_1_2 = 0;
  float acc_1_3 = 0;
  float acc_2_0 = 0;
  float acc_2_1 = 0;
  float acc_2_2 = 0;
  float acc_2_3 = 0;
  float acc_3_0 = 0;
  float acc_3_1 = 0;
  float acc_3_2 = 0;
  float acc_3_3 = 0;
  float rA0 = 0;
  float rA1 = 0;
  float rA2 = 0;
  float rA3 = 0;
  float rA4 = 0;
  float rA5 = 0;
  float rA6 = 0;
  float rA7 = 0;
  float rA8 = 0;
  float rA9 = 0;
  float rA10 = 0;
  float rA11 = 0;
  float rA12 = 0;
  float rA13 = 0;
  float rA14 = 0;
  float rA15 = 0;
  float rB0 = 0;
  float rB1 = 0;
  float rB2 = 0;
  float rB3 = 0;
  {
    rA0 = (oklA0) ? p1[offA0] : 0.0f;
    rA1 = (oklA1) ? p1[offA1] : 0.0f;
    rA2 = (oklA2) ? p1[offA2] : 0.0f;
    rA3 = (oklA3) ? p1[offA3] : 0.0f;
    rA4 = (oklA4) ? p1[offA4] : 0.0f;
    rA5 = (oklA5) ? p1[offA5] : 0.0f;
    rA6 = (oklA6) ? p1[offA6] : 0.0f;
    rA7 = (oklA7) ? p1[offA7] : 0.0f;
    rA8 = (oklA8) ? p1[offA8] : 0.0f;
    rA9 = (oklA9) ? p1[offA9] : 0.0f;
    rA10 = (oklA10) ? p1[offA10] : 0.0f;
    rA11 = (oklA11) ? p1[offA11] : 0.0f;
    rA12 = (oklA12) ? p1[offA12] : 0.0f;
    rA13 = (oklA13) ? p1[offA13] : 0.0f;
    rA14 = (oklA14) ? p1[offA14] : 0.0f;
    rA15 = (oklA15) ? p1[offA15] : 0.0f;
    rB0 = (oklB0) ? p2[offB0] : 0.0f;
    rB1 = (oklB1) ? p2[offB1] : 0.0f;
    rB2 = (oklB2) ? p2[offB2] : 0.0f;
    rB3 = (oklB3) ? p2[offB3] : 0.0f;
    la[kkA0 * 68 + eA0] = rA0;
    la[kkA1 * 68 + eA1] = rA1;
    la[kkA2 * 68 + eA2] = rA2;
    la[kkA3 * 68 + eA3] = rA3;
    la[kkA4 * 68 + eA4] = rA4;
    la[kkA5 * 68 + eA5] = rA5;
    la[kkA6 * 68 + eA6] = rA6;
    la[kkA7 * 68 + eA7] = rA7;
    la[kkA8 * 68 + eA8] = rA8;
    la[kkA9 * 68 + eA9] = rA9;
    la[kkA10 * 68 + eA10] = rA10;
    la[kkA11 * 68 + eA11] = rA11;
    la[kkA12 * 68 + eA12] = rA12;
    la[kkA13 * 68 + eA13] = rA13;
    la[kkA14 * 68 + eA14] = rA14;
    la[kkA15 * 68 + eA15] = rA15;
    lb[kkB0 * 16 + eB0] = rB0;
    lb[kkB1 * 16 + eB1] = rB1;
    lb[kkB2 * 16 + eB2] = rB2;
    lb[kkB3 * 16 + eB3] = rB3;
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  int buf = 0;
  for (int k0 = 0; k0 < 256; k0 += 64) {
    __local float* const la_cur = la + buf * 4352;
    __local float* const la_next = la + (buf ^ 1) * 4352;
    __local float* const lb_cur = lb + buf * 1024;
    __local float* const lb_next = lb + (buf ^ 1) * 1024;
    const int more = k0 + 64 < 256;
    if (more) {
      rA0 = (oklA0) ? p1[offA0 + (k0 + 64)] : 0.0f;
      rA1 = (oklA1) ? p1[offA1 + (k0 + 64)] : 0.0f;
      rA2 = (oklA2) ? p1[offA2 + (k0 + 64)] : 0.0f;
      rA3 = (oklA3) ? p1[offA3 + (k0 + 64)] : 0.0f;
      rA4 = (oklA4) ? p1[offA4 + (k0 + 64)] : 0.0f;
      rA5 = (oklA5) ? p1[offA5 + (k0 + 64)] : 0.0f;
      rA6 = (oklA6) ? p1[offA6 + (k0 + 64)] : 0.0f;
      rA7 = (oklA7) ? p1[offA7 + (k0 + 64)] : 0.0f;
      rA8 = (oklA8) ? p1[offA8 + (k0 + 64)] : 0.0f;
      rA9 = (oklA9) ? p1[offA9 + (k0 + 64)] : 0.0f;
      rA10 = (oklA10) ? p1[offA10 + (k0 + 64)] : 0.0f;
      rA11 = (oklA11) ? p1[offA11 + (k0 + 64)] : 0.0f;
      rA12 = (oklA12) ? p1[offA12 + (k0 + 64)] : 0.0f;
      rA13 = (oklA13) ? p1[offA13 + (k0 + 64)] : 0.0f;
      rA14 = (oklA14) ? p1[offA14 + (k0 + 64)] : 0.0f;
      rA15 = (oklA15) ? p1[offA15 + (k0 + 64)] : 0.0f;
      rB0 = (oklB0) ? p2[offB0 + 256 * (k0 + 64)] : 0.0f;
      rB1 = (oklB1) ? p2[offB1 + 256 * (k0 + 64)] : 0.0f;
      rB2 = (oklB2) ? p2[offB2 + 256 * (k0 + 64)] : 0.0f;
      rB3 = (oklB3) ? p2[offB3 + 256 * (k0 + 64)] : 0.0f;
    }
    #pragma unroll 16
    for (int kq = 0; kq < 16; ++kq) {
      const int kk = part * 16 + kq;
      const float4 a0 = *(__local const float4*)(la_cur + kk * 68 + ty * 4 + 0);
      const float4 b0 = *(__local const float4*)(lb_cur + kk * 16 + tx * 4 + 0);
      acc_0_0 += (float)(a0.s0 * b0.s0);
      acc_0_1 += (float)(a0.s0 * b0.s1);
      acc_0_2 += (float)(a0.s0 * b0.s2);
      acc_0_3 += (float)(a0.s0 * b0.s3);
      acc_1_0 += (float)(a0.s1 * b0.s0);
      acc_1_1 += (float)(a0.s1 * b0.s1);
      acc_1_2 += (float)(a0.s1 * b0.s2);
      acc_1_3 += (float)(a0.s1 * b0.s3);
      acc_2_0 += (float)(a0.s2 * b0.s0);
      acc_2_1 += (float)(a0.s2 * b0.s1);
      acc_2_2 += (float)(a0.s2 * b0.s2);
      acc_2_3 += (float)(a0.s2 * b0.s3);
      acc_3_0 += (float)(a0.s3 * b0.s0);
      acc_3_1 += (float)(a0.s3 * b0.s1);
      acc_3_2 += (float)(a0.s3 * b0.s2);
      acc_3_3 += (float)(a0.s3 * b0.s3);
    }
    if (more) {
      la_next[kkA0 * 68 + eA0] = rA0;
      la_next[kkA1 * 68 + eA1] = rA1;
      la_next[kkA2 * 68 + eA2] = rA2;
      la_next[kkA3 * 68 + eA3] = rA3;
      la_next[kkA4 * 68 + eA4] = rA4;
      la_next[kkA5 * 68 + eA5] = rA5;
      la_next[kkA6 * 68 + eA6] = rA6;
      la_next[kkA7 * 68 + eA7] = rA7;
      la_next[kkA8 * 68 + eA8] = rA8;
      la_next[kkA9 * 68 + eA9] = rA9;
      la_next[kkA10 * 68 + eA10] = rA10;
      la_next[kkA11 * 68 + eA11] = rA11;
      la_next[kkA12 * 68 + eA12] = rA12;
      la_next[kkA13 * 68 + eA13] = rA13;
      la_next[kkA14 * 68 + eA14] = rA14;
      la_next[kkA15 * 68 + eA15] = rA15;
      lb_next[kkB0 * 16 + eB0] = rB0;
      lb_next[kkB1 * 16 + eB1] = rB1;
      lb_next[kkB2 * 16 + eB2] = rB2;
      lb_next[kkB3 * 16 + eB3] = rB3;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    buf ^= 1;
  }
  __local float* const lsum = (__local float*)la;
  if (part > 0) {
    lsum[(part - 1) * 1024 + 0 + ty * 4 + tx] = acc_0_0;
    lsum[(part - 1) * 1024 + 64 + ty * 4 + tx] = acc_0_1;
    lsum[(part - 1) * 1024 + 128 + ty * 4 + tx] = acc_0_2;
    lsum[(part - 1) * 1024 + 192 + ty * 4 + tx] = acc_0_3;
    lsum[(part - 1) * 1024 + 256 + ty * 4 + tx] = acc_1_0;
    lsum[(part - 1) * 1024 + 320 + ty * 4 + tx] = acc_1_1;
    lsum[(part - 1) * 1024 + 384 + ty * 4 + tx] = acc_1_2;
    lsum[(part - 1) * 1024 + 448 + ty * 4 + tx] = acc_1_3;
    lsum[(part - 1) * 1024 + 512 + ty * 4 + tx] = acc_2_0;
    lsum[(part - 1) * 1024 + 576 + ty * 4 + tx] = acc_2_1;
    lsum[(part - 1) * 1024 + 640 + ty * 4 + tx] = acc_2_2;
    lsum[(part - 1) * 1024 + 704 + ty * 4 + tx] = acc_2_3;
    lsum[(part - 1) * 1024 + 768 + ty * 4 + tx] = acc_3_0;
    lsum[(part - 1) * 1024 + 832 + ty * 4 + tx] = acc_3_1;
    lsum[(part - 1) * 1024 + 896 + ty * 4 + tx] = acc_3_2;
    lsum[(part - 1) * 1024 + 960 + ty * 4 + tx] = acc_3_3;
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  if (part == 0) {
    for (int s = 0; s < 3; ++s) {
      acc_0_0 += lsum[(s) * 1024 + 0 + ty * 4 + tx];
      acc_0_1 += lsum[(s) * 1024 + 64 + ty * 4 + tx];
      acc_0_2 += lsum[(s) * 1024 + 128 + ty * 4 + tx];
      acc_0_3 += lsum[(s) * 1024 + 192 + ty * 4 + tx];
      acc_1_0 += lsum[(s) * 1024 + 256 + ty * 4 + tx];
      acc_1_1 += lsum[(s) * 1024 + 320 + ty * 4 + tx];
      acc_1_2 += lsum[(s) * 1024 + 384 + ty * 4 + tx];
      acc_1_3 += lsum[(s) * 1024 + 448 + ty * 4 + tx];
      acc_2_0 += lsum[(s) * 1024 + 512 + ty * 4 + tx];
      acc_2_1 += lsum[(s) * 1024 + 576 + ty * 4 + tx];
      acc_2_2 += lsum[(s) * 1024 + 640 + ty * 4 + tx];
      acc_2_3 += lsum[(s) * 1024 + 704 + ty * 4 + tx];
      acc_3_0 += lsum[(s) * 1024 + 768 + ty * 4 + tx];
      acc_3_1 += lsum[(s) * 1024 + 832 + ty * 4 + tx];
      acc_3_2 += lsum[(s) * 1024 + 896 + ty * 4 + tx];
      acc_3_3 += lsum[(s) * 1024 + 960 + ty * 4 + tx];
    }
  }
  const int orow0 = grow + ty * 4 + 0;
  const int orow0_d0 = (orow0 / 784);
  const int orow0_d1 = ((orow0 / 28) % 28);
  const int orow0_d2 = (orow0 % 28);
  const int orow1 = grow + ty * 4 + 1;
  const int orow1_d0 = (orow1 / 784);
  const int orow1_d1 = ((orow1 / 28) % 28);
  const int orow1_d2 = (orow1 % 28);
  const int orow2 = grow + ty * 4 + 2;
  const int orow2_d0 = (orow2 / 784);
  const int orow2_d1 = ((orow2 / 28) % 28);
  const int orow2_d2 = (orow2 % 28);
  const int orow3 = grow + ty * 4 + 3;
  const int orow3_d0 = (orow3 / 784);
  const int orow3_d1 = ((orow3 / 28) % 28);
  const int orow3_d2 = (orow3 % 28);
  const int ocol0 = gcol + tx * 4 + 0;
  const int ocol0_d3 = ocol0;
  const int ocol1 = gcol + tx * 4 + 1;
  const int ocol1_d3 = ocol1;
  const int ocol2 = gcol + tx * 4 + 2;
  const int ocol2_d3 = ocol2;
  const int ocol3 = gcol + tx * 4 + 3;
  const int ocol3_d3 = ocol3;
  const int of_0_0 = orow0_d0 * 200704 + orow0_d1 * 7168 + orow0_d2 * 256 + ocol0_d3;
  const int of_0_1 = orow0_d0 * 200704 + orow0_d1 * 7168 + orow0_d2 * 256 + ocol1_d3;
  const int of_0_2 = orow0_d0 * 200704 + orow0_d1 * 7168 + orow0_d2 * 256 + ocol2_d3;
  const int of_0_3 = orow0_d0 * 200704 + orow0_d1 * 7168 + orow0_d2 * 256 + ocol3_d3;
  const int of_1_0 = orow1_d0 * 200704 + orow1_d1 * 7168 + orow1_d2 * 256 + ocol0_d3;
  const int of_1_1 = orow1_d0 * 200704 + orow1_d1 * 7168 + orow1_d2 * 256 + ocol1_d3;
  const int of_1_2 = orow1_d0 * 200704 + orow1_d1 * 7168 + orow1_d2 * 256 + ocol2_d3;
  const int of_1_3 = orow1_d0 * 200704 + orow1_d1 * 7168 + orow1_d2 * 256 + ocol3_d3;
  const int of_2_0 = orow2_d0 * 200704 + orow2_d1 * 7168 + orow2_d2 * 256 + ocol0_d3;
  const int of_2_1 = orow2_d0 * 200704 + orow2_d1 * 7168 + orow2_d2 * 256 + ocol1_d3;
  const int of_2_2 = orow2_d0 * 200704 + orow2_d1 * 7168 + orow2_d2 * 256 + ocol2_d3;
  const int of_2_3 = orow2_d0 * 200704 + orow2_d1 * 7168 + orow2_d2 * 256 + ocol3_d3;
  const int of_3_0 = orow3_d0 * 200704 + orow3_d1 * 7168 + orow3_d2 * 256 + ocol0_d3;
  const int of_3_1 = orow3_d0 * 200704 + orow3_d1 * 7168 + orow3_d2 * 256 + ocol1_d3;
  const int of_3_2 = orow3_d0 * 200704 + orow3_d1 * 7168 + orow3_d2 * 256 + ocol2_d3;
  const int of_3_3 = orow3_d0 * 200704 + orow3_d1 * 7168 + orow3_d2 * 256 + ocol3_d3;
  if (part == 0 && orow0 < 784) {
    const float v0_0 = ((acc_0_0) + (p3[ocol0_d3]));
    const float v1_0 = tt_fmax(v0_0, 0.0f);
    const float v2_0 = tt_fmin(v1_0, 6.0f);
    p0[of_0_0] = v2_0;
  }
  if (part == 0 && orow0 < 784) {
    const float v0_1 = ((acc_0_1) + (p3[ocol1_d3]));
    const float v1_1 = tt_fmax(v0_1, 0.0f);
    const float v2_1 = tt_fmin(v1_1, 6.0f);
    p0[of_0_1] = v2_1;
  }
  if (part == 0 && orow0 < 784) {
    const float v0_2 = ((acc_0_2) + (p3[ocol2_d3]));
    const float v1_2 = tt_fmax(v0_2, 0.0f);
    const float v2_2 = tt_fmin(v1_2, 6.0f);
    p0[of_0_2] = v2_2;
  }
  if (part == 0 && orow0 < 784) {
    const float v0_3 = ((acc_0_3) + (p3[ocol3_d3]));
    const float v1_3 = tt_fmax(v0_3, 0.0f);
    const float v2_3 = tt_fmin(v1_3, 6.0f);
    p0[of_0_3] = v2_3;
  }
  if (part == 0 && orow1 < 784) {
    const float v0_4 = ((acc_1_0) + (p3[ocol0_d3]));
    const float v1_4 = tt_fmax(v0_4, 0.0f);
    const float v2_4 = tt_fmin(v1_4, 6.0f);
    p0[of_1_0] = v2_4;
  }
  if (part == 0 && orow1 < 784) {
    const float v0_5 = ((acc_1_1) + (p3[ocol1_d3]));
    const float v1_5 = tt_fmax(v0_5, 0.0f);
    const float v2_5 = tt_fmin(v1_5, 6.0f);
    p0[of_1_1] = v2_5;
  }
  if (part == 0 && orow1 < 784) {
    const float v0_6 = ((acc_1_2) + (p3[ocol2_d3]));
    const float v1_6 = tt_fmax(v0_6, 0.0f);
    const float v2_6 = tt_fmin(v1_6, 6.0f);
    p0[of_1_2] = v2_6;
  }
  if (part == 0 && orow1 < 784) {
    const float v0_7 = ((acc_1_3) + (p3[ocol3_d3]));
    const float v1_7 = tt_fmax(v0_7, 0.0f);
    const float v2_7 = tt_fmin(v1_7, 6.0f);
    p0[of_1_3] = v2_7;
  }
  if (part == 0 && orow2 < 784) {
    const float v0_8 = ((acc_2_0) + (p3[ocol0_d3]));
    const float v1_8 = tt_fmax(v0_8, 0.0f);
    const float v2_8 = tt_fmin(v1_8, 6.0f);
    p0[of_2_0] = v2_8;
  }
  if (part == 0 && orow2 < 784) {
    const float v0_9 = ((acc_2_1) + (p3[ocol1_d3]));
    const float v1_9 = tt_fmax(v0_9, 0.0f);
    const float v2_9 = tt_fmin(v1_9, 6.0f);
    p0[of_2_1] = v2_9;
  }
  if (part == 0 && orow2 < 784) {
    const float v0_10 = ((acc_2_2) + (p3[ocol2_d3]));
    const float v1_10 = tt_fmax(v0_10, 0.0f);
    const float v2_10 = tt_fmin(v1_10, 6.0f);
    p0[of_2_2] = v2_10;
  }
  if (part == 0 && orow2 < 784) {
    const float v0_11 = ((acc_2_3) + (p3[ocol3_d3]));
    const float v1_11 = tt_fmax(v0_11, 0.0f);
    const float v2_11 = tt_fmin(v1_11, 6.0f);
    p0[of_2_3] = v2_11;
  }
  if (part == 0 && orow3 < 784) {
    const float v0_12 = ((acc_3_0) + (p3[ocol0_d3]));
    const float v1_12 = tt_fmax(v0_12, 0.0f);
    const float v2_12 = tt_fmin(v1_12, 6.0f);
    p0[of_3_0] = v2_12;
  }
  if (part == 0 && orow3 < 784) {
    const float v0_13 = ((acc_3_1) + (p3[ocol1_d3]));
    const float v1_13 = tt_fmax(v0_13, 0.0f);
    const float v2_13 = tt_fmin(v1_13, 6.0f);
    p0[of_3_1] = v2_13;
  }
  if (part == 0 && orow3 < 784) {
    const float v0_14 = ((acc_3_2) + (p3[ocol2_d3]));
    const float v1_14 = tt_fmax(v0_14, 0.0f);
    const float v2_14 = tt_fmin(v1_14, 6.0f);
    p0[of_3_2] = v2_14;
  }
  if (part == 0 && orow3 < 784) {
    const float v0_15 = ((acc_3_3) + (p3[ocol3_d3]));
    const float v1_15 = tt_fmax(v0_15, 0.0f);
    const float v2_15 = tt_fmin(v1_15, 6.0f);
    p0[of_3_3] = v2_15;
  }
}
