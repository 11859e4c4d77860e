// local-memory GEMM: work-group 16x16, tile 4x2 (block 64x32), K chunk 16, vector 4, double-buffered
//   _T0[n, y, x, k : 1, 112, 112, 32] = +(input[n, 2*y + i, 2*x + j, c] * conv1/kernel_scaled[i, j, c, k]);
//   _T9 = _T0 + _T0_bias;
//   _T11 = max(_T9, 0.0);
//   _T13 = min(_T11, 6.0);
//   p0: _T13 float32[1, 112, 112, 32]
//   p1: input float32[1, 224, 224, 3]
//   p2: conv1/kernel_scaled float32[3, 3, 3, 32]
//   p3: _T0_bias float32[32]
// launch: global 50176x1x1, local 256x1x1 (exact), 22751424 flops, 2211328 bytes
__kernel __attribute__((reqd_work_group_size(256, 1, 1))) void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off, __global const float* p3_buf, const ulong p3_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  __global const float* p3 = p3_buf + p3_off;
  __local float la[2176] __attribute__((aligned(16)));
  __local float lb[1024] __attribute__((aligned(16)));
  const int lid = (int)get_local_id(0);
  const int tx = lid % 16;
  const int ty = lid / 16;
  const int grp = (int)get_group_id(0);
  const int gcol = (grp % 1) * 32;
  const int grow = ((grp / 1) % 196) * 64;
  const int kkA0 = lid % 16;
  const int eA0 = lid / 16 + 0;
  const int pA0 = grow + eA0;
  const int pA0_n = (pA0 / 12544);
  const int pA0_y = ((pA0 / 112) % 112);
  const int pA0_x = (pA0 % 112);
  const int okpA0 = 1;
  const int kkA1 = lid % 16;
  const int eA1 = lid / 16 + 16;
  const int pA1 = grow + eA1;
  const int pA1_n = (pA1 / 12544);
  const int pA1_y = ((pA1 / 112) % 112);
  const int pA1_x = (pA1 % 112);
  const int okpA1 = 1;
  const int kkA2 = lid % 16;
  const int eA2 = lid / 16 + 32;
  const int pA2 = grow + eA2;
  const int pA2_n = (pA2 / 12544);
  const int pA2_y = ((pA2 / 112) % 112);
  const int pA2_x = (pA2 % 112);
  const int okpA2 = 1;
  const int kkA3 = lid % 16;
  const int eA3 = lid / 16 + 48;
  const int pA3 = grow + eA3;
  const int pA3_n = (pA3 / 12544);
  const int pA3_y = ((pA3 / 112) % 112);
  const int pA3_x = (pA3 % 112);
  const int okpA3 = 1;
  const int kkB0 = lid / 32 + 0;
  const int eB0 = lid % 32;
  const int pB0 = gcol + eB0;
  const int pB0_k = pB0;
  const int okpB0 = 1;
  const int offB0 = (0) * 288 + (0) * 96 + (0) * 32 + (pB0_k) + 32 * kkB0;
  const int oklB0 = okpB0;
  const int kkB1 = lid / 32 + 8;
  const int eB1 = lid % 32;
  const int offB1 = (0) * 288 + (0) * 96 + (0) * 32 + (pB0_k) + 32 * kkB1;
  const int oklB1 = okpB0;
  float acc_0_0 = 0;
  float acc_0_1 = 0;
  float acc_1_0 = 0;
  float acc_1_1 = 0;
  float acc_2_0 = 0;
  float acc_2_1 = 0;
  float acc_3_0 = 0;
  float acc_3_1 = 0;
  float rA0 = 0;
  float rA1 = 0;
  float rA2 = 0;
  float rA3 = 0;
  float rB0 = 0;
  float rB1 = 0;
  {
    const int qA0 = 0 + kkA0;
    const int qA0_i = (qA0 / 9);
    const int qA0_j = ((qA0 / 3) % 3);
    const int qA0_c = (qA0 % 3);
    rA0 = (okpA0 && 0 + kkA0 < 27 && (2 * pA0_y + qA0_i) >= 0 && (2 * pA0_y + qA0_i) < 224 && (2 * pA0_x + qA0_j) >= 0 && (2 * pA0_x + qA0_j) < 224) ? p1[(pA0_n) * 150528 + (2 * pA0_y + qA0_i) * 672 + (2 * pA0_x + qA0_j) * 3 + (qA0_c)] : 0.0f;
    rA1 = (okpA1 && 0 + kkA1 < 27 && (2 * pA1_y + qA0_i) >= 0 && (2 * pA1_y + qA0_i) < 224 && (2 * pA1_x + qA0_j) >= 0 && (2 * pA1_x + qA0_j) < 224) ? p1[(pA1_n) * 150528 + (2 * pA1_y + qA0_i) * 672 + (2 * pA1_x + qA0_j) * 3 + (qA0_c)] : 0.0f;
    rA2 = (okpA2 && 0 + kkA2 < 27 && (2 * pA2_y + qA0_i) >= 0 && (2 * pA2_y + qA0_i) < 224 && (2 * pA2_x + qA0_j) >= 0 && (2 * pA2_x + qA0_j) < 224) ? p1[(pA2_n) * 150528 + (2 * pA2_y + qA0_i) * 672 + (2 * pA2_x + qA0_j) * 3 + (qA0_c)] : 0.0f;
    rA3 = (okpA3 && 0 + kkA3 < 27 && (2 * pA3_y + qA0_i) >= 0 && (2 * pA3_y + qA0_i) < 224 && (2 * pA3_x + qA0_j) >= 0 && (2 * pA3_x + qA0_j) < 224) ? p1[(pA3_n) * 150528 + (2 * pA3_y + qA0_i) * 672 + (2 * pA3_x + qA0_j) * 3 + (qA0_c)] : 0.0f;
    rB0 = (oklB0 && 0 + kkB0 < 27) ? p2[offB0] : 0.0f;
    rB1 = (oklB1 && 0 + kkB1 < 27) ? p2[offB1] : 0.0f;
    la[kkA0 * 68 + eA0] = rA0;
    la[kkA1 * 68 + eA1] = rA1;
    la[kkA2 * 68 + eA2] = rA2;
    la[kkA3 * 68 + eA3] = rA3;
    lb[kkB0 * 32 + eB0] = rB0;
    lb[kkB1 * 32 + eB1] = rB1;
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  int buf = 0;
  for (int k0 = 0; k0 < 27; k0 += 16) {
    __local float* const la_cur = la + buf * 1088;
    __local float* const la_next = la + (buf ^ 1) * 1088;
    __local float* const lb_cur = lb + buf * 512;
    __local float* const lb_next = lb + (buf ^ 1) * 512;
    const int more = k0 + 16 < 27;
    if (more) {
      const int qA0 = k0 + 16 + kkA0;
      const int qA0_i = (qA0 / 9);
      const int qA0_j = ((qA0 / 3) % 3);
      const int qA0_c = (qA0 % 3);
      rA0 = (okpA0 && k0 + 16 + kkA0 < 27 && (2 * pA0_y + qA0_i) >= 0 && (2 * pA0_y + qA0_i) < 224 && (2 * pA0_x + qA0_j) >= 0 && (2 * pA0_x + qA0_j) < 224) ? p1[(pA0_n) * 150528 + (2 * pA0_y + qA0_i) * 672 + (2 * pA0_x + qA0_j) * 3 + (qA0_c)] : 0.0f;
      rA1 = (okpA1 && k0 + 16 + kkA1 < 27 && (2 * pA1_y + qA0_i) >= 0 && (2 * pA1_y + qA0_i) < 224 && (2 * pA1_x + qA0_j) >= 0 && (2 * pA1_x + qA0_j) < 224) ? p1[(pA1_n) * 150528 + (2 * pA1_y + qA0_i) * 672 + (2 * pA1_x + qA0_j) * 3 + (qA0_c)] : 0.0f;
      rA2 = (okpA2 && k0 + 16 + kkA2 < 27 && (2 * pA2_y + qA0_i) >= 0 && (2 * pA2_y + qA0_i) < 224 && (2 * pA2_x + qA0_j) >= 0 && (2 * pA2_x + qA0_j) < 224) ? p1[(pA2_n) * 150528 + (2 * pA2_y + qA0_i) * 672 + (2 * pA2_x + qA0_j) * 3 + (qA0_c)] : 0.0f;
      rA3 = (okpA3 && k0 + 16 + kkA3 < 27 && (2 * pA3_y + qA0_i) >= 0 && (2 * pA3_y + qA0_i) < 224 && (2 * pA3_x + qA0_j) >= 0 && (2 * pA3_x + qA0_j) < 224) ? p1[(pA3_n) * 150528 + (2 * pA3_y + qA0_i) * 672 + (2 * pA3_x + qA0_j) * 3 + (qA0_c)] : 0.0f;
      rB0 = (oklB0 && k0 + 16 + kkB0 < 27) ? p2[offB0 + 32 * (k0 + 16)] : 0.0f;
      rB1 = (oklB1 && k0 + 16 + kkB1 < 27) ? p2[offB1 + 32 * (k0 + 16)] : 0.0f;
    }
    #pragma unroll 16
    for (int kq = 0; kq < 16; ++kq) {
      const int kk = kq;
      const float4 a0 = *(__local const float4*)(la_cur + kk * 68 + ty * 4 + 0);
      const float b0 = lb_cur[kk * 32 + tx + 0];
      const float b1 = lb_cur[kk * 32 + tx + 16];
      acc_0_0 += (float)(a0.s0 * b0);
      acc_0_1 += (float)(a0.s0 * b1);
      acc_1_0 += (float)(a0.s1 * b0);
      acc_1_1 += (float)(a0.s1 * b1);
      acc_2_0 += (float)(a0.s2 * b0);
      acc_2_1 += (float)(a0.s2 * b1);
      acc_3_0 += (float)(a0.s3 * b0);
      acc_3_1 += (float)(a0.s3 * b1);
    }
    if (more) {
      la_next[kkA0 * 68 + eA0] = rA0;
      la_next[kkA1 * 68 + eA1] = rA1;
      la_next[kkA2 * 68 + eA2] = rA2;
      la_next[kkA3 * 68 + eA3] = rA3;
      lb_next[kkB0 * 32 + eB0] = rB0;
      lb_next[kkB1 * 32 + eB1] = rB1;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    buf ^= 1;
  }
  const int orow0 = grow + ty * 4 + 0;
  const int orow0_d0 = (orow0 / 12544);
  const int orow0_d1 = ((orow0 / 112) % 112);
  const int orow0_d2 = (orow0 % 112);
  const int orow1 = grow + ty * 4 + 1;
  const int orow1_d0 = (orow1 / 12544);
  const int orow1_d1 = ((orow1 / 112) % 112);
  const int orow1_d2 = (orow1 % 112);
  const int orow2 = grow + ty * 4 + 2;
  const int orow2_d0 = (orow2 / 12544);
  const int orow2_d1 = ((orow2 / 112) % 112);
  const int orow2_d2 = (orow2 % 112);
  const int orow3 = grow + ty * 4 + 3;
  const int orow3_d0 = (orow3 / 12544);
  const int orow3_d1 = ((orow3 / 112) % 112);
  const int orow3_d2 = (orow3 % 112);
  const int ocol0 = gcol + tx + 0;
  const int ocol0_d3 = ocol0;
  const int ocol1 = gcol + tx + 16;
  const int ocol1_d3 = ocol1;
  const int of_0_0 = orow0_d0 * 401408 + orow0_d1 * 3584 + orow0_d2 * 32 + ocol0_d3;
  const int of_0_1 = orow0_d0 * 401408 + orow0_d1 * 3584 + orow0_d2 * 32 + ocol1_d3;
  const int of_1_0 = orow1_d0 * 401408 + orow1_d1 * 3584 + orow1_d2 * 32 + ocol0_d3;
  const int of_1_1 = orow1_d0 * 401408 + orow1_d1 * 3584 + orow1_d2 * 32 + ocol1_d3;
  const int of_2_0 = orow2_d0 * 401408 + orow2_d1 * 3584 + orow2_d2 * 32 + ocol0_d3;
  const int of_2_1 = orow2_d0 * 401408 + orow2_d1 * 3584 + orow2_d2 * 32 + ocol1_d3;
  const int of_3_0 = orow3_d0 * 401408 + orow3_d1 * 3584 + orow3_d2 * 32 + ocol0_d3;
  const int of_3_1 = orow3_d0 * 401408 + orow3_d1 * 3584 + orow3_d2 * 32 + ocol1_d3;
  {
    const float v0_0 = ((acc_0_0) + (p3[ocol0_d3]));
    const float v1_0 = tt_fmax(v0_0, 0.0f);
    const float v2_0 = tt_fmin(v1_0, 6.0f);
    p0[of_0_0] = v2_0;
  }
  {
    const float v0_1 = ((acc_0_1) + (p3[ocol1_d3]));
    const float v1_1 = tt_fmax(v0_1, 0.0f);
    const float v2_1 = tt_fmin(v1_1, 6.0f);
    p0[of_0_1] = v2_1;
  }
  {
    const float v0_2 = ((acc_1_0) + (p3[ocol0_d3]));
    const float v1_2 = tt_fmax(v0_2, 0.0f);
    const float v2_2 = tt_fmin(v1_2, 6.0f);
    p0[of_1_0] = v2_2;
  }
  {
    const float v0_3 = ((acc_1_1) + (p3[ocol1_d3]));
    const float v1_3 = tt_fmax(v0_3, 0.0f);
    const float v2_3 = tt_fmin(v1_3, 6.0f);
    p0[of_1_1] = v2_3;
  }
  {
    const float v0_4 = ((acc_2_0) + (p3[ocol0_d3]));
    const float v1_4 = tt_fmax(v0_4, 0.0f);
    const float v2_4 = tt_fmin(v1_4, 6.0f);
    p0[of_2_0] = v2_4;
  }
  {
    const float v0_5 = ((acc_2_1) + (p3[ocol1_d3]));
    const float v1_5 = tt_fmax(v0_5, 0.0f);
    const float v2_5 = tt_fmin(v1_5, 6.0f);
    p0[of_2_1] = v2_5;
  }
  {
    const float v0_6 = ((acc_3_0) + (p3[ocol0_d3]));
    const float v1_6 = tt_fmax(v0_6, 0.0f);
    const float v2_6 = tt_fmin(v1_6, 6.0f);
    p0[of_3_0] = v2_6;
  }
  {
    const float v0_7 = ((acc_3_1) + (p3[ocol1_d3]));
    const float v1_7 = tt_fmax(v0_7, 0.0f);
    const float v2_7 = tt_fmin(v1_7, 6.0f);
    p0[of_3_1] = v2_7;
  }
}
