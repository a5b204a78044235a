#!/usr/bin/env bash
# Checks deploy/ without a cluster or a container engine: the Kubernetes manifests load as YAML
# and hang together (claims, volumes, shard count = completions, --no-store, the merge reads what
# the sweep writes), the Slurm scripts parse, the Containerfile is multi-stage and static.
# PyYAML is installed into a throw-away virtualenv (.venv-deploy, gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-deploy
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q PyYAML==6.0.2
"$VENV/bin/python" scripts/check_deploy.py
