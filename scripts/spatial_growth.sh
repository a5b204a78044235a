#!/usr/bin/env bash
# Measures the spatial model's time per turn at 40, 80 and 160 actors (release build, one
# core) and checks the incremental valuation against the direct one. Usage:
#   scripts/spatial_growth.sh [SIZES...]        e.g. scripts/spatial_growth.sh 40 80 160
# Builds a throw-away package under /tmp that depends on this repository by path.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${TMPDIR:-/tmp}/parley-spatial-growth"
mkdir -p "$work/Sources/SpatialGrowth"
cp "$repo/scripts/spatial_growth.swift" "$work/Sources/SpatialGrowth/main.swift"
cat > "$work/Package.swift" <<PKG
// swift-tools-version: 6.0
import PackageDescription
let package = Package(
    name: "SpatialGrowth",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "$repo")],
    targets: [.executableTarget(name: "SpatialGrowth", dependencies: [
        .product(name: "ParleyCore", package: "main"), .product(name: "ParleyBargaining", package: "main")])]
)
PKG
swift build -c release --package-path "$work" --product SpatialGrowth >&2
echo "machine: $(nproc) cores; one core used; $(date -u +%Y-%m-%dT%H:%MZ)"
"$work/.build/release/SpatialGrowth" "$@"
