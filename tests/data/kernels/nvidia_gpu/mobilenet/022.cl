// one output element per work-item, work-group 128
//   _T389 = _T387 - _T388;
//   _T390 = exp(_T389);
//   p0: _T390 float32[1, 1000]
//   p1: _T387 float32[1, 1000]
//   p2: _T388 float32[1, 1]
// launch: global 1024x1x1, local 128x1x1, 2000 flops, 8004 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  const size_t gid = get_global_id(0);
  if (gid >= 1000) return;
  const int c1 = (int)(gid % 1000);
  const int c0 = (int)((gid / 1000));
  const float v0 = ((p1[gid]) - (p2[0]));
  const float v1 = exp(v0);
  p0[gid] = v1;
}
