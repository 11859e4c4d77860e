#!/usr/bin/env bash
# One call on the GPU machine that compares CPU plans on its Xeon through PoCL, same call, same
# machine: each VARIANT (name=key:value;key:value...) is a copy of configs/devices whose
# pocl_cpu.yaml sets those tuning keys (an `env:NAME=VALUE` entry sets an environment variable
# for the variant's runs instead, e.g. POCL_WORK_GROUP_METHOD); a VARIANT without '=' is
# configs/devices as committed. Each RUNS entry NET:BATCH:THREADS:VARIANT,VARIANT... runs
# tartan-bench on the PoCL CPU with PoCL's threads pinned to THREADS, per-kernel timing on.
# Per-kernel tables go to $OUT/cpu-sweep.tar.gz; a summary to stdout. Runs stop once BUDGET_S
# (250) seconds are spent, and each ends by LIMIT_S (290). N (16) examples per run; VALIDATE=1 checks one against the reference.
#   usage: VARIANTS="after before=split_interior:false wg16=work_group_size:16" \
#          RUNS="mobilenet:1:2:after,before,wg16" bash bench/scripts/device_cpu_sweep.sh
set -uo pipefail
source "$(dirname "$0")/device_common.sh"
export XDG_CACHE_HOME=/tmp/tartan-cache
build_targets tartan-bench tartan-setup
{ clinfo 2>/dev/null | grep -iE 'platform version|device name' | sort -u; nproc; } > "$work/machine.txt"
echo "build done at ${SECONDS}s"
cpu_device=$("$BIN/tartan-setup" --list --json 2>/dev/null | python3 -c '
import json, sys
print(next((d["id"] for d in json.load(sys.stdin)["devices"] if d["type"] == "cpu"), ""))')

declare -A variant_env
for v in ${VARIANTS:-}; do
  name=${v%%=*}
  dir="$work/profiles-$name"
  cp -r configs/devices "$dir"
  variant_env[$name]=""
  [ "$name" = "$v" ] && continue
  IFS=';' read -ra entries <<< "${v#*=}"
  for e in "${entries[@]}"; do
    key=${e%%:*} value=${e#*:}
    if [ "$key" = env ]; then
      variant_env[$name]+=" $value"
    elif grep -q "^  $key:" "$dir/pocl_cpu.yaml"; then
      sed -i "s/^  $key: .*/  $key: $value/" "$dir/pocl_cpu.yaml"
    else
      echo "  $key: $value" >> "$dir/pocl_cpu.yaml"
    fi
  done
done

for r in ${RUNS:-}; do
  IFS=: read -r net batch threads variants <<< "$r"
  for name in ${variants//,/ }; do
    if [ "$SECONDS" -gt "${BUDGET_S:-250}" ]; then
      echo "== SKIPPED $net b$batch cpu$threads $name (${SECONDS}s spent)"
      continue
    fi
    f="$work/$net-b$batch-cpu$threads-$name.txt"
    left=$(( ${LIMIT_S:-290} - SECONDS )); [ "$left" -gt 120 ] && left=120
    validate=--no-validate
    [ -n "${VALIDATE:-}" ] && validate=--validate
    # shellcheck disable=SC2086  # the variant's environment entries, split on spaces
    env ${variant_env[$name]} POCL_MAX_PTHREAD_COUNT="$threads" POCL_CPU_MAX_CU_COUNT="$threads" \
      TARTAN_PROFILES_DIR="$work/profiles-$name" timeout "$left" "$BIN/tartan-bench" keras "$net" \
      --batch-size "$batch" -n "${N:-16}" --warmup-examples 2 --device "$cpu_device" -v \
      --kernel-timing --top-kernels "${TOP:-40}" "$validate" --no-cpu-compare > "$f" 2>&1
    echo "== $net b$batch cpu$threads $name: $(grep -E 'time per example|kernel time|Correctness' "$f" | tr -s ' ' | tr '\n' ' ') (${SECONDS}s)"
  done
done
tar -C "$work" -czf "$OUT/cpu-sweep.tar.gz" --exclude 'profiles-*' .
