// local-memory GEMM: work-group 16x8, tile 4x4 (block 64x32), K chunk 32, vector 4, double-buffered, K split 2
//   _T1[t, n, j : 80, 1, 128] = +(_T0[n, t, k] * lstm/kernel[k, j]);
//   _T3 = _T1 + _T2;
//   p0: _T3 float32[80, 1, 128]
//   p1: _T0 float32[1, 80, 128]
//   p2: lstm/kernel float32[128, 512]
//   p3: _T2 float32[128]
// launch: global 2048x1x1, local 256x1x1 (exact), 2631680 flops, 344576 bytes
__kernel __attribute__((reqd_work_group_size(256, 1, 1))) void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off, __global const float* p3_buf, const ulong p3_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  __global const float* p3 = p3_buf + p3_off;
  __local float la[4352] __attribute__((aligned(16)));
  __local float lb[2048] __attribute__((aligned(16)));
  const int lid = (int)get_local_id(0);
  const int tx = lid % 128 % 8;
  const int ty = lid % 128 / 8;
  const int part = lid / 128;
  const int grp = (int)get_group_id(0);
  const int gcol = (grp % 4) * 32;
  const int grow = ((grp / 4) % 2) * 64;
  const int kkA0 = lid % 32;
  const int eA0 = lid / 32 + 0;
  const int pA0 = grow + eA0;
  const int pA0_t = pA0;
  const int pA0_n = (pA0 % 1);
  const int okpA0 = pA0 < 80;
  const int offA0 = (pA0_n) * 10240 + (pA0_t) * 128 + (0) + 1 * kkA0;
  const int oklA0 = okpA0;
  const int kkA1 = lid % 32;
  const int eA1 = lid / 32 + 8;
  const int pA1 = grow + eA1;
  const int pA1_t = pA1;
  const int pA1_n = (pA1 % 1);
  const int okpA1 = pA1 < 80;
  const int offA1 = (pA1_n) * 10240 + (pA1_t) * 128 + (0) + 1 * kkA1;
  const int oklA1 = okpA1;
  const int kkA2 = lid % 32;
  const int eA2 = lid / 32 + 16;
  const int pA2 = grow + eA2;
  const int pA2_t = pA2;
  const int pA2_n = (pA2 % 1);
  const int okpA2 = pA2 < 80;
  const int offA2 = (pA2_n) * 10240 + (pA2_t) * 128 + (0) + 1 * kkA2;
  const int oklA2 = okpA2;
  const int kkA3 = lid % 32;
  const int eA3 = lid / 32 + 24;
  const int pA3 = grow + eA3;
  const int pA3_t = pA3;
  const int pA3_n = (pA3 % 1);
  const int okpA3 = pA3 < 80;
  const int offA3 = (pA3_n) * 10240 + (pA3_t) * 128 + (0) + 1 * kkA3;
  const int oklA3 = okpA3;
  const int kkA4 = lid % 32;
  const int eA4 = lid / 32 + 32;
  const int pA4 = grow + eA4;
  const int pA4_t = pA4;
  const int pA4_n = (pA4 % 1);
  const int okpA4 = pA4 < 80;
  const int offA4 = (pA4_n) * 10240 + (pA4_t) * 128 + (0) + 1 * kkA4;
  const int oklA4 = okpA4;
  const int kkA5 = lid % 32;
  const int eA5 = lid / 32 + 40;
  const int pA5 = grow + eA5;
  const int pA5_t = pA5;
  const int pA5_n = (pA5 % 1);
  const int okpA5 = pA5 < 80;
  const int offA5 = (pA5_n) * 10240 + (pA5_t) * 128 + (0) + 1 * kkA5;
  const int oklA5 = okpA5;
  const int kkA6 = lid % 32;
  const int eA6 = lid / 32 + 48;
  const int pA6 = grow + eA6;
  const int pA6_t = pA6;
  const int pA6_n = (pA6 % 1);
  const int okpA6 = pA6 < 80;
  const int offA6 = (pA6_n) * 10240 + (pA6_t) * 128 + (0) + 1 * kkA6;
  const int oklA6 = okpA6;
  const int kkA7 = lid % 32;
  const int eA7 = lid / 32 + 56;
  const int pA7 = grow + eA7;
  const int pA7_t = pA7;
  const int pA7_n = (pA7 % 1);
  const int okpA7 = pA7 < 80;
  const int offA7 = (pA7_n) * 10240 + (pA7_t) * 128 + (0) + 1 * kkA7;
  const int oklA7 = okpA7;
  const int kkB0 = lid / 32 + 0;
  const int eB0 = lid % 32;
  const int pB0 = gcol + eB0;
  const int pB0_j = pB0;
  const int okpB0 = 1;
  const int offB0 = (0) * 512 + (pB0_j) + 512 * kkB0;
  const int oklB0 = okpB0;
  const int kkB1 = lid / 32 + 8;
  const int eB1 = lid % 32;
  const int offB1 = (0) * 512 + (pB0_j) + 512 * kkB1;
  const int oklB1 = okpB0;
  const int kkB2 = lid / 32 + 16;
  const int eB2 = lid % 32;
  const int offB2 = (0) * 512 + (pB0_j) + 512 * kkB2;
  const int oklB2 = okpB0;
  const int kkB3 = lid / 32 + 24;
  const int eB3 = lid % 32;
  const int offB3 = (0) * 512 + (pB0_j) + 512 * kkB3;
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
    lb[kkB0 * 32 + eB0] = rB0;
    lb[kkB1 * 32 + eB1] = rB1;
    lb[kkB2 * 32 + eB2] = rB2;
    lb[kkB3 * 32 + eB3] = rB3;
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  int buf = 0;
  for (int k0 = 0; k0 < 128; k0 += 32) {
    __local float* const la_cur = la + buf * 2176;
    __local float* const la_next = la + (buf ^ 1) * 2176;
    __local float* const lb_cur = lb + buf * 1024;
    __local float* const lb_next = lb + (buf ^ 1) * 1024;
    const int more = k0 + 32 < 128;
    if (more) {
      rA0 = (oklA0) ? p1[offA0 + (k0 + 32)] : 0.0f;
      rA1 = (oklA1) ? p1[offA1 + (k0 + 32)] : 0.0f;
      rA2 = (oklA2) ? p1[offA2 + (k0 + 32)] : 0.0f;
      rA3 = (oklA3) ? p1[offA3 + (k0 + 32)] : 0.0f;
      rA4 = (oklA4) ? p1[offA4 + (k0 + 32)] : 0.0f;
      rA5 = (oklA5) ? p1[offA5 + (k0 + 32)] : 0.0f;
      rA6 = (oklA6) ? p1[offA6 + (k0 + 32)] : 0.0f;
      rA7 = (oklA7) ? p1[offA7 + (k0 + 32)] : 0.0f;
      rB0 = (oklB0) ? p2[offB0 + 512 * (k0 + 32)] : 0.0f;
      rB1 = (oklB1) ? p2[offB1 + 512 * (k0 + 32)] : 0.0f;
      rB2 = (oklB2) ? p2[offB2 + 512 * (k0 + 32)] : 0.0f;
      rB3 = (oklB3) ? p2[offB3 + 512 * (k0 + 32)] : 0.0f;
    }
    #pragma unroll 16
    for (int kq = 0; kq < 16; ++kq) {
      const int kk = part * 16 + kq;
      const float4 a0 = *(__local const float4*)(la_cur + kk * 68 + ty * 4 + 0);
      const float4 b0 = *(__local const float4*)(lb_cur + kk * 32 + tx * 4 + 0);
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
      lb_next[kkB0 * 32 + eB0] = rB0;
      lb_next[kkB1 * 32 + eB1] = rB1;
      lb_next[kkB2 * 32 + eB2] = rB2;
      lb_next[kkB3 * 32 + eB3] = rB3;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    buf ^= 1;
  }
  __local float* const lsum = (__local float*)la;
  if (part > 0) {
    lsum[(part - 1) * 2048 + 0 + ty * 8 + tx] = acc_0_0;
    lsum[(part - 1) * 2048 + 128 + ty * 8 + tx] = acc_0_1;
    lsum[(part - 1) * 2048 + 256 + ty * 8 + tx] = acc_0_2;
    lsum[(part - 1) * 2048 + 384 + ty * 8 + tx] = acc_0_3;
    lsum[(part - 1) * 2048 + 512 + ty * 8 + tx] = acc_1_0;
    lsum[(part - 1) * 2048 + 640 + ty * 8 + tx] = acc_1_1;
    lsum[(part - 1) * 2048 + 768 + ty * 8 + tx] = acc_1_2;
    lsum[(part - 1) * 2048 + 896 + ty * 8 + tx] = acc_1_3;
    lsum[(part - 1) * 2048 + 1024 + ty * 8 + tx] = acc_2_0;
    lsum[(part - 1) * 2048 + 1152 + ty * 8 + tx] = acc_2_1;
    lsum[(part - 1) * 2048 + 1280 + ty * 8 + tx] = acc_2_2;
    lsum[(part - 1) * 2048 + 1408 + ty * 8 + tx] = acc_2_3;
    lsum[(part - 1) * 2048 + 1536 + ty * 8 + tx] = acc_3_0;
    lsum[(part - 1) * 2048 + 1664 + ty * 8 + tx] = acc_3_1;
    lsum[(part - 1) * 2048 + 1792 + ty * 8 + tx] = acc_3_2;
    lsum[(part - 1) * 2048 + 1920 + ty * 8 + tx] = acc_3_3;
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  if (part == 0) {
    for (int s = 0; s < 1; ++s) {
      acc_0_0 += lsum[(s) * 2048 + 0 + ty * 8 + tx];
      acc_0_1 += lsum[(s) * 2048 + 128 + ty * 8 + tx];
      acc_0_2 += lsum[(s) * 2048 + 256 + ty * 8 + tx];
      acc_0_3 += lsum[(s) * 2048 + 384 + ty * 8 + tx];
      acc_1_0 += lsum[(s) * 2048 + 512 + ty * 8 + tx];
      acc_1_1 += lsum[(s) * 2048 + 640 + ty * 8 + tx];
      acc_1_2 += lsum[(s) * 2048 + 768 + ty * 8 + tx];
      acc_1_3 += lsum[(s) * 2048 + 896 + ty * 8 + tx];
      acc_2_0 += lsum[(s) * 2048 + 1024 + ty * 8 + tx];
      acc_2_1 += lsum[(s) * 2048 + 1152 + ty * 8 + tx];
      acc_2_2 += lsum[(s) * 2048 + 1280 + ty * 8 + tx];
      acc_2_3 += lsum[(s) * 2048 + 1408 + ty * 8 + tx];
      acc_3_0 += lsum[(s) * 2048 + 1536 + ty * 8 + tx];
      acc_3_1 += lsum[(s) * 2048 + 1664 + ty * 8 + tx];
      acc_3_2 += lsum[(s) * 2048 + 1792 + ty * 8 + tx];
      acc_3_3 += lsum[(s) * 2048 + 1920 + ty * 8 + tx];
    }
  }
  const int orow0 = grow + ty * 4 + 0;
  const int orow0_d0 = orow0;
  const int orow0_d1 = (orow0 % 1);
  const int orow1 = grow + ty * 4 + 1;
  const int orow1_d0 = orow1;
  const int orow1_d1 = (orow1 % 1);
  const int orow2 = grow + ty * 4 + 2;
  const int orow2_d0 = orow2;
  const int orow2_d1 = (orow2 % 1);
  const int orow3 = grow + ty * 4 + 3;
  const int orow3_d0 = orow3;
  const int orow3_d1 = (orow3 % 1);
  const int ocol0 = gcol + tx * 4 + 0;
  const int ocol0_d2 = ocol0;
  const int ocol1 = gcol + tx * 4 + 1;
  const int ocol1_d2 = ocol1;
  const int ocol2 = gcol + tx * 4 + 2;
  const int ocol2_d2 = ocol2;
  const int ocol3 = gcol + tx * 4 + 3;
  const int ocol3_d2 = ocol3;
  const int of_0_0 = orow0_d0 * 128 + orow0_d1 * 128 + ocol0_d2;
  const int of_0_1 = orow0_d0 * 128 + orow0_d1 * 128 + ocol1_d2;
  const int of_0_2 = orow0_d0 * 128 + orow0_d1 * 128 + ocol2_d2;
  const int of_0_3 = orow0_d0 * 128 + orow0_d1 * 128 + ocol3_d2;
  const int of_1_0 = orow1_d0 * 128 + orow1_d1 * 128 + ocol0_d2;
  const int of_1_1 = orow1_d0 * 128 + orow1_d1 * 128 + ocol1_d2;
  const int of_1_2 = orow1_d0 * 128 + orow1_d1 * 128 + ocol2_d2;
  const int of_1_3 = orow1_d0 * 128 + orow1_d1 * 128 + ocol3_d2;
  const int of_2_0 = orow2_d0 * 128 + orow2_d1 * 128 + ocol0_d2;
  const int of_2_1 = orow2_d0 * 128 + orow2_d1 * 128 + ocol1_d2;
  const int of_2_2 = orow2_d0 * 128 + orow2_d1 * 128 + ocol2_d2;
  const int of_2_3 = orow2_d0 * 128 + orow2_d1 * 128 + ocol3_d2;
  const int of_3_0 = orow3_d0 * 128 + orow3_d1 * 128 + ocol0_d2;
  const int of_3_1 = orow3_d0 * 128 + orow3_d1 * 128 + ocol1_d2;
  const int of_3_2 = orow3_d0 * 128 + orow3_d1 * 128 + ocol2_d2;
  const int of_3_3 = orow3_d0 * 128 + orow3_d1 * 128 + ocol3_d2;
  if (part == 0 && orow0 < 80) {
    const float v0_0 = ((acc_0_0) + (p3[ocol0_d2]));
    p0[of_0_0] = v0_0;
  }
  if (part == 0 && orow0 < 80) {
    const float v0_1 = ((acc_0_1) + (p3[ocol1_d2]));
    p0[of_0_1] = v0_1;
  }
  if (part == 0 && orow0 < 80) {
    const float v0_2 = ((acc_0_2) + (p3[ocol2_d2]));
    p0[of_0_2] = v0_2;
  }
  if (part == 0 && orow0 < 80) {
    const float v0_3 = ((acc_0_3) + (p3[ocol3_d2]));
    p0[of_0_3] = v0_3;
  }
  if (part == 0 && orow1 < 80) {
    const float v0_4 = ((acc_1_0) + (p3[ocol0_d2]));
    p0[of_1_0] = v0_4;
  }
  if (part == 0 && orow1 < 80) {
    const float v0_5 = ((acc_1_1) + (p3[ocol1_d2]));
    p0[of_1_1] = v0_5;
  }
  if (part == 0 && orow1 < 80) {
    const float v0_6 = ((acc_1_2) + (p3[ocol2_d2]));
    p0[of_1_2] = v0_6;
  }
  if (part == 0 && orow1 < 80) {
    const float v0_7 = ((acc_1_3) + (p3[ocol3_d2]));
    p0[of_1_3] = v0_7;
  }
  if (part == 0 && orow2 < 80) {
    const float v0_8 = ((acc_2_0) + (p3[ocol0_d2]));
    p0[of_2_0] = v0_8;
  }
  if (part == 0 && orow2 < 80) {
    const float v0_9 = ((acc_2_1) + (p3[ocol1_d2]));
    p0[of_2_1] = v0_9;
  }
  if (part == 0 && orow2 < 80) {
    const float v0_10 = ((acc_2_2) + (p3[ocol2_d2]));
    p0[of_2_2] = v0_10;
  }
  if (part == 0 && orow2 < 80) {
    const float v0_11 = ((acc_2_3) + (p3[ocol3_d2]));
    p0[of_2_3] = v0_11;
  }
  if (part == 0 && orow3 < 80) {
    const float v0_12 = ((acc_3_0) + (p3[ocol0_d2]));
    p0[of_3_0] = v0_12;
  }
  if (part == 0 && orow3 < 80) {
    const float v0_13 = ((acc_3_1) + (p3[ocol1_d2]));
    p0[of_3_1] = v0_13;
  }
  if (part == 0 && orow3 < 80) {
    const float v0_14 = ((acc_3_2) + (p3[ocol2_d2]));
    p0[of_3_2] = v0_14;
  }
  if (part == 0 && orow3 < 80) {
    const float v0_15 = ((acc_3_3) + (p3[ocol3_d2]));
    p0[of_3_3] = v0_15;
  }
}
