// constant transform, work-group 128
//   _T160[n, 2*ty + r, 2*tx + s, k : 1, 28, 28, 128] = +(_T160_wino_AA[r, s, a, b] * _T160_wino_M[a, b, n, ty, tx, k]);
//   _T170 = _T160 + _T160_bias;
//   _T171 = relu(_T170);
//   p0: _T171 float32[1, 28, 28, 128]
//   p1: _T160_wino_M float32[4, 4, 1, 14, 14, 128]
//   p2: _T160_bias float32[128]
// launch: global 6272x1x1, local 128x1x1, 3411968 flops, 2007552 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  const size_t gid = get_global_id(0);
  if (gid >= 6272) return;
  const int i_k = (int)(gid % 32) * 4;
  const int i_tx = (int)((gid / 32) % 14);
  const int i_ty = (int)(((gid / 32) / 14) % 14);
  const int i_n = (int)(((gid / 32) / 14) / 14);
  const float4 x0 = vload4(0, p1 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 x1 = vload4(0, p1 + 1 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 x2 = vload4(0, p1 + 2 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 x3 = vload4(0, p1 + 1 * 100352 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 x4 = vload4(0, p1 + 1 * 100352 + 1 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 x5 = vload4(0, p1 + 1 * 100352 + 2 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 x6 = vload4(0, p1 + 2 * 100352 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 x7 = vload4(0, p1 + 2 * 100352 + 1 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 x8 = vload4(0, p1 + 2 * 100352 + 2 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 x9 = vload4(0, p1 + 3 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 x10 = vload4(0, p1 + 1 * 100352 + 3 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 x11 = vload4(0, p1 + 2 * 100352 + 3 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 x12 = vload4(0, p1 + 3 * 100352 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 x13 = vload4(0, p1 + 3 * 100352 + 1 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 x14 = vload4(0, p1 + 3 * 100352 + 2 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 x15 = vload4(0, p1 + 3 * 100352 + 3 * 25088 + (i_n) * 25088 + (i_ty) * 1792 + (i_tx) * 128 + (i_k));
  const float4 t0 = x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8;
  const float4 t1 = x1 - x2 - x9 + x4 - x5 - x10 + x7 - x8 - x11;
  const float4 t2 = x3 + x4 + x5 - x6 - x7 - x8 - x12 - x13 - x14;
  const float4 t3 = x4 - x5 - x10 - x7 + x8 + x11 - x13 + x14 + x15;
  {
    const float v0_0 = ((t0.s0) + (p2[(i_k)]));
    const float v1_0 = ((v0_0) < 0.0f ? 0.0f : (v0_0));
    const float v0_4 = ((t0.s1) + (p2[(i_k + 1)]));
    const float v1_4 = ((v0_4) < 0.0f ? 0.0f : (v0_4));
    const float v0_8 = ((t0.s2) + (p2[(i_k + 2)]));
    const float v1_8 = ((v0_8) < 0.0f ? 0.0f : (v0_8));
    const float v0_12 = ((t0.s3) + (p2[(i_k + 3)]));
    const float v1_12 = ((v0_12) < 0.0f ? 0.0f : (v0_12));
    vstore4((float4)(v1_0, v1_4, v1_8, v1_12), 0, p0 + (i_n) * 100352 + (2 * i_ty) * 3584 + (2 * i_tx) * 128 + (i_k));
  }
  {
    const float v0_1 = ((t1.s0) + (p2[(i_k)]));
    const float v1_1 = ((v0_1) < 0.0f ? 0.0f : (v0_1));
    const float v0_5 = ((t1.s1) + (p2[(i_k + 1)]));
    const float v1_5 = ((v0_5) < 0.0f ? 0.0f : (v0_5));
    const float v0_9 = ((t1.s2) + (p2[(i_k + 2)]));
    const float v1_9 = ((v0_9) < 0.0f ? 0.0f : (v0_9));
    const float v0_13 = ((t1.s3) + (p2[(i_k + 3)]));
    const float v1_13 = ((v0_13) < 0.0f ? 0.0f : (v0_13));
    vstore4((float4)(v1_1, v1_5, v1_9, v1_13), 0, p0 + (i_n) * 100352 + (2 * i_ty) * 3584 + (2 * i_tx + 1) * 128 + (i_k));
  }
  {
    const float v0_2 = ((t2.s0) + (p2[(i_k)]));
    const float v1_2 = ((v0_2) < 0.0f ? 0.0f : (v0_2));
    const float v0_6 = ((t2.s1) + (p2[(i_k + 1)]));
    const float v1_6 = ((v0_6) < 0.0f ? 0.0f : (v0_6));
    const float v0_10 = ((t2.s2) + (p2[(i_k + 2)]));
    const float v1_10 = ((v0_10) < 0.0f ? 0.0f : (v0_10));
    const float v0_14 = ((t2.s3) + (p2[(i_k + 3)]));
    const float v1_14 = ((v0_14) < 0.0f ? 0.0f : (v0_14));
    vstore4((float4)(v1_2, v1_6, v1_10, v1_14), 0, p0 + (i_n) * 100352 + (2 * i_ty + 1) * 3584 + (2 * i_tx) * 128 + (i_k));
  }
  {
    const float v0_3 = ((t3.s0) + (p2[(i_k)]));
    const float v1_3 = ((v0_3) < 0.0f ? 0.0f : (v0_3));
    const float v0_7 = ((t3.s1) + (p2[(i_k + 1)]));
    const float v1_7 = ((v0_7) < 0.0f ? 0.0f : (v0_7));
    const float v0_11 = ((t3.s2) + (p2[(i_k + 2)]));
    const float v1_11 = ((v0_11) < 0.0f ? 0.0f : (v0_11));
    const float v0_15 = ((t3.s3) + (p2[(i_k + 3)]));
    const float v1_15 = ((v0_15) < 0.0f ? 0.0f : (v0_15));
    vstore4((float4)(v1_3, v1_7, v1_11, v1_15), 0, p0 + (i_n) * 100352 + (2 * i_ty + 1) * 3584 + (2 * i_tx + 1) * 128 + (i_k));
  }
}
