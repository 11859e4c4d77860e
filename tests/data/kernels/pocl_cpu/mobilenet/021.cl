// one output element per work-item, work-group 1
//   _T388[d0, 0 : 1, 1] = >(_T387[d0, d1]);
//   _T389 = _T387 - _T388;
//   _T390 = exp(_T389);
//   _T391[d0, 0 : 1, 1] = +(_T390[d0, d1]);
//   _T392 = _T390 / _T391;
//   p0: _T392 float32[1, 1000]
//   p1: _T387 float32[1, 1000]
// launch: global 1x1x1, local 1x1x1, 5000 flops, 8000 bytes
__kernel void TARTAN_KERNEL_NAME(__global float* p0_buf, const ulong p0_off, __global const float* p1_buf, const ulong p1_off) {
  __global float* p0 = p0_buf + p0_off;
  __global const float* p1 = p1_buf + p1_off;
  const size_t gid = get_global_id(0);
  if (gid >= 1) return;
  const int row = (int)gid * 1000;
  float vm = (-INFINITY);
  for (int j = 0; j < 1000; ++j) {
    const float vx = p1[row + j];
    vm = (vx > vm || vx != vx) ? vx : vm;
  }
  float vs = 0.0f;
  for (int j = 0; j < 1000; ++j) {
    const float vd = ((p1[row + j]) - (vm));
    const float ve = exp(vd);
    p0[row + j] = ve;
    vs += ve;
  }
  for (int j = 0; j < 1000; ++j) {
    p0[row + j] = ((p0[row + j]) / (vs));
  }
}
