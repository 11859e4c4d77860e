// local-memory GEMM: work-group 16x16, tile 4x2 (block 64x32), K chunk 16, vector 4, double-buffered
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
//   p4: conv2_block1_1_conv/kernel_scaled float32[1, 1, 64, 128]
//   p5: _T24_bias float32[128]
// launch: global 50176x1x1, local 256x1x1 (exact), 52785152 flops, 2442240 bytes
__kernel __attribute__((reqd_work_group_size(256, 1, 1))) void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off, __global const float* p3_buf, const ulong p3_off, __global const float* p4_buf, const ulong p4_off, __global const float* p5_buf, const ulong p5_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  __global const float* p3 = p3_buf + p3_off;
  __global const float* p4 = p4_buf + p4_off;
  __global const float* p5 = p5_buf + p5_off;
  __local float la[2176] __attribute__((aligned(16)));
  __local float lb[1024] __attribute__((aligned(16)));
  const int lid = (int)get_local_id(0);
  const int tx = lid % 16;
  const int ty = lid / 16;
  const int grp = (int)get_group_id(0);
  const int gcol = (grp % 4) * 32;
  const int grow = ((grp / 4) % 49) * 64;
  const int kkA0 = lid % 16;
  const int eA0 = lid / 16 + 0;
  const int pA0 = grow + eA0;
  const int pA0_n = (pA0 / 3136);
  const int pA0_y = ((pA0 / 56) % 56);
  const int pA0_x = (pA0 % 56);
  const int okpA0 = 1;
  const int kkA1 = lid % 16;
  const int eA1 = lid / 16 + 16;
  const int pA1 = grow + eA1;
  const int pA1_n = (pA1 / 3136);
  const int pA1_y = ((pA1 / 56) % 56);
  const int pA1_x = (pA1 % 56);
  const int okpA1 = 1;
  const int kkA2 = lid % 16;
  const int eA2 = lid / 16 + 32;
  const int pA2 = grow + eA2;
  const int pA2_n = (pA2 / 3136);
  const int pA2_y = ((pA2 / 56) % 56);
  const int pA2_x = (pA2 % 56);
  const int okpA2 = 1;
  const int kkA3 = lid % 16;
  const int eA3 = lid / 16 + 48;
  const int pA3 = grow + eA3;
  const int pA3_n = (pA3 / 3136);
  const int pA3_y = ((pA3 / 56) % 56);
  const int pA3_x = (pA3 % 56);
  const int okpA3 = 1;
  const int kkB0 = lid / 32 + 0;
  const int eB0 = lid % 32;
  const int pB0 = gcol + eB0;
  const int pB0_k = pB0;
  const int okpB0 = 1;
  const int offB0 = (0) * 128 + (pB0_k) + 128 * kkB0;
  const int oklB0 = okpB0;
  const int kkB1 = lid / 32 + 8;
  const int eB1 = lid % 32;
  const int offB1 = (0) * 128 + (pB0_k) + 128 * kkB1;
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
    const int qA0_c = qA0;
    float pvA0 = 0.0f;
    if (okpA0) {
      const float pvA0_0 = p1[(pA0_y) * 3584 + (pA0_x) * 64 + (qA0_c)];
      const float pvA0_1 = p2[(qA0_c)];
      const float pvA0_2 = ((pvA0_0) * (pvA0_1));
      const float pvA0_3 = p3[(qA0_c)];
      const float pvA0_4 = ((pvA0_2) + (pvA0_3));
      const float pvA0_5 = ((pvA0_4) < 0.0f ? 0.0f : (pvA0_4));
      pvA0 = pvA0_5;
    }
    float pvA1 = 0.0f;
    if (okpA1) {
      const float pvA1_0 = p1[(pA1_y) * 3584 + (pA1_x) * 64 + (qA0_c)];
      const float pvA1_1 = p2[(qA0_c)];
      const float pvA1_2 = ((pvA1_0) * (pvA1_1));
      const float pvA1_3 = p3[(qA0_c)];
      const float pvA1_4 = ((pvA1_2) + (pvA1_3));
      const float pvA1_5 = ((pvA1_4) < 0.0f ? 0.0f : (pvA1_4));
      pvA1 = pvA1_5;
    }
    float pvA2 = 0.0f;
    if (okpA2) {
      const float pvA2_0 = p1[(pA2_y) * 3584 + (pA2_x) * 64 + (qA0_c)];
      const float pvA2_1 = p2[(qA0_c)];
      const float pvA2_2 = ((pvA2_0) * (pvA2_1));
      const float pvA2_3 = p3[(qA0_c)];
      const float pvA2_4 = ((pvA2_2) + (pvA2_3));
      const float pvA2_5 = ((pvA2_4) < 0.0f ? 0.0f : (pvA2_4));
      pvA2 = pvA2_5;
    }
    float pvA3 = 0.0f;
    if (okpA3) {
      const float pvA3_0 = p1[(pA3_y) * 3584 + (pA3_x) * 64 + (qA0_c)];
      const float pvA3_1 = p2[(qA0_c)];
      const float pvA3_2 = ((pvA3_0) * (pvA3_1));
      const float pvA3_3 = p3[(qA0_c)];
      const float pvA3_4 = ((pvA3_2) + (pvA3_3));
      const float pvA3_5 = ((pvA3_4) < 0.0f ? 0.0f : (pvA3_4));
      pvA3 = pvA3_5;
    }
    rA0 = pvA0;
    rA1 = pvA1;
    rA2 = pvA2;
    rA3 = pvA3;
    rB0 = (oklB0) ? p4[offB0] : 0.0f;
    rB1 = (oklB1) ? p4[offB1] : 0.0f;
    la[kkA0 * 68 + eA0] = rA0;
    la[kkA1 * 68 + eA1] = rA1;
    la[kkA2 * 68 + eA2] = rA2;
    la[kkA3 * 68 + eA3] = rA3;
    lb[kkB0 * 32 + eB0] = rB0;
    lb[kkB1 * 32 + eB1] = rB1;
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  int buf = 0;
  for (int k0 = 0; k0 < 64; k0 += 16) {
    __local float* const la_cur = la + buf * 1088;
    __local float* const la_next = la + (buf ^ 1) * 1088;
    __local float* const lb_cur = lb + buf * 512;
    __local float* const lb_next = lb + (buf ^ 1) * 512;
    const int more = k0 + 16 < 64;
    if (more) {
      const int qA0 = k0 + 16 + kkA0;
      const int qA0_c = qA0;
      float pvA0 = 0.0f;
      if (okpA0) {
        const float pvA0_0 = p1[(pA0_y) * 3584 + (pA0_x) * 64 + (qA0_c)];
        const float pvA0_1 = p2[(qA0_c)];
        const float pvA0_2 = ((pvA0_0) * (pvA0_1));
        const float pvA0_3 = p3[(qA0_c)];
        const float pvA0_4 = ((pvA0_2) + (pvA0_3));
        const float pvA0_5 = ((pvA0_4) < 0.0f ? 0.0f : (pvA0_4));
        pvA0 = pvA0_5;
      }
      float pvA1 = 0.0f;
      if (okpA1) {
        const float pvA1_0 = p1[(pA1_y) * 3584 + (pA1_x) * 64 + (qA0_c)];
        const float pvA1_1 = p2[(qA0_c)];
        const float pvA1_2 = ((pvA1_0) * (pvA1_1));
        const float pvA1_3 = p3[(qA0_c)];
        const float pvA1_4 = ((pvA1_2) + (pvA1_3));
        const float pvA1_5 = ((pvA1_4) < 0.0f ? 0.0f : (pvA1_4));
        pvA1 = pvA1_5;
      }
      float pvA2 = 0.0f;
      if (okpA2) {
        const float pvA2_0 = p1[(pA2_y) * 3584 + (pA2_x) * 64 + (qA0_c)];
        const float pvA2_1 = p2[(qA0_c)];
        const float pvA2_2 = ((pvA2_0) * (pvA2_1));
        const float pvA2_3 = p3[(qA0_c)];
        const float pvA2_4 = ((pvA2_2) + (pvA2_3));
        const float pvA2_5 = ((pvA2_4) < 0.0f ? 0.0f : (pvA2_4));
        pvA2 = pvA2_5;
      }
      float pvA3 = 0.0f;
      if (okpA3) {
        const float pvA3_0 = p1[(pA3_y) * 3584 + (pA3_x) * 64 + (qA0_c)];
        const float pvA3_1 = p2[(qA0_c)];
        const float pvA3_2 = ((pvA3_0) * (pvA3_1));
        const float pvA3_3 = p3[(qA0_c)];
        const float pvA3_4 = ((pvA3_2) + (pvA3_3));
        const float pvA3_5 = ((pvA3_4) < 0.0f ? 0.0f : (pvA3_4));
        pvA3 = pvA3_5;
      }
      rA0 = pvA0;
      rA1 = pvA1;
      rA2 = pvA2;
      rA3 = pvA3;
      rB0 = (oklB0) ? p4[offB0 + 128 * (k0 + 16)] : 0.0f;
      rB1 = (oklB1) ? p4[offB1 + 128 * (k0 + 16)] : 0.0f;
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
  const int orow0_d0 = (orow0 / 3136);
  const int orow0_d1 = ((orow0 / 56) % 56);
  const int orow0_d2 = (orow0 % 56);
  const int orow1 = grow + ty * 4 + 1;
  const int orow1_d0 = (orow1 / 3136);
  const int orow1_d1 = ((orow1 / 56) % 56);
  const int orow1_d2 = (orow1 % 56);
  const int orow2 = grow + ty * 4 + 2;
  const int orow2_d0 = (orow2 / 3136);
  const int orow2_d1 = ((orow2 / 56) % 56);
  const int orow2_d2 = (orow2 % 56);
  const int orow3 = grow + ty * 4 + 3;
  const int orow3_d0 = (orow3 / 3136);
  const int orow3_d1 = ((orow3 / 56) % 56);
  const int orow3_d2 = (orow3 % 56);
  const int ocol0 = gcol + tx + 0;
  const int ocol0_d3 = ocol0;
  const int ocol1 = gcol + tx + 16;
  const int ocol1_d3 = ocol1;
  const int of_0_0 = orow0_d0 * 401408 + orow0_d1 * 7168 + orow0_d2 * 128 + ocol0_d3;
  const int of_0_1 = orow0_d0 * 401408 + orow0_d1 * 7168 + orow0_d2 * 128 + ocol1_d3;
  const int of_1_0 = orow1_d0 * 401408 + orow1_d1 * 7168 + orow1_d2 * 128 + ocol0_d3;
  const int of_1_1 = orow1_d0 * 401408 + orow1_d1 * 7168 + orow1_d2 * 128 + ocol1_d3;
  const int of_2_0 = orow2_d0 * 401408 + orow2_d1 * 7168 + orow2_d2 * 128 + ocol0_d3;
  const int of_2_1 = orow2_d0 * 401408 + orow2_d1 * 7168 + orow2_d2 * 128 + ocol1_d3;
  const int of_3_0 = orow3_d0 * 401408 + orow3_d1 * 7168 + orow3_d2 * 128 + ocol0_d3;
  const int of_3_1 = orow3_d0 * 401408 + orow3_d1 * 7168 + orow3_d2 * 128 + ocol1_d3;
  {
    const float v0_0 = ((acc_0_0) + (p5[ocol0_d3]));
    const float v1_0 = ((v0_0) < 0.0f ? 0.0f : (v0_0));
    p0[of_0_0] = v1_0;
  }
  {
    const float v0_1 = ((acc_0_1) + (p5[ocol1_d3]));
    const float v1_1 = ((v0_1) < 0.0f ? 0.0f : (v0_1));
    p0[of_0_1] = v1_1;
  }
  {
    const float v0_2 = ((acc_1_0) + (p5[ocol0_d3]));
    const float v1_2 = ((v0_2) < 0.0f ? 0.0f : (v0_2));
    p0[of_1_0] = v1_2;
  }
  {
    const float v0_3 = ((acc_1_1) + (p5[ocol1_d3]));
    const float v1_3 = ((v0_3) < 0.0f ? 0.0f : (v0_3));
    p0[of_1_1] = v1_3;
  }
  {
    const float v0_4 = ((acc_2_0) + (p5[ocol0_d3]));
    const float v1_4 = ((v0_4) < 0.0f ? 0.0f : (v0_4));
    p0[of_2_0] = v1_4;
  }
  {
    const float v0_5 = ((acc_2_1) + (p5[ocol1_d3]));
    const float v1_5 = ((v0_5) < 0.0f ? 0.0f : (v0_5));
    p0[of_2_1] = v1_5;
  }
  {
    const float v0_6 = ((acc_3_0) + (p5[ocol0_d3]));
    const float v1_6 = ((v0_6) < 0.0f ? 0.0f : (v0_6));
    p0[of_3_0] = v1_6;
  }
  {
    const float v0_7 = ((acc_3_1) + (p5[ocol1_d3]));
    const float v1_7 = ((v0_7) < 0.0f ? 0.0f : (v0_7));
    p0[of_3_1] = v1_7;
  }
}
