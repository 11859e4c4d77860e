#!/usr/bin/env bash
# One call on the GPU machine that measures MobileNet's compile (issue 7) with and without
# worker processes (TARTAN_BUILD_PROCESSES=0 is the in-process way): tartan's kernel cache cold
# each time, NVIDIA's compute cache either empty (as on a machine's first OpenCL run) or holding
# only the driver's own kernels (from a trivial program: any earlier OpenCL use), then warm runs.
#   usage: bash bench/scripts/device_compile_check.sh   (summary on stdout, logs in $OUT)
set -uo pipefail
source "$(dirname "$0")/device_common.sh"
build_targets tartan-bench tartan-build-worker ${EXTRA_TARGETS:-}
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
  grep -m1 -A6 'build worker' "$work/$label.txt" | head -c 1500
}
TARTAN_DUMP_KERNELS=$work/k64 run b64-inproc-nvempty 64 0 empty
# One worker by hand, to see its own output.
id=$(grep -o 'on opencl_[a-z0-9_]*\.[0-9]*' "$work/b64-inproc-nvempty.txt" | head -1 | cut -c4-)
k=$(ls "$work"/k64/tt_*.cl | head -1)
XDG_CACHE_HOME=$work/xdg-hand "$BUILD/bin/tartan-build-worker" --device "$id" --options "" "$k" > "$work/hand.txt" 2>&1
echo "== worker by hand on $id: rc $?, $(tail -c 600 "$work/hand.txt"), entries: $(ls "$work"/xdg-hand/tartan/kernels 2>&1 | tr '\n' ' '), same key in the in-process run: $(ls "$work"/xdg-b64-inproc-nvempty/tartan/kernels | grep -c -F -f <(ls "$work"/xdg-hand/tartan/kernels))"
run b64-workers-nvempty 64 16 empty
run b64-inproc-nvdriver 64 0 driver
run b64-workers-nvdriver 64 16 driver
for i in 1 2 3; do run b64-warm$i 64 16 keep; done
run b1-inproc-nvdriver 1 0 driver
run b1-workers-nvdriver 1 16 driver
for i in 1 2; do run b1-warm$i 1 16 keep; done
CUDA_CACHE_DISABLE=1 run b64-nvdisabled 64 "" empty
tar -C "$work" --exclude 'xdg*' --exclude 'nv-*' -czf "$OUT/compile-check.tar.gz" .
if [ -x "$BUILD/bin/tartan_device_tests" ]; then
  timeout 100 "$BUILD/bin/tartan_device_tests" --gtest_filter="${GTEST_FILTER:-ProgramBuild.*:KernelCache*}" \
    > "$work/device-tests.txt" 2>&1
  echo "== device tests (rc $?): $(grep -E '^\[  (PASSED|FAILED) ' "$work/device-tests.txt" | tr '\n' ' ')"
  grep -E '^\[  FAILED|Failure' "$work/device-tests.txt" | head -10
fi
