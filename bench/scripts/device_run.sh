#!/usr/bin/env bash
# One call on the GPU machine (see ../shared/DEVICE.md): build Release, run the device tests on
# every OpenCL device (NVIDIA and PoCL), run tartan-microbench with CLBlast as the peer on the
# NVIDIA device, and leave every log and table under $OUT.
#   usage: bash bench/scripts/device_run.sh [microbench filter regex]
set -uo pipefail
OUT=${OUT:-/tmp/tartan-out}
mkdir -p "$OUT"
filter=${1:-.}

# The NVIDIA driver ships no ICD file there: point the loader at it, next to PoCL.
mkdir -p /tmp/icd
echo libnvidia-opencl.so.1 > /tmp/icd/nvidia.icd
cp /etc/OpenCL/vendors/pocl.icd /tmp/icd/ 2>/dev/null || true
export OCL_ICD_VENDORS=/tmp/icd
export XDG_CACHE_HOME=/tmp/tartan-cache
# CLBlast, the peer, is not installed there: a copy of Debian's libclblast.so.1 can be carried
# in peers/lib (ignored by git) and is then loaded by tartan-microbench.
[ -d peers/lib ] && export LD_LIBRARY_PATH="$PWD/peers/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

{
  date -u
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv 2>&1
  clinfo -l 2>&1
  ldconfig -p | grep -i clblast || echo "CLBlast: not installed on this machine"
} > "$OUT/machine.txt"

# BUILD_TARGETS (space-separated) builds only those, e.g. "tartan-microbench tartan_device_tests".
targets=()
for t in ${BUILD_TARGETS:-}; do targets+=(--target "$t"); done
cmake -S . -B build-gpu -DCMAKE_BUILD_TYPE=Release > "$OUT/cmake.log" 2>&1 &&
  cmake --build build-gpu -j16 "${targets[@]}" > "$OUT/build.log" 2>&1 || { tail -50 "$OUT/build.log"; exit 1; }

if [ -z "${SKIP_TESTS:-}" ]; then
  timeout 300 ctest --test-dir build-gpu -L device --output-on-failure -j4 > "$OUT/ctest-device.txt" 2>&1
  tail -5 "$OUT/ctest-device.txt"
fi
# GTEST_FILTER runs just those device tests (on every device there), bounded by 90 s.
if [ -n "${GTEST_FILTER:-}" ]; then
  timeout 90 build-gpu/bin/tartan_device_tests --gtest_filter="$GTEST_FILTER" > "$OUT/gtest-device.txt" 2>&1
  grep -E "^\[  (PASSED|FAILED) |^\[  FAILED|Failure|error" "$OUT/gtest-device.txt" | head -20
fi

# tartan-microbench runs on the default device: the first GPU, so NVIDIA here.
timeout 240 build-gpu/bin/tartan-microbench --benchmark_min_time=0.2 --benchmark_filter="$filter" --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true --benchmark_out="$OUT/microbench.json" \
  --benchmark_out_format=json > "$OUT/microbench.txt" 2>&1
cat "$OUT/microbench.txt"
