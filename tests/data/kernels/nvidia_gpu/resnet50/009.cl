// constant transform, work-group 128
//   _T160_wino_V[a, b, n, ty, tx, c : 4, 4, 1, 14, 14, 128] = +(_T160_wino_BB[a, b, u, v] * _T159[n, 2*ty + u - 1, 2*tx + v - 1, c]);
//   p0: _T160_wino_V float32[4, 4, 1, 14, 14, 128]
//   p1: _T159 float32[1, 28, 28, 128]
// launch: global 6272x1x1, local 128x1x1, 11943936 flops, 2007040 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  const size_t gid = get_global_id(0);
  if (gid >= 6272) return;
  const int i_c = (int)(gid % 32) * 4;
  const int i_tx = (int)((gid / 32) % 14);
  const int i_ty = (int)(((gid / 32) / 14) % 14);
  const int i_n = (int)(((gid / 32) / 14) / 14);
  const float4 x0 = ((2 * i_ty - 1) >= 0 && (2 * i_ty - 1) < 28 && (2 * i_tx - 1) >= 0 && (2 * i_tx - 1) < 28) ? vload4(0, p1 + (i_n) * 100352 + (2 * i_ty - 1) * 3584 + (2 * i_tx - 1) * 128 + (i_c)) : (float4)(0.0f);
  const float4 x1 = ((2 * i_ty - 1) >= 0 && (2 * i_ty - 1) < 28) ? vload4(0, p1 + (i_n) * 100352 + (2 * i_ty - 1) * 3584 + (2 * i_tx + 1) * 128 + (i_c)) : (float4)(0.0f);
  const float4 x2 = ((2 * i_tx - 1) >= 0 && (2 * i_tx - 1) < 28) ? vload4(0, p1 + (i_n) * 100352 + (2 * i_ty + 1) * 3584 + (2 * i_tx - 1) * 128 + (i_c)) : (float4)(0.0f);
  const float4 x3 = vload4(0, p1 + (i_n) * 100352 + (2 * i_ty + 1) * 3584 + (2 * i_tx + 1) * 128 + (i_c));
  const float4 x4 = ((2 * i_ty - 1) >= 0 && (2 * i_ty - 1) < 28) ? vload4(0, p1 + (i_n) * 100352 + (2 * i_ty - 1) * 3584 + (2 * i_tx) * 128 + (i_c)) : (float4)(0.0f);
  const float4 x5 = vload4(0, p1 + (i_n) * 100352 + (2 * i_ty + 1) * 3584 + (2 * i_tx) * 128 + (i_c));
  const float4 x6 = ((2 * i_ty - 1) >= 0 && (2 * i_ty - 1) < 28 && (2 * i_tx + 2) >= 0 && (2 * i_tx + 2) < 28) ? vload4(0, p1 + (i_n) * 100352 + (2 * i_ty - 1) * 3584 + (2 * i_tx + 2) * 128 + (i_c)) : (float4)(0.0f);
  const float4 x7 = ((2 * i_tx + 2) >= 0 && (2 * i_tx + 2) < 28) ? vload4(0, p1 + (i_n) * 100352 + (2 * i_ty + 1) * 3584 + (2 * i_tx + 2) * 128 + (i_c)) : (float4)(0.0f);
  const float4 x8 = ((2 * i_tx - 1) >= 0 && (2 * i_tx - 1) < 28) ? vload4(0, p1 + (i_n) * 100352 + (2 * i_ty) * 3584 + (2 * i_tx - 1) * 128 + (i_c)) : (float4)(0.0f);
  const float4 x9 = vload4(0, p1 + (i_n) * 100352 + (2 * i_ty) * 3584 + (2 * i_tx + 1) * 128 + (i_c));
  const float4 x10 = vload4(0, p1 + (i_n) * 100352 + (2 * i_ty) * 3584 + (2 * i_tx) * 128 + (i_c));
  const float4 x11 = ((2 * i_tx + 2) >= 0 && (2 * i_tx + 2) < 28) ? vload4(0, p1 + (i_n) * 100352 + (2 * i_ty) * 3584 + (2 * i_tx + 2) * 128 + (i_c)) : (float4)(0.0f);
  const float4 x12 = ((2 * i_ty + 2) >= 0 && (2 * i_ty + 2) < 28 && (2 * i_tx - 1) >= 0 && (2 * i_tx - 1) < 28) ? vload4(0, p1 + (i_n) * 100352 + (2 * i_ty + 2) * 3584 + (2 * i_tx - 1) * 128 + (i_c)) : (float4)(0.0f);
  const float4 x13 = ((2 * i_ty + 2) >= 0 && (2 * i_ty + 2) < 28) ? vload4(0, p1 + (i_n) * 100352 + (2 * i_ty + 2) * 3584 + (2 * i_tx + 1) * 128 + (i_c)) : (float4)(0.0f);
  const float4 x14 = ((2 * i_ty + 2) >= 0 && (2 * i_ty + 2) < 28) ? vload4(0, p1 + (i_n) * 100352 + (2 * i_ty + 2) * 3584 + (2 * i_tx) * 128 + (i_c)) : (float4)(0.0f);
  const float4 x15 = ((2 * i_ty + 2) >= 0 && (2 * i_ty + 2) < 28 && (2 * i_tx + 2) >= 0 && (2 * i_tx + 2) < 28) ? vload4(0, p1 + (i_n) * 100352 + (2 * i_ty + 2) * 3584 + (2 * i_tx + 2) * 128 + (i_c)) : (float4)(0.0f);
  const float4 t0 = x0 - x1 - x2 + x3;
  const float4 t1 = x4 + x1 - x5 - x3;
  const float4 t2 = -x4 + x1 + x5 - x3;
  const float4 t3 = x4 - x6 - x5 + x7;
  const float4 t4 = x8 - x9 + x2 - x3;
  const float4 t5 = x10 + x9 + x5 + x3;
  const float4 t6 = -x10 + x9 - x5 + x3;
  const float4 t7 = x10 - x11 + x5 - x7;
  const float4 t8 = -x8 + x9 + x2 - x3;
  const float4 t9 = -x10 - x9 + x5 + x3;
  const float4 t10 = x10 - x9 - x5 + x3;
  const float4 t11 = -x10 + x11 + x5 - x7;
  const float4 t12 = x8 - x9 - x12 + x13;
  const float4 t13 = x10 + x9 - x14 - x13;
  const float4 t14 = -x10 + x9 + x14 - x13;
  const float4 t15 = x10 - x11 - x14 + x15;
  {
    vstore4((float4)(t0.s0, t0.s1, t0.s2, t0.s3), 0, p0 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
  {
    vstore4((float4)(t1.s0, t1.s1, t1.s2, t1.s3), 0, p0 + 1 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
  {
    vstore4((float4)(t2.s0, t2.s1, t2.s2, t2.s3), 0, p0 + 2 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
  {
    vstore4((float4)(t3.s0, t3.s1, t3.s2, t3.s3), 0, p0 + 3 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
  {
    vstore4((float4)(t4.s0, t4.s1, t4.s2, t4.s3), 0, p0 + 1 * 100352 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
  {
    vstore4((float4)(t5.s0, t5.s1, t5.s2, t5.s3), 0, p0 + 1 * 100352 + 1 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
  {
    vstore4((float4)(t6.s0, t6.s1, t6.s2, t6.s3), 0, p0 + 1 * 100352 + 2 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
  {
    vstore4((float4)(t7.s0, t7.s1, t7.s2, t7.s3), 0, p0 + 1 * 100352 + 3 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
  {
    vstore4((float4)(t8.s0, t8.s1, t8.s2, t8.s3), 0, p0 + 2 * 100352 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
  {
    vstore4((float4)(t9.s0, t9.s1, t9.s2, t9.s3), 0, p0 + 2 * 100352 + 1 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
  {
    vstore4((float4)(t10.s0, t10.s1, t10.s2, t10.s3), 0, p0 + 2 * 100352 + 2 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
  {
    vstore4((float4)(t11.s0, t11.s1, t11.s2, t11.s3), 0, p0 + 2 * 100352 + 3 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
  {
    vstore4((float4)(t12.s0, t12.s1, t12.s2, t12.s3), 0, p0 + 3 * 100352 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
  {
    vstore4((float4)(t13.s0, t13.s1, t13.s2, t13.s3), 0, p0 + 3 * 100352 + 1 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
  {
    vstore4((float4)(t14.s0, t14.s1, t14.s2, t14.s3), 0, p0 + 3 * 100352 + 2 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
  {
    vstore4((float4)(t15.s0, t15.s1, t15.s2, t15.s3), 0, p0 + 3 * 100352 + 3 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_c));
  }
}
