#!/usr/bin/env bash
# One call on the GPU machine that measures the local-memory GEMM plan's block shape per kernel:
# each VARIANT (name=rows,cols,tile_rows,tile_cols[,k_chunk[,block_search]]) is a copy of
# configs/devices whose nvidia_gpu.yaml asks for that work-group and register tile (the cost model
# still shrinks it for small problems, or with block_search true (the default) starts its search
# there); a VARIANT without '=' is configs/devices as committed. And each RUNS entry NET:BATCH:VARIANT,VARIANT... runs tartan-bench with
# per-kernel timing under those profiles (TARTAN_PROFILES_DIR). Per-kernel tables go to
# $OUT/sweep.tar.gz; a summary to stdout. Runs stop once BUDGET_S (250) seconds are spent.
# VALIDATE="VARIANT..." checks one example of those variants' runs against the reference executor.
#   usage: VARIANTS="base=16,16,8,8 r128c64=16,8,8,8" RUNS="inception_v3:64:base,r128c64" \
#          bash bench/scripts/device_plan_sweep.sh
set -uo pipefail
source "$(dirname "$0")/device_common.sh"
export XDG_CACHE_HOME=/tmp/tartan-cache
build_targets tartan-bench
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader > "$work/machine.txt" 2>&1
git log -1 --format='commit %H %s' >> "$work/machine.txt" 2>&1
echo "build done at ${SECONDS}s"

for v in ${VARIANTS:-}; do
  name=${v%%=*}
  dir="$work/profiles-$name"
  cp -r configs/devices "$dir"
  [ "$name" = "$v" ] && continue
  IFS=, read -r gr gc tr tc kc search <<< "${v#*=}"
  sed -i -e "s/^  local_block_search: .*/  local_block_search: ${search:-true}/" \
    -e "s/^  local_work_group: .*/  local_work_group: [$gr, $gc]/" \
    -e "s/^  local_tile: .*/  local_tile: [$tr, $tc]/" \
    -e "s/^  k_chunk: .*/  k_chunk: ${kc:-16}/" "$dir/nvidia_gpu.yaml"
done

for r in ${RUNS:-}; do
  IFS=: read -r net batch variants <<< "$r"
  for name in ${variants//,/ }; do
    if [ "$SECONDS" -gt "${BUDGET_S:-250}" ]; then
      echo "== SKIPPED $net b$batch $name (${SECONDS}s spent)"
      continue
    fi
    n=$((batch == 1 ? 64 : 2 * batch))
    f="$work/$net-b$batch-$name.txt"
    validate=--no-validate
    [[ " ${VALIDATE:-} " == *" $name "* ]] && validate=--validate
    TARTAN_PROFILES_DIR="$work/profiles-$name" timeout 100 "$BIN/tartan-bench" keras "$net" \
      --batch-size "$batch" -n "$n" -v --kernel-timing --top-kernels "${TOP:-80}" \
      "$validate" --no-cpu-compare > "$f" 2>&1
    echo "== $net b$batch $name: $(grep -E 'time per example|kernel time|Correctness' "$f" | tr -s ' ' | tr '\n' ' ') (${SECONDS}s)"
  done
done
tar -C "$work" -czf "$OUT/sweep.tar.gz" --exclude 'profiles-*' .
