// one output element per work-item, work-group 128
//   _T36[d0, d1, d2, d3 : 1, 56, 56, 96] = =(_T13[d0, d1, d2, d3]);
//   _T37[d0, d1, d2, d3 + 64 : 1, 56, 56, 96] = =(_T35[d0, d1, d2, d3]) default _T36;
//   p0: _T37 float32[1, 56, 56, 96]
//   p1: _T13 float32[1, 56, 56, 64]
//   p2: _T35 float32[1, 56, 56, 32]
// launch: global 301056x1x1, local 128x1x1, 301056 flops, 2408448 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  const size_t gid = get_global_id(0);
  if (gid >= 301056) return;
  const int c3 = (int)(gid % 96);
  const int c2 = (int)((gid / 96) % 56);
  const int c1 = (int)(((gid / 96) / 56) % 56);
  const int c0 = (int)((((gid / 96) / 56) / 56));
  float placed = 0.0f;
  if ((c3) >= 0 && (c3) < 64) placed = p1[(c0) * 200704 + (c1) * 3584 + (c2) * 64 + (c3)];
  if (((c3 - 64)) >= 0 && ((c3 - 64)) < 32) placed = p2[(c0) * 100352 + (c1) * 1792 + (c2) * 32 + ((c3 - 64))];
  p0[gid] = placed;
}
