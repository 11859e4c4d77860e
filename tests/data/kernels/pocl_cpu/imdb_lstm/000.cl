// one output element per work-item, work-group 128
//   _T0 = gather(embedding/embeddings, input);
//   p0: _T0 float32[1, 80, 128]
//   p1: input int32[1, 80]
//   p2: embedding/embeddings float32[20000, 128]
// launch: global 10240x1x1, local 128x1x1, 0 flops, 10281280 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const int* p1_buf, const ulong p1_off, __global const float* p2_buf, const ulong p2_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const int* p1 = p1_buf + p1_off;
  __global const float* p2 = p2_buf + p2_off;
  const size_t gid = get_global_id(0);
  if (gid >= 10240) return;
  const int c2 = (int)(gid % 128);
  const int c1 = (int)((gid / 128) % 80);
  const int c0 = (int)(((gid / 128) / 80));
  int row = p1[c0 * 80 + c1];
  row = clamp(row, (int)0, (int)19999);
  const float v0 = p2[row * 128 + c2];
  p0[gid] = v0;
}
