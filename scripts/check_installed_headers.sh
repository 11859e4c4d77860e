#!/bin/sh
# Installs a build into a scratch prefix and compiles each installed header on its own with only
# the installed headers (and the system's) on the include path: the public API is self-contained,
# and no header it needs was left out of the install lists (core/ and networks/CMakeLists.txt).
# Usage: check_installed_headers.sh BUILD_DIR CXX
set -eu
build=$1
cxx=$2
prefix=$build/installed-headers-check
rm -rf "$prefix"
cmake --install "$build" --prefix "$prefix" --component tartan_headers >/dev/null
count=0
for h in $(cd "$prefix/include" && find tartan -name '*.h' | sort); do
  printf '#include "%s"\n' "$h" |
    "$cxx" -std=c++20 -fsyntax-only -DCL_TARGET_OPENCL_VERSION=120 -I"$prefix/include" -x c++ - ||
    { echo "installed header $h does not compile with only the installed headers" >&2; exit 1; }
  count=$((count + 1))
done
echo "installed headers: $count, each compiles alone"
