// group reduction: 8 items per output (split variable 3), 32 outputs per work-group
//   _T382[d0, 0, 0, d3 : 1, 1, 1, 1024] = +(_T381[d0, d1, d2, d3]);
//   _T384 = _T382 / 49.0;
//   p0: _T384 float32[1, 1, 1, 1024]
//   p1: _T381 float32[1, 7, 7, 1024]
// launch: global 8192x1x1, local 256x1x1 (exact), 51200 flops, 204800 bytes
__kernel __attribute__((reqd_work_group_size(256, 1, 1))) void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  const int lid = (int)get_local_id(0);
  const int slice = lid / 32;
  const size_t out_id = get_group_id(0) * 32 + lid % 32;
  const size_t gid = out_id < 1024 ? out_id : 1023;
  const int c3 = (int)(gid % 1024);
  const int c2 = (int)((gid / 1024) % 1);
  const int c1 = (int)(((gid / 1024) / 1) % 1);
  const int c0 = (int)((((gid / 1024) / 1) / 1));
  const int i_d0 = (c0);
  const int i_d3 = (c3);
  float acc = 0.0f;
  if (1 && i_d0 >= 0 && i_d0 < 1 && i_d3 >= 0 && i_d3 < 1024 && 0 == c1 && 0 == c2 && (i_d0) >= 0 && (i_d0) < 1 && (i_d3) >= 0 && (i_d3) < 1024) {
    for (int i_d1 = max(0, -(0)), e_d1 = min(7, 7 - 0); i_d1 < e_d1; ++i_d1) {
      for (int i_d2 = max(0, -(0)) + slice, e_d2 = min(7, 7 - 0); i_d2 < e_d2; i_d2 += 8) {
        const float val = (float)(p1[(i_d0) * 50176 + (i_d1) * 7168 + (i_d2) * 1024 + (i_d3)]);
        acc += val;
      }
    }
  }
  __local float red_acc[256];
  red_acc[lid] = acc;
  barrier(CLK_LOCAL_MEM_FENCE);
  if (slice < 4) {
    acc += red_acc[lid + 128];
    red_acc[lid] = acc;
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  if (slice < 2) {
    acc += red_acc[lid + 64];
    red_acc[lid] = acc;
  }
  barrier(CLK_LOCAL_MEM_FENCE);
  if (slice < 1) {
    acc += red_acc[lid + 32];
  }
  if (slice == 0 && out_id < 1024) {
    const float v0 = ((acc) / (49.0f));
    p0[gid] = v0;
  }
}
