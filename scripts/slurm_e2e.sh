#!/usr/bin/env bash
# End-to-end test of deploy/slurm/ on a real one-node Slurm cluster started here (Debian's
# slurm-wlm 22.05 or later, with munge), then stopped again.
#
#   bash scripts/slurm_e2e.sh            # as root, or a user with passwordless sudo
#
# It installs slurm-wlm and munge when missing (apt-get), builds `parley` when PARLEY is not set
# (a debug build, as CI has it), and keeps every daemon's key, state, spool, logs and slurm.conf
# in one temporary folder. Then it checks what deploy/slurm/ promises:
#
#   1. a sweep of SHARDS=4 as a job array, with the merge chained by --dependency=afterok, gives
#      byte for byte what one machine prints;
#   2. a lost shard file is rewritten, and only it, by `sbatch --array=2` with the same environment,
#      and the merge chained to that rerun again matches one machine;
#   3. an array with a step (--array=1-3:2) runs just shards 1 and 3;
#   4. a task whose index is not a shard fails at once, and the merge chained to it is cancelled
#      rather than left pending for ever.
#
# The daemons, and every job still known, are stopped by a trap on any exit; the temporary folder
# is removed unless KEEP=1. Environment: PARLEY (a parley binary), SLURM_E2E_PORT (slurmctld's
# port, default 16817; slurmd uses the next one), KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "slurm_e2e: run as root (munged, slurmctld and slurmd are started here)" >&2; exit 1; }
  exec sudo -E bash "$0" "$@"
fi
if ! command -v swift >/dev/null 2>&1; then export PATH="/opt/swift/usr/bin:$PATH"; fi

# --- install -------------------------------------------------------------------------------------
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  echo "== installing slurm-wlm and munge"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi
# The packages may have started their own daemons (on a machine with an init system): ours use
# other sockets, ports and files, so they do not meet.

# --- parley ----------------------------------------------------------------------------------------
if [ -z "${PARLEY:-}" ]; then
  echo "== building parley"
  swift build --product parley 2>&1 | grep -E "error|warning: .*/(Sources|Tests)/|Build complete" || true
  PARLEY="$(swift build --show-bin-path)/parley"
fi
[ -x "$PARLEY" ] || { echo "slurm_e2e: no parley binary at $PARLEY" >&2; exit 1; }
PARLEY=$(cd "$(dirname "$PARLEY")" && pwd)/$(basename "$PARLEY")

