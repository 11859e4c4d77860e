#!/usr/bin/env bash
# One call on the GPU machine that measures MobileNet's cold compile (issue 7), before and after
# in the same call. Cold = tartan's kernel cache and NVIDIA's compute cache both fresh and empty
# for every row (a machine's first OpenCL run; a compute cache left from an earlier run of the
# same kernels would hold their machine code), or NVIDIA's cache off (CUDA_CACHE_DISABLE=1);
# warm = the same two caches again.
#   usage: BASE=wt/compile-main bash bench/scripts/device_compile_check.sh   (summary on stdout,
#          logs in $OUT/compile-check.tar.gz)
#   BASE: another checkout (the code before, e.g. main's), built in $BASE/build-gpu; its rows are
#         labelled base-*, this tree's new-*. Without BASE: this tree only.
#   PAIRS=2 / B1_PAIRS=1: alternated base/new pairs at b64 / b1; SWEEP="5 6": worker counts
#   (TARTAN_BUILD_PROCESSES) to compare with this tree, SWEEP_RUNS times each at b64 and once at
#   b1 (SWEEP_B1); PROBE=1: NVIDIA's compiler alone on the dumped b64 kernels, one process in
#   sequence (per-kernel build times, to calibrate the estimate compile.cpp splits the builds by).
set -uo pipefail
source "$(dirname "$0")/device_common.sh"
if [ -n "${BASE:-}" ]; then
  (cmake -S "$BASE" -B "$BASE/build-gpu" -DCMAKE_BUILD_TYPE=Release > "$work/cmake-base.log" 2>&1 &&
    cmake --build "$BASE/build-gpu" -j16 --target tartan-bench tartan-build-worker \
      > "$work/build-base.log" 2>&1) &
  base_build=$!
fi
build_targets tartan-bench tartan-build-worker tartan_device_tests ${EXTRA_TARGETS:-}
if [ -n "${BASE:-}" ]; then
  wait $base_build || { tail -30 "$work/build-base.log"; exit 1; }
fi
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader | tee "$work/machine.txt"
NEW="$BUILD/bin/tartan-bench"

# run LABEL BATCH BENCH NVCACHE(empty|disabled|keep) [env...]: one compile with tartan-bench
# BENCH; fresh caches unless NVCACHE is keep (then those of LABEL's prefix up to '-warm').
run() {
  local label=$1 batch=$2 bench=$3 nv=$4
  shift 4
  local envs=(XDG_CACHE_HOME="$work/xdg-$label" CUDA_CACHE_PATH="$work/nv-$label")
  case $nv in
    disabled) envs+=(CUDA_CACHE_DISABLE=1) ;;
    keep) envs=(XDG_CACHE_HOME="$work/xdg-${label%-warm*}" CUDA_CACHE_PATH="$work/nv-${label%-warm*}") ;;
  esac
  env "${envs[@]}" "$@" timeout 60 "$bench" keras mobilenet --batch-size "$batch" \
    -n $((batch == 1 ? 64 : 1024)) -v --no-validate --no-cpu-compare --no-kernel-timing \
    > "$work/$label.txt" 2>&1
  echo "== $label: $(grep -E '^  compile|program build|time per example' "$work/$label.txt" |
    sed -e 's/kernel setup.*//' -e 's/(kernel cache cold; 33 launches, 25 kernels)//' \
      -e 's/25 programs on 16 threads, //' -e 's/time per example//' |
    tr -s ' ' | tr '\n' ' ')"
  grep -E 'warn|error' "$work/$label.txt" | head -3
}

BASE_BENCH=${BASE:+$BASE/build-gpu/bin/tartan-bench}
for batch in 64 1; do
  pairs=$((batch == 64 ? ${PAIRS:-2} : ${B1_PAIRS:-1}))
  for i in $(seq "$pairs"); do
    [ -n "${BASE:-}" ] && run "b$batch-base$i" "$batch" "$BASE_BENCH" empty
    run "b$batch-new$i" "$batch" "$NEW" empty
  done
  for i in 1 2; do run "b$batch-new1-warm$i" "$batch" "$NEW" keep; done
  [ -n "${BASE:-}" ] && run "b$batch-base1-warm1" "$batch" "$BASE_BENCH" keep
done
# What each change gives alone (this tree): the workers started after codegen, as before;
# the builds split by source length, as before; both (= the old scheduling in this code).
run b64-late 64 "$NEW" empty TARTAN_WORKER_SPAWN=late
run b64-length 64 "$NEW" empty TARTAN_BUILD_SPLIT=length TARTAN_DUMP_KERNELS="$work/k64"
run b64-late-length 64 "$NEW" empty TARTAN_WORKER_SPAWN=late TARTAN_BUILD_SPLIT=length
run b64-p0 64 "$NEW" empty TARTAN_BUILD_PROCESSES=0
run b64-nvoff 64 "$NEW" disabled
for i in $(seq "${SWEEP_RUNS:-1}"); do
  for p in ${SWEEP:-}; do run "b64-p$p-$i" 64 "$NEW" empty TARTAN_BUILD_PROCESSES="$p"; done
done
for p in ${SWEEP_B1:-}; do run "b1-p$p" 1 "$NEW" empty TARTAN_BUILD_PROCESSES="$p"; done

if [ "${PROBE:-1}" = 1 ]; then
  # NVIDIA's compiler alone, one process, the dumped kernels in sequence, compute cache off.
  gcc -O1 -o "$work/probe" bench/scripts/cl_build_probe.c -lOpenCL &&
    CUDA_CACHE_DISABLE=1 timeout 60 "$work/probe" build "" - "$work"/k64/tt_*.cl \
      > "$work/seq-b64.txt" 2>&1
  echo "== sequential b64 (one process): $(tail -1 "$work/seq-b64.txt"); slowest:"
  sort -k3 -n -r "$work/seq-b64.txt" | grep '^build' | head -6
  # Per kernel: build seconds, program bytes, exact work-group (reqd_work_group_size: local-memory
  # and group-reduction plans), lines with barrier( and with "for (".
  for f in "$work"/k64/tt_*.cl; do
    n=$(basename "$f" .cl)
    echo "$n $(grep -m1 "^build $n" "$work/seq-b64.txt" | cut -d' ' -f3) $(wc -c < "$f")" \
      "$(grep -c reqd_work_group_size "$f") $(grep -c 'barrier(' "$f") $(grep -c 'for (' "$f")"
  done | sort -k2 -n -r > "$work/per-kernel-b64.txt"
  cat "$work/per-kernel-b64.txt"
fi

timeout 100 "$BUILD/bin/tartan_device_tests" \
  --gtest_filter="${GTEST_FILTER:-ProgramBuild.*:KernelCache*}" > "$work/device-tests.txt" 2>&1
echo "== device tests (rc $?): $(grep -E '^\[  (PASSED|FAILED) ' "$work/device-tests.txt" | tr '\n' ' ')"
grep -E '^\[  FAILED|Failure' "$work/device-tests.txt" | head -10
tar -C "$work" --exclude 'xdg*' --exclude 'nv-*' -czf "$OUT/compile-check.tar.gz" .
