#!/usr/bin/env bash
# One call on the GPU machine that explains where the time goes (see ../shared/DEVICE.md):
# builds tartan-bench, then for each NETWORK:BATCH[:cpuTHREADS] in PROFILES runs it with per-kernel
# timing (-v --top-kernels TOP), on the NVIDIA GPU or, with cpuTHREADS, on the PoCL CPU with PoCL's
# worker threads pinned to THREADS; and with TUNE=1 measures MobileNet with the cost model's plans and
# then with the tuner's (issue 7: the cost model alone reaches >= 80% of the tuned figure).
# Everything goes to one tarball, $OUT/profile.tar.gz, plus a summary on stdout.
# TUNE_BATCHES ("64 1") picks the batches of TUNE; TUNE_TIMEOUT (240) bounds each tuning run; the
# tuning records (each kernel's chosen plan and time) go into the tarball.
#   usage: PROFILES="vgg16:64 mobilenet:1 mobilenet:1:cpu2" TOP=40 TUNE=1 bash bench/scripts/device_profile.sh
set -uo pipefail
source "$(dirname "$0")/device_common.sh"
export XDG_CACHE_HOME=/tmp/tartan-cache
build_targets tartan-bench tartan-setup
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader > "$work/machine.txt" 2>&1
git log -1 --format='commit %H %s' >> "$work/machine.txt" 2>&1

cpu_device=$("$BIN/tartan-setup" --list --json 2>/dev/null | python3 -c '
import json, sys
print(next((d["id"] for d in json.load(sys.stdin)["devices"] if d["type"] == "cpu"), ""))')
for p in ${PROFILES:-}; do
  IFS=: read -r net batch where <<< "$p"
  n=$((batch == 1 ? 64 : 4 * batch))
  run_env=() device=() name=$net-b$batch
  if [ -n "$where" ]; then  # cpuTHREADS: fewer examples, PoCL is ~100x slower than the GPU
    threads=${where#cpu}
    n=16 name=$name-cpu$threads
    run_env=(POCL_MAX_PTHREAD_COUNT="$threads" POCL_CPU_MAX_CU_COUNT="$threads")
    device=(--device "$cpu_device" --warmup-examples 2)
  fi
  timeout 200 env "${run_env[@]}" "$BIN/tartan-bench" keras "$net" --batch-size "$batch" -n "$n" \
    "${device[@]}" -v --kernel-timing --top-kernels "${TOP:-40}" --no-cpu-compare \
    --results "$work/results" > "$work/$name.txt" 2>&1
  echo "== $name: $(grep -E 'time per example|Correctness' "$work/$name.txt" | tr -s ' ' | tr '\n' ' ')"
done

if [ -n "${TUNE:-}" ]; then
  for batch in ${TUNE_BATCHES:-64 1}; do
    n=$((batch == 1 ? 500 : 512))
    for mode in model tuned; do
      flags=(--no-kernel-timing --no-validate --no-cpu-compare)
      [ "$mode" = tuned ] && flags+=(--tune)
      timeout "${TUNE_TIMEOUT:-240}" "$BIN/tartan-bench" keras mobilenet --batch-size "$batch" -n "$n" "${flags[@]}" \
        --results "$work/results" > "$work/tune-$mode-b$batch.txt" 2>&1
      echo "== mobilenet b$batch $mode: $(grep -E '^  (time per example|tuning )' "$work/tune-$mode-b$batch.txt" | tr -s ' ' | tr '\n' ' ')"
    done
    # The tuned plans, now in the tuning cache, without the tuner's own measurements around them.
    timeout 120 "$BIN/tartan-bench" keras mobilenet --batch-size "$batch" -n "$n" --no-kernel-timing \
      --no-validate --no-cpu-compare --results "$work/results" > "$work/tune-after-b$batch.txt" 2>&1
    echo "== mobilenet b$batch after tuning: $(grep -E 'time per example' "$work/tune-after-b$batch.txt" | tr -s ' ')"
  done
fi
[ -d "$XDG_CACHE_HOME/tartan/tuning" ] && cp -r "$XDG_CACHE_HOME/tartan/tuning" "$work/tuning-cache"
tar -C "$work" -czf "$OUT/profile.tar.gz" .
