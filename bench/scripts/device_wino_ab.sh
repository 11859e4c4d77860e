#!/usr/bin/env bash
# S5-wino's same-call A/B on the GPU machine: the Winograd transform kernels (KernelPlan::transform)
# against main's tree (built beside, from the repository root the `run` tool ships: ../..) and
# against this tree with `transform_plan: false`, then with a lower Winograd threshold. Each run
# prints wall and kernel time per example, validation, and the per-batch milliseconds of the
# input transforms (V), batched GEMMs (M), output transforms (O) and all other kernels.
#   usage (from wt/NAME): RUNS="main:vgg16:64 new:vgg16:64 ..." bash bench/scripts/device_wino_ab.sh
#   variants: main (main's tree), old (this tree, transform_plan false), new, fpb16 (new with
#   winograd_flops_per_byte 16); NET:BATCH[:noev] (noev: wall time without profiling events).
set -uo pipefail
source "$(dirname "$0")/device_common.sh"
export XDG_CACHE_HOME=/tmp/tartan-cache
here=$PWD
( cd ../.. && cmake -S . -B /tmp/build-main -DCMAKE_BUILD_TYPE=Release > "$work/cmake-main.log" 2>&1 &&
  cmake --build /tmp/build-main -j8 --target tartan-bench > "$work/build-main.log" 2>&1 ) &
main_build=$!
build_targets tartan-bench
wait $main_build || { tail -20 "$work/build-main.log"; exit 1; }
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader

mk_profiles() {  # DIR SED-EXPRESSION
  mkdir -p "$1" && cp configs/devices/*.yaml "$1"/ && sed -i "$2" "$1/nvidia_gpu.yaml"
}
mk_profiles /tmp/prof-old 's/^  winograd: true/  winograd: true\n  transform_plan: false/'
mk_profiles /tmp/prof-16 's/^  winograd_flops_per_byte: 30/  winograd_flops_per_byte: 16/'
grep -c "transform_plan: false" /tmp/prof-old/nvidia_gpu.yaml
grep "winograd_flops_per_byte" /tmp/prof-16/nvidia_gpu.yaml

for r in ${RUNS:-}; do
  IFS=: read -r variant net batch mode <<< "$r"
  bin=$here/$BIN/tartan-bench env=()
  case $variant in
    main) bin=/tmp/build-main/bin/tartan-bench ;;
    old) env=(TARTAN_PROFILES_DIR=/tmp/prof-old) ;;
    fpb16) env=(TARTAN_PROFILES_DIR=/tmp/prof-16) ;;
  esac
  flags=(-v --kernel-timing --top-kernels 80 -n $((4 * batch)))
  [ "$variant" = new ] || [ "$variant" = fpb16 ] || flags+=(--no-validate)
  [ "${mode:-}" = noev ] && flags=(--no-kernel-timing --no-validate -n $((8 * batch)))
  name=$variant-$net-b$batch${mode:+-$mode}
  timeout 100 env "${env[@]}" "$bin" keras "$net" --batch-size "$batch" --no-cpu-compare \
    "${flags[@]}" > "$work/$name.txt" 2>&1
  split=$(awk '/^Most expensive/{on=1; next} on && $1 ~ /^[0-9.]+$/ {
      s = $0; k = "other"
      if (s ~ /_wino_V\[/ && s !~ /_wino_M\[/) k = "V"; else if (s ~ /_wino_M\[a, b, n, ty, tx, k/) k = "M";
      else if (s ~ /_wino_AA/) k = "O"
      t[k] += $1 } END { printf "V %.3f M %.3f O %.3f other %.3f", t["V"], t["M"], t["O"], t["other"] }' "$work/$name.txt")
  echo "== $name: $(grep -E 'time per example|kernel time|Correctness' "$work/$name.txt" | tr -s ' ' | cut -c1-80 | tr '\n' ' ') | $split"
done
tar -C "$work" -czf "$OUT/wino-ab.tar.gz" .
