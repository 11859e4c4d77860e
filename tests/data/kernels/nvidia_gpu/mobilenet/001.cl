// tile 2 (dim 3) x 4 (dim 2), work-group 128, vector loads
//   _T14[n, y, x, c : 1, 112, 112, 32] = +(_T13[n, y + i - 1, x + j - 1, c] * conv_dw_1/depthwise_kernel_scaled[i, j, c, 0]);
//   _T23 = _T14 + _T14_bias;
//   _T25 = max(_T23, 0.0);
//   _T27 = min(_T25, 6.0);
//   p0: _T27 float32[1, 112, 112, 32]
//   p1: _T13 float32[1, 112, 112, 32]
//   p2: conv_dw_1/depthwise_kernel_scaled float32[3, 3, 32, 1]
//   p3: _T14_bias float32[32]
// launch: global 50176x1x1, local 128x1x1, 8343808 flops, 3212544 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off, __global const float* p3_buf, const ulong p3_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  __global const float* p3 = p3_buf + p3_off;
  const size_t gid = get_global_id(0);
  if (gid >= 50176) return;
  const int c3 = (int)(gid % 16) * 2;
  const int c2 = (int)((gid / 16) % 28) * 4;
  const int c1 = (int)(((gid / 16) / 28) % 112);
  const int c0 = (int)((((gid / 16) / 28) / 112));
  const int c3_0 = c3;
  const int c3_1 = c3 + 1;
  const int c2_0 = c2;
  const int c2_1 = c2 + 1;
  const int c2_2 = c2 + 2;
  const int c2_3 = c2 + 3;
  const int o_0_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_0;
  const int o_0_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_0;
  const int o_0_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_0;
  const int o_0_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_0;
  const int o_1_0 = c0 * 401408 + c1 * 3584 + c2_0 * 32 + c3_1;
  const int o_1_1 = c0 * 401408 + c1 * 3584 + c2_1 * 32 + c3_1;
  const int o_1_2 = c0 * 401408 + c1 * 3584 + c2_2 * 32 + c3_1;
  const int o_1_3 = c0 * 401408 + c1 * 3584 + c2_3 * 32 + c3_1;
  const int i_n = (c0);
  const int i_y = (c1);
  const int i_x_0 = c2_0;
  const int i_x_1 = c2_1;
  const int i_x_2 = c2_2;
  const int i_x_3 = c2_3;
  const int i_c_0 = c3_0;
  const int i_c_1 = c3_1;
  float2 accv_0 = (float2)(0.0f);
  float2 accv_1 = (float2)(0.0f);
  float2 accv_2 = (float2)(0.0f);
  float2 accv_3 = (float2)(0.0f);
  if (1 && i_n >= 0 && i_n < 1 && i_y >= 0 && i_y < 112 && (i_n) >= 0 && (i_n) < 1 && 0 >= 0 && 0 < 1) {
    for (int i_i = max(max(0, -((i_y - 1))), -(0)), e_i = min(min(3, 112 - (i_y - 1)), 3 - 0); i_i < e_i; ++i_i) {
      for (int i_j = max(0, -(0)), e_j = min(3, 3 - 0); i_j < e_j; ++i_j) {
        const int ok2_b0 = (i_x_0 + i_j - 1) >= 0 && (i_x_0 + i_j - 1) < 112;
        const int ok2_b1 = (i_x_1 + i_j - 1) >= 0 && (i_x_1 + i_j - 1) < 112;
        const int ok2_b2 = (i_x_2 + i_j - 1) >= 0 && (i_x_2 + i_j - 1) < 112;
        const int ok2_b3 = (i_x_3 + i_j - 1) >= 0 && (i_x_3 + i_j - 1) < 112;
        const float2 in0_0 = (ok2_b0) ? vload2(0, p1 + (i_n) * 401408 + (i_y + i_i - 1) * 3584 + (i_x_0 + i_j - 1) * 32 + (i_c_0)) : (float2)(0.0f);
        const float2 in0_1 = (ok2_b1) ? vload2(0, p1 + (i_n) * 401408 + (i_y + i_i - 1) * 3584 + (i_x_1 + i_j - 1) * 32 + (i_c_0)) : (float2)(0.0f);
        const float2 in0_2 = (ok2_b2) ? vload2(0, p1 + (i_n) * 401408 + (i_y + i_i - 1) * 3584 + (i_x_2 + i_j - 1) * 32 + (i_c_0)) : (float2)(0.0f);
        const float2 in0_3 = (ok2_b3) ? vload2(0, p1 + (i_n) * 401408 + (i_y + i_i - 1) * 3584 + (i_x_3 + i_j - 1) * 32 + (i_c_0)) : (float2)(0.0f);
        const float2 in1 = vload2(0, p2 + (i_i) * 96 + (i_j) * 32 + (i_c_0));
        if (ok2_b0) accv_0 += in0_0 * in1;
        if (ok2_b1) accv_1 += in0_1 * in1;
        if (ok2_b2) accv_2 += in0_2 * in1;
        if (ok2_b3) accv_3 += in0_3 * in1;
      }
    }
  }
  {
    const float v0_0_0 = ((accv_0.s0) + (p3[c3_0]));
    const float v1_0_0 = tt_fmax(v0_0_0, 0.0f);
    const float v2_0_0 = tt_fmin(v1_0_0, 6.0f);
    const float v0_1_0 = ((accv_0.s1) + (p3[c3_1]));
    const float v1_1_0 = tt_fmax(v0_1_0, 0.0f);
    const float v2_1_0 = tt_fmin(v1_1_0, 6.0f);
    vstore2((float2)(v2_0_0, v2_1_0), 0, p0 + o_0_0);
  }
  {
    const float v0_0_1 = ((accv_1.s0) + (p3[c3_0]));
    const float v1_0_1 = tt_fmax(v0_0_1, 0.0f);
    const float v2_0_1 = tt_fmin(v1_0_1, 6.0f);
    const float v0_1_1 = ((accv_1.s1) + (p3[c3_1]));
    const float v1_1_1 = tt_fmax(v0_1_1, 0.0f);
    const float v2_1_1 = tt_fmin(v1_1_1, 6.0f);
    vstore2((float2)(v2_0_1, v2_1_1), 0, p0 + o_0_1);
  }
  {
    const float v0_0_2 = ((accv_2.s0) + (p3[c3_0]));
    const float v1_0_2 = tt_fmax(v0_0_2, 0.0f);
    const float v2_0_2 = tt_fmin(v1_0_2, 6.0f);
    const float v0_1_2 = ((accv_2.s1) + (p3[c3_1]));
    const float v1_1_2 = tt_fmax(v0_1_2, 0.0f);
    const float v2_1_2 = tt_fmin(v1_1_2, 6.0f);
    vstore2((float2)(v2_0_2, v2_1_2), 0, p0 + o_0_2);
  }
  {
    const float v0_0_3 = ((accv_3.s0) + (p3[c3_0]));
    const float v1_0_3 = tt_fmax(v0_0_3, 0.0f);
    const float v2_0_3 = tt_fmin(v1_0_3, 6.0f);
    const float v0_1_3 = ((accv_3.s1) + (p3[c3_1]));
    const float v1_1_3 = tt_fmax(v0_1_3, 0.0f);
    const float v2_1_3 = tt_fmin(v1_1_3, 6.0f);
    vstore2((float2)(v2_0_3, v2_1_3), 0, p0 + o_0_3);
  }
}
