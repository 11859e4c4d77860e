#!/usr/bin/env bash
# One call on the GPU machine that finds why tartan-build-worker, spawned by a compiling
# tartan-bench, saw no NVIDIA device while the same worker run from the shell did (issue 7,
# results/perf-notes.md S4-compile and S5-compile), and measures NVIDIA's -cl-nv-opt-level=1
# against the default (MobileNet b64 cold compile and run time, alternating, same call).
# A wrapper named by TARTAN_BUILD_WORKER records what a spawned worker inherits (environment,
# limits, descriptors, status, what `clinfo -l` sees, and what it sees with the parent's starting
# environment) and then runs the real worker. Everything goes to $OUT/worker-probe.tar.gz.
# Found with it (session 5): OCL_ICD_FILENAMES=libpocl.so.2:libnvidia-opencl.so.1 reached the
# worker as libpocl.so.2, the loader having cut the string in place (support/child_env.h).
#   usage: bash bench/scripts/device_worker_probe.sh
set -uo pipefail
source "$(dirname "$0")/device_common.sh"
build_targets tartan-bench tartan-build-worker
nvidia-smi --query-gpu=name,driver_version,compute_mode --format=csv,noheader | tee "$work/machine.txt"
B="$BUILD/bin/tartan-bench"
W=$(realpath "$BUILD/bin/tartan-build-worker")

env | sort > "$work/shell-env.txt"
ulimit -a > "$work/shell-ulimit.txt"
cat /proc/self/status > "$work/shell-status.txt"
ls -l /proc/self/fd > "$work/shell-fds.txt" 2>&1
clinfo -l > "$work/shell-clinfo.txt" 2>&1
shell_stack=$(ulimit -S -s)

cat > "$work/wrap.sh" <<EOF
#!/bin/bash
d=$work/wrap-\$\$
mkdir -p \$d
env | sort > \$d/env.txt
ulimit -a > \$d/ulimit.txt
cat /proc/self/status > \$d/status.txt
ls -l /proc/self/fd > \$d/fds.txt 2>&1
tr '\\0' '\\n' < /proc/\$PPID/environ | sort > \$d/parent-initial-env.txt
cat /proc/\$PPID/limits > \$d/parent-limits.txt
clinfo -l > \$d/clinfo.txt 2>&1
OCL_ICD_DEBUG=15 clinfo -l > \$d/clinfo-icd-debug.txt 2>&1
mapfile -d '' E < /proc/\$PPID/environ
env -i "\${E[@]}" clinfo -l > \$d/clinfo-parent-initial-env.txt 2>&1
(ulimit -S -s $shell_stack; clinfo -l) > \$d/clinfo-shell-stack.txt 2>&1
exec "$W" "\$@"
EOF
chmod +x "$work/wrap.sh"

# bench LABEL BATCH N PROCESSES [env...]: a cold compile: tartan's kernel cache and NVIDIA's
# compute cache both fresh and empty (a machine's first OpenCL run).
bench() {
  local label=$1 batch=$2 n=$3 procs=$4
  shift 4
  env XDG_CACHE_HOME="$work/xdg-$label" CUDA_CACHE_PATH="$work/nv-$label" \
    TARTAN_BUILD_PROCESSES="$procs" "$@" timeout 60 "$B" \
    keras mobilenet --batch-size "$batch" -n "$n" -v --no-validate --no-cpu-compare \
    --no-kernel-timing > "$work/$label.txt" 2>&1
  echo "== $label: $(grep -E '^  compile|program build|time per example' "$work/$label.txt" |
    tr -s ' ' | tr '\n' ' ' | head -c 400)"
  grep -m1 -A3 'build worker' "$work/$label.txt" | head -c 600
}

bench b1-wrapped 1 64 2 TARTAN_BUILD_WORKER="$work/wrap.sh"
for d in "$work"/wrap-*; do
  echo "== spawned worker $(basename "$d"): clinfo: $(grep -c NVIDIA "$d/clinfo.txt") NVIDIA lines;" \
    "with the parent's starting env: $(grep -c NVIDIA "$d/clinfo-parent-initial-env.txt");" \
    "with the shell's stack limit: $(grep -c NVIDIA "$d/clinfo-shell-stack.txt")"
  echo "-- env: spawned worker vs shell (< worker, > shell)"
  diff <(grep -v -E '^(_|SHLVL|PWD|OLDPWD)=' "$d/env.txt") \
    <(grep -v -E '^(_|SHLVL|PWD|OLDPWD)=' "$work/shell-env.txt") | head -20
  echo "-- env: spawned worker vs the parent's starting env (< worker, > parent at exec)"
  diff <(grep -v -E '^(_|SHLVL|PWD|OLDPWD)=' "$d/env.txt") \
    <(grep -v -E '^(_|SHLVL|PWD|OLDPWD)=' "$d/parent-initial-env.txt") | head -20
  echo "-- ulimit (< worker, > shell)"
  diff "$d/ulimit.txt" "$work/shell-ulimit.txt" | head -10
  echo "-- status (< worker's cat, > shell's cat)"
  diff <(grep -v -E '^(Name|Pid|PPid|Tgid|Ngid|TracerPid|VmPeak|VmSize|VmLck|VmPin|VmHWM|VmRSS|RssAnon|RssFile|RssShmem|VmData|VmStk|VmExe|VmLib|VmPTE|VmSwap|voluntary_ctxt_switches|nonvoluntary_ctxt_switches|Threads|FDSize)' "$d/status.txt") \
    <(grep -v -E '^(Name|Pid|PPid|Tgid|Ngid|TracerPid|VmPeak|VmSize|VmLck|VmPin|VmHWM|VmRSS|RssAnon|RssFile|RssShmem|VmData|VmStk|VmExe|VmLib|VmPTE|VmSwap|voluntary_ctxt_switches|nonvoluntary_ctxt_switches|Threads|FDSize)' "$work/shell-status.txt") | head -10
  echo "-- fds: $(tail -n +2 "$d/fds.txt" | wc -l) (shell's cat: $(tail -n +2 "$work/shell-fds.txt" | wc -l))"
  echo "-- icd debug: $(grep -i -E 'nvidia|skipping|error' "$d/clinfo-icd-debug.txt" | head -8)"
  break
done

# Another process holds the GPU (a cold compile in the background): does the shell still see it?
bench b1-holder 1 64 0 &
sleep 2.5
echo "== clinfo from the shell while another process compiles: $(clinfo -l 2>&1 | grep -c NVIDIA) NVIDIA lines"
wait

bench b64-inproc 64 64 0

# -cl-nv-opt-level=1: build time and kernel speed, alternating.
for i in 1 2; do
  bench "b64-speed-default-$i" 64 4096 0
  bench "b64-speed-opt1-$i" 64 4096 0 TARTAN_BUILD_OPTIONS=-cl-nv-opt-level=1
done
tar -C "$work" --exclude 'xdg*' --exclude 'nv-*' -czf "$OUT/worker-probe.tar.gz" .
