#!/usr/bin/env bash
# Builds the DocC catalog of every library (Sources/<Module>/<Module>.docc) with the
# swift-docc-plugin and fails on any warning in Parley's own code or documentation.
#
#   bash scripts/docs.sh                      # every library target that has a catalog
#   bash scripts/docs.sh ParleyCore ParleyIO  # only these
#
# The archives land in .build/plugins/Swift-DocC/outputs/<Module>.doccarchive.
# Warnings from dependencies' sources (under .build/) are not Parley's and are ignored.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v swift >/dev/null 2>&1; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for catalog in Sources/*/*.docc; do
    module=$(basename "$(dirname "$catalog")")
    [ "$(basename "$catalog")" = "$module.docc" ] || continue
    # Only targets that Package.swift declares (a catalog may arrive before its target).
    if grep -Eq "name: \"$module\"" Package.swift; then
      targets+=("$module")
    else
      echo "docs: skipping $module (not a target in Package.swift)" >&2
    fi
  done
fi
[ ${#targets[@]} -gt 0 ] || { echo "docs: no catalogs found" >&2; exit 1; }

args=()
for target in "${targets[@]}"; do args+=(--target "$target"); done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
echo "== swift package generate-documentation ${args[*]}"
status=0
swift package generate-documentation "${args[@]}" 2>&1 | tee "$log" || status=$?
elapsed=$(( $(date +%s) - start ))

# A warning is ours unless it points into .build/ (dependencies' checkouts) or is SwiftPM's
# note about a dependency package ("warning: 'swift-distributed-tracing': found 1 file(s) ...").
root=$(basename "$PWD" | tr '[:upper:]' '[:lower:]')
ours() {
  grep -E "warning:" "$log" | grep -v "/\.build/" \
    | grep -Ev "^warning: '[^']+': " || true
  grep -E "^warning: '$root': " "$log" || true
}
if [ -n "$(ours)" ]; then
  echo "docs: warnings in Parley's code or documentation:" >&2
  ours | sort -u >&2
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "docs: generate-documentation failed (exit $status)" >&2
  exit "$status"
fi
echo "docs: ${#targets[@]} catalogs built without warnings in ${elapsed} s"