# --- a one-node cluster in a temporary folder ------------------------------------------------------
TMP=$(mktemp -d /tmp/parley-slurm.XXXXXX)
chmod 0755 "$TMP"
mkdir -p "$TMP/munge" "$TMP/state" "$TMP/spool" "$TMP/log" "$TMP/work"
chmod 0700 "$TMP/munge"
cleanup() {
  status=$?
  set +e
  if [ -f "$TMP/slurm.conf" ] && [ -f "$TMP/slurmctld.pid" ]; then
    SLURM_CONF="$TMP/slurm.conf" scancel --quiet --user=root 2>/dev/null
  fi
  for name in slurmd slurmctld munged; do
    if [ -f "$TMP/$name.pid" ]; then
      pid=$(cat "$TMP/$name.pid")
      kill "$pid" 2>/dev/null
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null
    fi
  done
  if [ "$status" -ne 0 ]; then
    echo "slurm_e2e: FAILED (status $status); logs:" >&2
    tail -n 20 "$TMP"/log/*.log "$TMP"/work/*.out 2>/dev/null >&2
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
  exit "$status"
}
trap cleanup EXIT INT TERM

NODE=$(hostname -s)
PORT=${SLURM_E2E_PORT:-16817}
# The node as slurmd sees it (CPUs, sockets, cores, memory), so the controller accepts it.
NODE_LINE=$(slurmd -C | head -n 1 | sed -e "s/^NodeName=[^ ]*/NodeName=$NODE/")
CPUS=$(sed -n 's/.*CPUs=\([0-9]*\).*/\1/p' <<<"$NODE_LINE")

echo "== munge"
dd if=/dev/urandom of="$TMP/munge/munge.key" bs=1024 count=1 status=none
chmod 0400 "$TMP/munge/munge.key"
munged --force --key-file="$TMP/munge/munge.key" --socket="$TMP/munge/munge.socket" \
  --pid-file="$TMP/munged.pid" --log-file="$TMP/log/munged.log" --seed-file="$TMP/munge/munged.seed"

cat >"$TMP/slurm.conf" <<EOF
ClusterName=parley-e2e
SlurmctldHost=$NODE(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$TMP/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$TMP/state
SlurmdSpoolDir=$TMP/spool
SlurmctldPidFile=$TMP/slurmctld.pid
SlurmdPidFile=$TMP/slurmd.pid
SlurmctldLogFile=$TMP/log/slurmctld.log
SlurmdLogFile=$TMP/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MinJobAge=600
$NODE_LINE NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=e2e Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$TMP/slurm.conf"

echo "== slurmctld and slurmd ($NODE, $CPUS CPUs)"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF" -N "$NODE"
for i in $(seq 120); do
  state=$(sinfo -h -n "$NODE" -o %t 2>/dev/null || true)
  case "$state" in idle*|mix*|alloc*) break ;; esac
  [ "$i" -eq 120 ] && { echo "slurm_e2e: node $NODE not ready (state '$state')" >&2; exit 1; }
  sleep 0.5
done
sinfo

# Waits until none of the given jobs is pending or running (at most 10 minutes).
wait_jobs() {
  for _ in $(seq 1200); do
    if [ -z "$(squeue -h -j "$(IFS=,; echo "$*")" -t PD,R,CF,CG -o %i 2>/dev/null)" ]; then return 0; fi
    sleep 0.5
  done
  echo "slurm_e2e: jobs $* still queued after 10 minutes" >&2
  squeue >&2
  exit 1
}
# The final state of a job (or of every task of an array), e.g. COMPLETED, FAILED, CANCELLED.
job_states() { scontrol -o show job "$1" | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | sort -u | tr '\n' ' '; }

# --- the sweep -------------------------------------------------------------------------------------
cd "$TMP/work"
SCENARIO=$ROOT/Examples/bonn-2001.yaml
MODELS=(--model weighted-mean --model nash --model ensemble)
export SHARDS=4 RUNS=1000 SEED=20011205 OUT=sweep-out PARLEY
SWEEP=$ROOT/deploy/slurm/sweep.sbatch
MERGE=$ROOT/deploy/slurm/merge.sbatch

echo "== one machine"
"$PARLEY" sensitivity "$SCENARIO" --runs "$RUNS" --seed "$SEED" --json --no-store "${MODELS[@]}" > single.json

echo "== 1. array of $SHARDS shards, merge chained with afterok"
jid=$(sbatch --parsable --array=0-$((SHARDS - 1)) --cpus-per-task=1 --mem=500M "$SWEEP" "$SCENARIO" "${MODELS[@]}")
jid=${jid%%;*}
mid=$(sbatch --parsable --dependency=afterok:"$jid" --mem=500M "$MERGE")
mid=${mid%%;*}
wait_jobs "$jid" "$mid"
[ "$(job_states "$jid")" = "COMPLETED " ] || { echo "array $jid: $(job_states "$jid")" >&2; exit 1; }
[ "$(job_states "$mid")" = "COMPLETED " ] || { echo "merge $mid: $(job_states "$mid")" >&2; exit 1; }
ls sweep-out
[ "$(ls sweep-out | wc -l)" -eq "$SHARDS" ]
cmp sweep.json single.json
echo "chained merge of job $jid is byte-identical to one machine"

echo "== 2. lose shard 2, rerun exactly it with sbatch --array=2"
sha256sum sweep-out/*.json | grep -v shard-0002 > others.sha256
rm sweep-out/shard-0002-of-0004.json sweep.json
rid=$(sbatch --parsable --array=2 --cpus-per-task=1 --mem=500M "$SWEEP" "$SCENARIO" "${MODELS[@]}")
rid=${rid%%;*}
mid=$(sbatch --parsable --dependency=afterok:"$rid" --mem=500M "$MERGE")
mid=${mid%%;*}
wait_jobs "$rid" "$mid"
[ "$(job_states "$rid")" = "COMPLETED " ] || { echo "rerun $rid: $(job_states "$rid")" >&2; exit 1; }
[ "$(job_states "$mid")" = "COMPLETED " ] || { echo "merge $mid: $(job_states "$mid")" >&2; exit 1; }
[ "$(ls sweep-out)" = "$(printf 'shard-%04d-of-0004.json\n' 0 1 2 3)" ]
sha256sum --quiet -c others.sha256  # the other shards were not touched
cmp sweep.json single.json
"$PARLEY" merge sweep-out --json | cmp - single.json
echo "rerun of shard 2 (job $rid) and its chained merge are byte-identical to one machine"

echo "== 3. an array with a step: --array=1-3:2 runs shards 1 and 3 only"
OUT=stepped sbatch --parsable --array=1-3:2 --cpus-per-task=1 --mem=500M "$SWEEP" "$SCENARIO" "${MODELS[@]}" > step.id
wait_jobs "$(cut -d';' -f1 step.id)"
[ "$(ls stepped)" = "$(printf 'shard-%04d-of-0004.json\n' 1 3)" ]
cmp stepped/shard-0001-of-0004.json sweep-out/shard-0001-of-0004.json
cmp stepped/shard-0003-of-0004.json sweep-out/shard-0003-of-0004.json

echo "== 4. a task that is not a shard fails, and its chained merge is cancelled, not stuck"
fid=$(sbatch --parsable --array=4 --cpus-per-task=1 --mem=500M "$SWEEP" "$SCENARIO" "${MODELS[@]}")
fid=${fid%%;*}
mid=$(OUT=none RESULT=never.json sbatch --parsable --dependency=afterok:"$fid" --mem=500M "$MERGE")
mid=${mid%%;*}
wait_jobs "$fid" "$mid"
[ "$(job_states "$fid")" = "FAILED " ] || { echo "job $fid: $(job_states "$fid")" >&2; exit 1; }
case "$(job_states "$mid")" in CANCELLED*) ;; *) echo "merge $mid: $(job_states "$mid")" >&2; exit 1 ;; esac
grep -q "is not a shard of SHARDS=4" parley-sweep-"$fid"_4.out
[ ! -e never.json ]

echo "slurm_e2e: all checks passed"
