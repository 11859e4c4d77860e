#!/usr/bin/env bash
# One call on the GPU machine (see ../shared/DEVICE.md), in one of two modes:
# - default (MODE=microbench): build Release, run the device tests on every OpenCL device
#   (NVIDIA and PoCL), run tartan-microbench with CLBlast as the peer on the NVIDIA device.
# - MODE=networks (issue 7): build tartan-bench, run the six networks at batch 64 and 1 on the
#   NVIDIA device and mobilenet/resnet50 at batch 1 on the PoCL CPU at equal thread counts,
#   measure the peers (bench/peers/peers.py: PyTorch + cuDNN, ONNX Runtime) in the same call,
#   and write the comparison table $OUT/comparison.md (bench/peers/compare.py).
# Every log and table is left under $OUT.
#   usage: bash bench/scripts/device_run.sh [microbench filter regex]
#          MODE=networks bash bench/scripts/device_run.sh
# MODE=networks knobs (environment): NETWORKS (default: the six of issue 7), CPU_NETWORKS
# (mobilenet resnet50; empty: none), CPU_THREADS (2 and the core count), BUDGET_S (530: seconds
# the whole mode may take; later steps shrink or are skipped to fit), TARTAN_RUNS_S (300: the part
# of it kept for tartan's runs after the peers; all six networks took about 230 s on an H200),
# BENCH_FLAGS (extra tartan-bench options, e.g. "--kernel-timing -v"; timing runs default to
# --no-kernel-timing),
# BUILD_DIR (build-gpu) and SKIP_BUILD=1 (use BUILD_DIR as it is). See bench/peers/README.md.
set -uo pipefail
OUT=${OUT:-/tmp/tartan-out}
mkdir -p "$OUT"
filter=${1:-.}
MODE=${MODE:-microbench}

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
  git log -1 --format='commit %H %s' 2>&1
  nvidia-smi --query-gpu=name,driver_version,memory.total,compute_mode --format=csv 2>&1
  clinfo -l 2>&1
  ldconfig -p | grep -i clblast || echo "CLBlast: not installed on this machine"
} > "$OUT/machine.txt"

microbench_mode() {
  # BUILD_TARGETS (space-separated) builds only those, e.g. "tartan-microbench tartan_device_tests".
  local targets=()
  for t in ${BUILD_TARGETS:-}; do targets+=(--target "$t"); done
  cmake -S . -B build-gpu -DCMAKE_BUILD_TYPE=Release > "$OUT/cmake.log" 2>&1 &&
    cmake --build build-gpu -j16 "${targets[@]}" > "$OUT/build.log" 2>&1 ||
    { tail -50 "$OUT/build.log"; exit 1; }

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
}

# --- MODE=networks ---

BUDGET_S=${BUDGET_S:-530}
BIN=${BUILD_DIR:-build-gpu}/bin
log() { echo "[$(date -u +%T) +${SECONDS}s] $*" | tee -a "$OUT/networks.log"; }
left() { echo $((BUDGET_S - SECONDS)); }

# The first device id of this type (gpu/cpu) from `tartan-setup --list --json`.
device_id() {
  "$BIN/tartan-setup" --list --json 2>/dev/null | python3 -c '
import json, sys
want = sys.argv[1]
ids = [d["id"] for d in json.load(sys.stdin)["devices"] if d["type"] == want and d["available"]]
print(ids[0] if ids else "")' "$1"
}

# tartan-bench on one network, bounded by the time left minus `reserve` seconds kept for the
# steps after it, and by `cap`. Skipped (and logged) when too little is left.
bench() {  # bench RESULTS_DIR DEVICE NETWORK BATCH EXAMPLES WARMUP_EXAMPLES CAP RESERVE [flags]
  local dir=$1 dev=$2 net=$3 batch=$4 n=$5 warm=$6 cap=$7 reserve=$8
  shift 8
  local t=$(($(left) - reserve))
  [ "$t" -gt "$cap" ] && t=$cap
  if [ "$t" -lt 20 ]; then
    log "SKIPPED $net batch $batch on $dev: ${t}s left in the budget"
    return
  fi
  log "tartan-bench keras $net --batch-size $batch -n $n on $dev (timeout ${t}s) $*"
  # shellcheck disable=SC2086 # BENCH_FLAGS is a list of options
  timeout $((t + 15)) "$BIN/tartan-bench" keras "$net" --device "$dev" --batch-size "$batch" \
    -n "$n" --warmup-examples "$warm" --timeout-secs "$t" --results "$dir" --format json \
    --no-kernel-timing "$@" ${BENCH_FLAGS:-} >> "$OUT/networks.log" 2>&1 ||
    log "exit status $? for $net batch $batch"
}

