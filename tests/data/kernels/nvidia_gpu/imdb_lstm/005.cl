// group reduction: 32 items per output (split variable 2), 8 outputs per work-group
//   _T6[n, j : 1, 128] = +(H[n, k] * R[k, j + 256]);
//   _T7 = _T6 + Zg;
//   _T8 = tanh(_T7);
//   p0: _T8 float32[1, 128]
//   p1: H float32[1, 128]
//   p2: R float32[128, 512]
//   p3: Zg float32[1, 128]
// launch: global 4096x1x1, local 256x1x1 (exact), 33024 flops, 263680 bytes
__kernel __attribute__((reqd_work_group_size(256, 1, 1))) void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off, __global const float* p3_buf, const ulong p3_off, const int tt_step) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  __global const float* p3 = p3_buf + p3_off;
  p3 += (size_t)tt_step * 128;
  const int lid = (int)get_local_id(0);
  const int slice = lid / 8;
  const size_t out_id = get_group_id(0) * 8 + lid % 8;
  const size_t gid = out_id < 128 ? out_id : 127;
  const int c1 = (int)(gid % 128);
  const int c0 = (int)((gid / 128));
  const int i_n = (c0);
  const int i_j = (c1);
  float acc = 0.0f;
  if (1 && i_n >= 0 && i_n < 1 && i_j >= 0 && i_j < 128 && (i_n) >= 0 && (i_n) < 1 && (i_j + 256) >= 0 && (i_j + 256) < 512) {
    for (int i_k = max(max(0, -(0)), -(0)) + slice, e_k = min(min(128, 128 - 0), 128 - 0); i_k < e_k; i_k += 32) {
      const float val = (float)(p1[(i_n) * 128 + (i_k)] * p2[(i_k) * 512 + (i_j + 256)]);
      acc += val;
    }
  }
  __local float red_acc[256];
  red_acc[lid] = acc;
  barrier(CLK_LOCAL_MEM_FENCE);
  if (slice < 16) {
    acc += red_acc[lid + 128];
    red_acc[lid] = acc;
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  if (slice < 8) {
    acc += red_acc[lid + 64];
    red_acc[lid] = acc;
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  if (slice < 4) {
    acc += red_acc[lid + 32];
    red_acc[lid] = acc;
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  if (slice < 2) {
    acc += red_acc[lid + 16];
    red_acc[lid] = acc;
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  if (slice < 1) {
    acc += red_acc[lid + 8];
  }
  if (slice == 0 && out_id < 128) {
    const float v0 = ((acc) + (p3[gid]));
    const float v1 = tanh(v0);
    p0[gid] = v1;
  }
}
