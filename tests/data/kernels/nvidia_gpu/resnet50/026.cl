// tile 2 (dim 5) x 2 (dim 4), work-group 128, unroll 4, vector loads
//   _T552_wino_M[a, b, n, ty, tx, k : 4, 4, 1, 4, 4, 512] = +(_T552_wino_V[a, b, n, ty, tx, c] * _T552_wino_U[a, b, c, k]);
//   p0: _T552_wino_M float32[4, 4, 1, 4, 4, 512]
//   p1: _T552_wino_V float32[4, 4, 1, 4, 4, 512]
//   p2: _T552_wino_U float32[4, 4, 512, 512]
// launch: global 32768x1x1, local 128x1x1, 134217728 flops, 17825792 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  const size_t gid = get_global_id(0);
  if (gid >= 32768) return;
  const int c5 = (int)(gid % 256) * 2;
  const int c4 = (int)((gid / 256) % 2) * 2;
  const int c3 = (int)(((gid / 256) / 2) % 4);
  const int c2 = (int)((((gid / 256) / 2) / 4) % 1);
  const int c1 = (int)(((((gid / 256) / 2) / 4) / 1) % 4);
  const int c0 = (int)((((((gid / 256) / 2) / 4) / 1) / 4));
  const int c5_0 = c5;
  const int c5_1 = c5 + 1;
  const int c4_0 = c4;
  const int c4_1 = c4 + 1;
  const int o_0_0 = c0 * 32768 + c1 * 8192 + c2 * 8192 + c3 * 2048 + c4_0 * 512 + c5_0;
  const int o_0_1 = c0 * 32768 + c1 * 8192 + c2 * 8192 + c3 * 2048 + c4_1 * 512 + c5_0;
  const int o_1_0 = c0 * 32768 + c1 * 8192 + c2 * 8192 + c3 * 2048 + c4_0 * 512 + c5_1;
  const int o_1_1 = c0 * 32768 + c1 * 8192 + c2 * 8192 + c3 * 2048 + c4_1 * 512 + c5_1;
  const int i_a = (c0);
  const int i_b = (c1);
  const int i_n = (c2);
  const int i_ty = (c3);
  const int i_tx_0 = c4_0;
  const int i_tx_1 = c4_1;
  const int i_k_0 = c5_0;
  const int i_k_1 = c5_1;
  float2 accv_0 = (float2)(0.0f);
  float2 accv_1 = (float2)(0.0f);
  if (1 && i_a >= 0 && i_a < 4 && i_b >= 0 && i_b < 4 && i_n >= 0 && i_n < 1 && i_ty >= 0 && i_ty < 4 && (i_a) >= 0 && (i_a) < 4 && (i_b) >= 0 && (i_b) < 4 && (i_n) >= 0 && (i_n) < 1 && (i_ty) >= 0 && (i_ty) < 4 && (i_a) >= 0 && (i_a) < 4 && (i_b) >= 0 && (i_b) < 4) {
    #pragma unroll 4
    for (int i_c = max(max(0, -(0)), -(0)), e_c = min(min(512, 512 - 0), 512 - 0); i_c < e_c; ++i_c) {
      const float in0_0 = p1[(i_a) * 32768 + (i_b) * 8192 + (i_n) * 8192 + (i_ty) * 2048 + (i_tx_0) * 512 + (i_c)];
      const float in0_1 = p1[(i_a) * 32768 + (i_b) * 8192 + (i_n) * 8192 + (i_ty) * 2048 + (i_tx_1) * 512 + (i_c)];
      const float2 in1 = vload2(0, p2 + (i_a) * 1048576 + (i_b) * 262144 + (i_c) * 512 + (i_k_0));
      accv_0 += in0_0 * in1;
      accv_1 += in0_1 * in1;
    }
  }
  {
    vstore2((float2)(accv_0.s0, accv_0.s1), 0, p0 + o_0_0);
  }
  {
    vstore2((float2)(accv_1.s0, accv_1.s1), 0, p0 + o_0_1);
  }
}
