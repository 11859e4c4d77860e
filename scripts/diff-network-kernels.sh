#!/usr/bin/env bash
# Compares every network's generated kernels (both fixed profiles, the tuner's candidate plans
# included) with a baseline dump, network by network: run it once on the code before a change
# to write the baseline, then again after it.
#
#   scripts/diff-network-kernels.sh BASELINE_DIR [BUILD_DIR]
#
# BUILD_DIR (default: build) must hold bin/tartan-dump-kernels (tests/tools/dump_kernels.cpp).
# Without BASELINE_DIR, writes it and exits. Otherwise dumps into BASELINE_DIR.new, prints
# "identical" or "differs" per profile and network, and exits 1 when any differs (diff -r
# BASELINE_DIR BASELINE_DIR.new shows how). Takes about 3 minutes on a 2-core machine.
set -euo pipefail
if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 BASELINE_DIR [BUILD_DIR]" >&2
  exit 2
fi
baseline=$1
tool=${2:-build}/bin/tartan-dump-kernels
if [[ ! -x $tool ]]; then
  echo "$0: no $tool; build it: cmake --build ${2:-build} --target tartan-dump-kernels" >&2
  exit 2
fi
if [[ ! -d $baseline ]]; then
  "$tool" "$baseline" --candidates
  echo "baseline written to $baseline"
  exit 0
fi
fresh=$baseline.new
rm -rf "$fresh"
"$tool" "$fresh" --candidates > /dev/null
status=0
for dir in "$baseline"/*/*/; do
  rel=${dir#"$baseline"/}
  if diff -rq "$dir" "$fresh/$rel" > /dev/null; then
    echo "${rel%/}: identical"
  else
    echo "${rel%/}: differs"
    status=1
  fi
done
exit $status
