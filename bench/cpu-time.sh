#!/usr/bin/env bash
# CPU time (perf stat task-clock) of a cold `validate` of one example file, for one or more builds, run alternately:
# on a shared or busy machine, CPU time tells a few milliseconds apart where wall-clock medians cannot.
# Usage: bench/cpu-time.sh [runs] name=<dir holding cli.js> … [-- extra validate arguments]
# e.g.   bench/cpu-time.sh 40 before=../old/dist after=dist
# Needs Linux `perf`; each dir must sit under a package.json with "type": "module" (as dist/ does), or Node
# spends extra time detecting the module syntax of every chunk.
set -euo pipefail
runs=${1:-30}; shift || true
builds=(); extra=()
while [ $# -gt 0 ]; do
  if [ "$1" = -- ]; then shift; extra=("$@"); break; fi
  builds+=("$1"); shift
done
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/examples/ordering-e2e/contacts.yaml" "$work/contacts.yaml"
cd "$work"
for _ in $(seq "$runs"); do
  for b in "${builds[@]}"; do
    # validate exits 1 on findings; anything else (an old Node's refusal, a crash) is no figure at all.
    code=0
    perf stat -x, -o perf.txt -e task-clock node "${b#*=}/cli.js" validate contacts.yaml "${extra[@]}" >/dev/null 2>err.txt || code=$?
    if [ "$code" -gt 1 ]; then echo "cpu-time: ${b#*=}/cli.js exited $code: $(head -c 300 err.txt)" >&2; exit 2; fi
    echo "${b%%=*} $(awk -F, '/task-clock/ {print $1}' perf.txt)"
  done
done | awk '{s[$1]+=$2; q[$1]+=$2*$2; n[$1]++} END {for (k in s) {m=s[k]/n[k]; sd=sqrt(q[k]/n[k]-m*m); printf "%-20s mean %6.1f ms ± %4.1f (standard error; sd %.1f, %d runs)\n", k, m, sd/sqrt(n[k]), sd, n[k]}}' | sort