networks_mode() {
  local nets=${NETWORKS:-mobilenet mobilenet_v2 resnet50 vgg16 inception_v3 densenet121}
  local cpu_nets=${CPU_NETWORKS-mobilenet resnet50}  # set but empty: no CPU runs
  local cpu_threads=${CPU_THREADS:-"2 $(nproc)"}
  local results="$OUT/tartan-results"
  : > "$OUT/networks.log"

  if [ -z "${SKIP_BUILD:-}" ]; then
    log "build"
    { cmake -S . -B "${BUILD_DIR:-build-gpu}" -DCMAKE_BUILD_TYPE=Release &&
      cmake --build "${BUILD_DIR:-build-gpu}" -j16 --target tartan-bench tartan-setup; } \
      > "$OUT/build.log" 2>&1 || { tail -50 "$OUT/build.log"; exit 1; }
  fi
  local gpu cpu
  gpu=$(device_id gpu)
  cpu=$(device_id cpu)
  log "devices: gpu '$gpu', cpu '$cpu'"
  # tartan-setup measures the GPU's peaks and writes the config, so that tartan-bench reports
  # each run's % of peak (without it: "unknown").
  if [ -n "$gpu" ]; then
    export XDG_CONFIG_HOME=/tmp/tartan-config
    timeout 120 "$BIN/tartan-setup" --device "$gpu" --yes >> "$OUT/machine.txt" 2>&1 ||
      log "tartan-setup failed: see machine.txt"
  fi
  {
    echo "tartan-setup --list --json (PoCL thread count as set for each CPU run):"
    for t in $cpu_threads; do
      echo "POCL_MAX_PTHREAD_COUNT=$t: compute_units $(POCL_MAX_PTHREAD_COUNT=$t \
        POCL_CPU_MAX_CU_COUNT=$t "$BIN/tartan-setup" --list --json 2>&1 |
        python3 -c 'import json,sys; print([(d["id"], d["compute_units"]) for d in json.load(sys.stdin)["devices"] if d["type"] == "cpu"])')"
    done
  } >> "$OUT/machine.txt" 2>&1

  # The peers first: PyTorch on the GPU for every network, ONNX Runtime at the CPU thread counts.
  # It gets what the budget leaves beyond TARTAN_RUNS_S (300) for tartan's runs, at least 60 s.
  local peer_s=$(($(left) - ${TARTAN_RUNS_S:-300})) skip_gpu=()
  [ "$peer_s" -lt 60 ] && peer_s=60
  [ -z "$gpu" ] && skip_gpu=(--skip-gpu)
  log "peers.py (timeout ${peer_s}s)"
  timeout "$peer_s" env PYTHONUNBUFFERED=1 python3 bench/peers/peers.py "${skip_gpu[@]}" \
    --networks "${nets// /,}" --cpu-networks "${cpu_nets// /,}" --threads "${cpu_threads// /,}" \
    --min-seconds 0.5 --min-iters 30 --cpu-min-seconds 1 --cpu-repeats 3 \
    --out "$OUT/peers.json" > "$OUT/peers.log" 2>&1 || log "peers.py failed: see peers.log"

  # tartan on the NVIDIA GPU. Batch 64: 10 timed batches; batch 1: 200 examples. Each run keeps
  # 100 s of the budget for the CPU runs and the comparison.
  if [ -n "$gpu" ]; then
    for net in $nets; do
      bench "$results/gpu" "$gpu" "$net" 64 640 128 90 100
      bench "$results/gpu" "$gpu" "$net" 1 200 20 60 100
    done
    # MobileNet again with the kernel cache now warm: issue 7's warm-compile target.
    bench "$results/gpu" "$gpu" mobilenet 64 64 64 30 90
  else
    log "no GPU device: no GPU runs"
  fi

  # tartan on the PoCL CPU at batch 1, with PoCL's worker threads pinned to each count
  # (POCL_MAX_PTHREAD_COUNT in PoCL 3 and 5; POCL_CPU_MAX_CU_COUNT in PoCL 5 and later).
  local cpu_args=()
  if [ -n "$cpu" ]; then
    for t in $cpu_threads; do
      for net in $cpu_nets; do
        POCL_MAX_PTHREAD_COUNT=$t POCL_CPU_MAX_CU_COUNT=$t \
          bench "$results/pocl-${t}t" "$cpu" "$net" 1 8 2 90 10
      done
      cpu_args+=(--cpu-results "$t=$results/pocl-${t}t")
    done
  else
    log "no CPU device: no PoCL runs"
  fi

  log "compare.py"
  python3 bench/peers/compare.py --peers "$OUT/peers.json" "${cpu_args[@]}" \
    --command "MODE=networks bash bench/scripts/device_run.sh" --out "$OUT/comparison.md" \
    "$results/gpu" >> "$OUT/networks.log" 2>&1 || log "compare.py failed"
  # $OUT brings back at most 8 files: the per-run JSON files travel as one archive.
  tar czf "$OUT/tartan-results.tgz" -C "$OUT" tartan-results && rm -rf "$results"
  grep -v Warning "$OUT/peers.log" | tail -25
  cat "$OUT/comparison.md" 2>/dev/null
  log "done"
}

case "$MODE" in
  microbench) microbench_mode ;;
  networks) networks_mode ;;
  *) echo "device_run.sh: unknown MODE '$MODE' (microbench or networks)" >&2; exit 2 ;;
esac
