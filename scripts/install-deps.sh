#!/usr/bin/env bash
# Installs the Debian 12 packages tartan needs, and nothing when all are present.
# Idempotent: run it as often as you like; it calls apt-get only for what is missing.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang libclang-rt-14-dev
  # OpenCL: loader, headers, and PoCL, the CPU device that is always there
  ocl-icd-opencl-dev opencl-headers opencl-clhpp-headers pocl-opencl-icd clinfo
  # libraries
  libcli11-dev libspdlog-dev libfmt-dev libyaml-cpp-dev nlohmann-json3-dev libhdf5-dev
  # testing and benchmarking: GoogleTest, Google Benchmark, oclgrind, CLBlast as a peer
  libgtest-dev libgmock-dev libbenchmark-dev oclgrind libclblast-dev
  # the line budget check (scripts/check_line_budget.py, run by ctest)
  python3
  # ONNX import: the protobuf definitions, checker and shape inference; the conformance cases
  libonnx-dev libprotobuf-dev protobuf-compiler libonnx-testdata
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then
    SUDO=sudo
  else
    echo "install-deps: need root to install packages; run as root or install sudo" >&2
    exit 1
  fi
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
