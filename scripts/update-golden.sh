#!/usr/bin/env bash
# Regenerates the CLI golden files from the current build. Review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
env -u COLUMNS NO_COLOR=1 .build/debug/parley forecast Examples/bonn-2001.yaml > Tests/ParleyCLITests/Golden/forecast-bonn.txt
