#!/usr/bin/env bash
# Checks docs/parley-1.schema.json against the scenario examples with the jsonschema package
# from PyPI (in a throw-away virtualenv, .venv-schema, gitignored). YAML is read as YAML 1.2
# reads it (dates stay text, anchor keys become strings), as the YAML language server does.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-schema
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q jsonschema==4.23.0 pyyaml==6.0.2
"$VENV/bin/python" - "$@" <<'PY'
import json, sys, glob
import jsonschema, yaml

class Loader(yaml.SafeLoader):
    pass
# YAML 1.2 has no timestamp type: keep dates as text.
Loader.yaml_implicit_resolvers = {k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
                                  for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}

def keys_to_text(node):
    if isinstance(node, dict):
        return {str(k): keys_to_text(v) for k, v in node.items()}
    if isinstance(node, list):
        return [keys_to_text(v) for v in node]
    return node

schema = json.load(open("docs/parley-1.schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = 0
for path in sys.argv[1:] or sorted(glob.glob("Examples/*.yaml")):
    document = keys_to_text(yaml.load(open(path), Loader=Loader))
    if document.get("format") != "parley/1":
        continue
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors:
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
    failed += bool(errors)
    print(f"{path}: {'ok' if not errors else 'INVALID'}")
sys.exit(1 if failed else 0)
PY
