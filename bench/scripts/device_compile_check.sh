#!/usr/bin/env bash
# One call on the GPU machine that measures MobileNet's cold compile (issue 7) with and without
# worker processes, in the same call: TARTAN_BUILD_PROCESSES=0 (in-process) against N, and the
# default (unset). Cold = tartan's kernel cache and NVIDIA's compute cache both fresh and empty
# (a machine's first OpenCL run; a compute cache left from an earlier run of the same kernels
# would hold their machine code), or NVIDIA's cache off (CUDA_CACHE_DISABLE=1); then warm runs,
# -cl-nv-opt-level=1 with the workers, and the device tests of the build paths.
#   usage: bash bench/scripts/device_compile_check.sh   (summary on stdout, logs in $OUT)
#   PROCS="0 3 4 6 8" (the counts compared), BATCHES="64 1"
set -uo pipefail
source "$(dirname "$0")/device_common.sh"
build_targets tartan-bench tartan-build-worker tartan_device_tests ${EXTRA_TARGETS:-}
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader | tee "$work/machine.txt"
B="$BUILD/bin/tartan-bench"

# run LABEL BATCH PROCESSES NVCACHE(empty|disabled|keep) [env...]: one compile; a fresh tartan
# kernel cache unless NVCACHE is keep (then the cache of LABEL's prefix up to '-warm').
run() {
  local label=$1 batch=$2 procs=$3 nv=$4
  shift 4
  local envs=(XDG_CACHE_HOME="$work/xdg-$label" CUDA_CACHE_PATH="$work/nv-$label")
  case $nv in
    disabled) envs+=(CUDA_CACHE_DISABLE=1) ;;
    keep) envs=(XDG_CACHE_HOME="$work/xdg-${label%-warm*}" CUDA_CACHE_PATH="$work/nv-${label%-warm*}") ;;
  esac
  [ "$procs" = default ] || envs+=(TARTAN_BUILD_PROCESSES="$procs")
  env "${envs[@]}" "$@" timeout 60 "$B" keras mobilenet --batch-size "$batch" \
    -n $((batch == 1 ? 64 : 1024)) -v --no-validate --no-cpu-compare --no-kernel-timing \
    > "$work/$label.txt" 2>&1
  echo "== $label: $(grep -E '^  compile|program build|time per example' "$work/$label.txt" |
    sed -e 's/kernel setup.*//' -e 's/(kernel cache cold; 33 launches, 25 kernels)//' \
      -e 's/25 programs on 16 threads, //' |
    tr -s ' ' | tr '\n' ' ')"
  grep -m1 -A4 'build worker' "$work/$label.txt" | head -c 800
}

for batch in ${BATCHES:-64 1}; do
  for p in ${PROCS:-0 3 4 6 8}; do run "b$batch-p$p" "$batch" "$p" empty; done
  run "b$batch-default" "$batch" default empty
  for i in 1 2; do run "b$batch-default-warm$i" "$batch" default keep; done
done
run b64-p0-nvoff 64 0 disabled
run b64-default-nvoff 64 default disabled
run b64-p4-nvoff 64 4 disabled
run b64-default-opt1 64 default empty TARTAN_BUILD_OPTIONS=-cl-nv-opt-level=1

timeout 100 "$BUILD/bin/tartan_device_tests" \
  --gtest_filter="${GTEST_FILTER:-ProgramBuild.*:KernelCache*}" > "$work/device-tests.txt" 2>&1
echo "== device tests (rc $?): $(grep -E '^\[  (PASSED|FAILED) ' "$work/device-tests.txt" | tr '\n' ' ')"
grep -E '^\[  FAILED|Failure' "$work/device-tests.txt" | head -10
tar -C "$work" --exclude 'xdg*' --exclude 'nv-*' -czf "$OUT/compile-check.tar.gz" .
