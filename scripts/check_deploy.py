"""Schema-ish checks of deploy/: the Kubernetes manifests load as YAML and hang together, the
Slurm scripts parse, the Containerfile builds a static binary into a small runtime stage.

Exits 1 with one line per problem. Run by scripts/check_deploy.sh (which installs PyYAML into a
throw-away virtualenv)."""
import pathlib
import re
import subprocess
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)
    return condition


def typed(value, kind, where):
    return check(isinstance(value, kind), f"{where}: expected {kind.__name__}, found {value!r}")


documents = {}
for path in sorted((ROOT / "deploy/kubernetes").glob("*.yaml")):
    for index, doc in enumerate(yaml.safe_load_all(path.read_text())):
        where = f"{path.relative_to(ROOT)}[{index}]"
        if not typed(doc, dict, where):
            continue
        for key in ("apiVersion", "kind", "metadata"):
            check(key in doc, f"{where}: no {key}")
        name = doc.get("metadata", {}).get("name")
        typed(name, str, f"{where}.metadata.name")
        documents[(doc.get("kind"), name)] = (where, doc)

claims = {name: doc for (kind, name), (_, doc) in documents.items() if kind == "PersistentVolumeClaim"}
for name, claim in claims.items():
    spec = claim.get("spec", {})
    check("ReadWriteMany" in spec.get("accessModes", []), f"claim {name}: pods on several nodes need ReadWriteMany")
    check(isinstance(spec.get("storageClassName"), str) and spec["storageClassName"], f"claim {name}: no storageClassName")
    check("storage" in spec.get("resources", {}).get("requests", {}), f"claim {name}: no storage request")

outs = {}
for (kind, name), (where, job) in documents.items():
    if kind != "Job":
        continue
    check(job.get("apiVersion") == "batch/v1", f"{where}: a Job is batch/v1")
    spec = job.get("spec", {})
    pod = spec.get("template", {}).get("spec", {})
    check(pod.get("restartPolicy") == "Never", f"{where}: restartPolicy must be Never (podFailurePolicy, per-index backoff)")
    for key in ("completions", "parallelism", "backoffLimit", "backoffLimitPerIndex", "maxFailedIndexes"):
        if key in spec:
            typed(spec[key], int, f"{where}.spec.{key}")
    if "backoffLimitPerIndex" in spec:
        check(spec.get("completionMode") == "Indexed", f"{where}: backoffLimitPerIndex needs completionMode Indexed")
    volumes = {volume.get("name"): volume for volume in pod.get("volumes", [])}
    for volume in volumes.values():
        claim = volume.get("persistentVolumeClaim", {}).get("claimName")
        if claim is not None:
            check(claim in claims, f"{where}: volume {volume['name']} names claim {claim}, defined nowhere in deploy/kubernetes")
    containers = pod.get("containers", [])
    check(len(containers) >= 1, f"{where}: no containers")
    names = {container.get("name") for container in containers}
    for rule in spec.get("podFailurePolicy", {}).get("rules", []):
        codes = rule.get("onExitCodes", {})
        check(codes.get("containerName") in names, f"{where}: podFailurePolicy names container {codes.get('containerName')}")
        check(all(isinstance(code, int) for code in codes.get("values", [])), f"{where}: exit codes must be integers")
    for container in containers:
        cwhere = f"{where} container {container.get('name')}"
        image = container.get("image", "")
        check(image and "example" not in image, f"{cwhere}: image {image!r} is a placeholder")
        for mount in container.get("volumeMounts", []):
            check(mount.get("name") in volumes, f"{cwhere}: mounts volume {mount.get('name')}, which the pod does not define")
        limits = container.get("resources", {}).get("limits", {})
        check("cpu" in limits, f"{cwhere}: no CPU limit (--jobs follows it through cpu.max)")
        words = container.get("command", []) + container.get("args", [])
        text = " ".join(str(word) for word in words)
        if "sensitivity" in words:
            check("--no-store" in words or "--store" in words, f"{cwhere}: the run store must not land on the shared volume: pass --no-store")
            check("--out" in words, f"{cwhere}: a shard needs --out")
            if "--out" in words:
                outs["sweep"] = words[words.index("--out") + 1]
            env = {item.get("name"): item.get("value") for item in container.get("env", [])}
            check(spec.get("completionMode") == "Indexed", f"{where}: a sweep is an Indexed Job")
            check(env.get("PARLEY_SHARD_COUNT") == str(spec.get("completions")),
                  f"{cwhere}: PARLEY_SHARD_COUNT {env.get('PARLEY_SHARD_COUNT')!r} must equal completions {spec.get('completions')}")
        match = re.search(r"parley merge (\S+)", text)
        if match:
            outs["merge"] = match.group(1)

check(outs.get("sweep") is not None and outs.get("sweep") == outs.get("merge"),
      f"the merge Job must read the folder the sweep writes: {outs}")

for script in sorted((ROOT / "deploy/slurm").glob("*.sbatch")) + [ROOT / "scripts/slurm_e2e.sh"]:
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    check(result.returncode == 0, f"{script.relative_to(ROOT)}: {result.stderr.strip()}")
sweep = (ROOT / "deploy/slurm/sweep.sbatch").read_text()
check(not re.search(r"#SBATCH --output=[^\n]*/", sweep), "sweep.sbatch: --output must not name a folder (it must exist before submission)")
check("--shard \"$SLURM_ARRAY_TASK_ID/$SHARDS\"" in sweep, "sweep.sbatch: the shard count must be SHARDS, passed explicitly")
check("--kill-on-invalid-dep=yes" in (ROOT / "deploy/slurm/merge.sbatch").read_text(), "merge.sbatch: a failed array must cancel the merge")

containerfile = (ROOT / "deploy/Containerfile").read_text()
stages = re.findall(r"^FROM\s+(\S+)", containerfile, re.MULTILINE)
check(len(stages) >= 2, "Containerfile: multi-stage (build, then run)")
check(stages and "slim" in stages[-1], f"Containerfile: the runtime stage should be a slim image, found {stages[-1:]}")
check("--static-swift-stdlib" in containerfile, "Containerfile: link the Swift runtime statically")
check("COPY --from=build" in containerfile, "Containerfile: copy the binary from the build stage")

for problem in problems:
    print(problem)
print(f"check_deploy: {len(documents)} manifests, {len(problems)} problems")
sys.exit(1 if problems else 0)
