# Sourced by the device scripts (bench/scripts/device_*.sh) on the GPU machine: $OUT and a
# scratch folder $work, the loader pointed at NVIDIA's driver (it ships no ICD file there, see
# ../shared/DEVICE.md), and build_targets, which builds Release with -j16 in $BUILD (default
# build-gpu) and prints the build log's tail on failure.
OUT=${OUT:-/tmp/tartan-out}
work=$(mktemp -d)
mkdir -p /tmp/icd "$OUT"
echo libnvidia-opencl.so.1 > /tmp/icd/nvidia.icd
cp /etc/OpenCL/vendors/pocl.icd /tmp/icd/ 2>/dev/null || true  # the PoCL CPU beside it
export OCL_ICD_VENDORS=/tmp/icd
BUILD=${BUILD_DIR:-build-gpu}
BIN=$BUILD/bin

# build_targets TARGET...: exits the script when configuring or building fails.
build_targets() {
  local args=()
  for t in "$@"; do args+=(--target "$t"); done
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release > "$work/cmake.log" 2>&1 &&
    cmake --build "$BUILD" -j16 "${args[@]}" > "$work/build.log" 2>&1 ||
    { tail -40 "$work/build.log"; exit 1; }
}
