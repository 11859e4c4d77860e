#!/usr/bin/env bash
# One call on the GPU machine that explains MobileNet's cold compile time (issue 7): tartan's cold
# and warm compiles with NVIDIA's compute cache off, then NVIDIA's compiler on the dumped kernels
# through bench/scripts/cl_build_probe.c: one process in sequence, one process per kernel in
# parallel, loading the binaries back, and build options (with the kernels' speed under them).
# Everything goes to $OUT/compile-probe.tar.gz, a summary to stdout.
#   usage: OPTIONS_TRY="-cl-nv-opt-level=1" SPEED="-cl-nv-opt-level=1" bash bench/scripts/device_compile_probe.sh
set -uo pipefail
source "$(dirname "$0")/device_common.sh"
build_targets tartan-bench ${EXTRA_TARGETS:-}
gcc -O1 -o "$work/probe" bench/scripts/cl_build_probe.c -lOpenCL || exit 1
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader | tee "$work/machine.txt"
B="$BUILD/bin/tartan-bench"
P="$work/probe"
export CUDA_CACHE_DISABLE=1

# bench LABEL BATCH N [args]: a tartan-bench run; prints its compile lines.
bench() {
  local label=$1 batch=$2 n=$3
  shift 3
  timeout 100 "$B" keras mobilenet --batch-size "$batch" -n "$n" -v --no-validate \
    --no-cpu-compare --no-kernel-timing "$@" > "$work/$label.txt" 2>&1
  echo "== $label: $(grep -E '^  compile|program build|time per example' "$work/$label.txt" |
    tr -s ' ' | tr '\n' ' ')"
}

export XDG_CACHE_HOME=$work/xdg64
TARTAN_DUMP_KERNELS=$work/k64 bench cold-b64 64 64
bench warm-b64-nvcache-off 64 64
export XDG_CACHE_HOME=$work/xdg1
TARTAN_DUMP_KERNELS=$work/k1 bench cold-b1 1 8

# NVIDIA's compiler alone, one process, kernels in sequence (per-kernel times in the tarball).
mkdir -p "$work/bin64" "$work/binp"
timeout 60 "$P" build "" "$work/bin64" "$work"/k64/tt_*.cl > "$work/seq-b64.txt" 2>&1
echo "== sequential b64: $(tail -1 "$work/seq-b64.txt"); slowest:"
sort -k3 -n -r "$work/seq-b64.txt" | grep '^build' | head -5
timeout 60 "$P" load "" "$work"/bin64/*.bin > "$work/load-b64.txt" 2>&1
echo "== load PTX b64 (NVIDIA cache off): $(tail -1 "$work/load-b64.txt")"
# One process per kernel, 16 at a time.
start=$(date +%s.%N)
ls "$work"/k64/tt_*.cl | timeout 60 xargs -P 16 -n 1 "$P" build "" "$work/binp" > "$work/par-b64.txt" 2>&1
echo "== parallel processes b64: wall $(awk "BEGIN{print $(date +%s.%N) - $start}") s"
# The same with NVIDIA's compute cache on (fresh): the children fill it, the parent's load hits.
unset CUDA_CACHE_DISABLE
export CUDA_CACHE_PATH=$work/nvcache
start=$(date +%s.%N)
ls "$work"/k64/tt_*.cl | timeout 60 xargs -P 16 -n 1 "$P" build "" - > /dev/null 2>&1
timeout 60 "$P" load "" "$work"/binp/*.bin > "$work/load-cached-b64.txt" 2>&1
echo "== parallel + load with a fresh NVIDIA cache: wall $(awk "BEGIN{print $(date +%s.%N) - $start}") s, load $(tail -1 "$work/load-cached-b64.txt")"
export CUDA_CACHE_DISABLE=1
unset CUDA_CACHE_PATH

for opt in ${OPTIONS_TRY:-}; do
  timeout 60 "$P" build "$opt" - "$work"/k64/tt_*.cl > "$work/opt$opt.txt" 2>&1
  echo "== sequential b64 with $opt: $(tail -1 "$work/opt$opt.txt" | head -c 300)"
done
for opt in "" ${SPEED:-}; do
  export XDG_CACHE_HOME=$work/xdg-speed$opt
  TARTAN_BUILD_OPTIONS=$opt bench "speed-b64$opt" 64 2048
done
tar -C "$work" --exclude 'xdg*' --exclude '*.bin' -czf "$OUT/compile-probe.tar.gz" .
