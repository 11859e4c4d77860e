#!/usr/bin/env bash
# One call on the GPU machine that measures MobileNet's compile (issue 7) with and without
# worker processes (TARTAN_BUILD_PROCESSES=0 is the in-process way): tartan's kernel cache cold
# each time, NVIDIA's compute cache either empty (as on a machine's first OpenCL run) or holding
# only the driver's own kernels (from a trivial program: any earlier OpenCL use), then warm runs.
#   usage: bash bench/scripts/device_compile_check.sh   (summary on stdout, logs in $OUT)
set -uo pipefail
OUT=${OUT:-/tmp/tartan-out}
work=$(mktemp -d)
mkdir -p /tmp/icd "$OUT"
echo libnvidia-opencl.so.1 > /tmp/icd/nvidia.icd
export OCL_ICD_VENDORS=/tmp/icd
BUILD=${BUILD_DIR:-build-gpu}
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release > "$work/cmake.log" 2>&1 &&
  cmake --build "$BUILD" -j16 --target tartan-bench tartan-build-worker ${EXTRA_TARGETS:-} > "$work/build.log" 2>&1 ||
  { tail -40 "$work/build.log"; exit 1; }
gcc -O1 -o "$work/probe" bench/scripts/cl_build_probe.c -lOpenCL || exit 1
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader | tee "$work/machine.txt"
B="$BUILD/bin/tartan-bench"
echo '__kernel void k(__global float* a) { a[get_global_id(0)] *= 2.0f; }' > "$work/trivial.cl"
CUDA_CACHE_PATH=$work/nv-driver-only "$work/probe" build "" - "$work/trivial.cl" > /dev/null

# run LABEL BATCH PROCESSES NVCACHE(empty|driver|keep): a cold tartan compile (fresh XDG cache).
run() {
  local label=$1 batch=$2 procs=$3 nv=$4
  case $nv in
    empty) export CUDA_CACHE_PATH=$work/nv-$label ;;
    driver) rm -rf "$work/nv-$label"; cp -r "$work/nv-driver-only" "$work/nv-$label"
            export CUDA_CACHE_PATH=$work/nv-$label ;;
  esac
  [ "$nv" = keep ] || export XDG_CACHE_HOME=$work/xdg-$label
  TARTAN_BUILD_PROCESSES=$procs timeout 100 "$B" keras mobilenet --batch-size "$batch" \
    -n $((batch == 1 ? 64 : 1024)) -v --no-validate --no-cpu-compare --no-kernel-timing \
    > "$work/$label.txt" 2>&1
  echo "== $label: $(grep -E '^  compile|passes .* context|program build|time per example' \
    "$work/$label.txt" | tr -s ' ' | tr '\n' ' ')"
}
run b64-inproc-nvempty 64 0 empty
run b64-workers-nvempty 64 16 empty
run b64-inproc-nvdriver 64 0 driver
run b64-workers-nvdriver 64 16 driver
for i in 1 2 3; do run b64-warm$i 64 16 keep; done
run b1-inproc-nvdriver 1 0 driver
run b1-workers-nvdriver 1 16 driver
for i in 1 2; do run b1-warm$i 1 16 keep; done
CUDA_CACHE_DISABLE=1 run b64-nvdisabled 64 "" empty
tar -C "$work" --exclude 'xdg*' --exclude 'nv-*' -czf "$OUT/compile-check.tar.gz" .
