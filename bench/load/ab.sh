#!/usr/bin/env bash
# Usage: bench/load/ab.sh BOTS FIELDS DURATION RUNS BASELINE_DIR [OUT_DIR]
# Same-run A/B: alternates this checkout's Release server with BASELINE_DIR/AtlasChannel (e.g. another checkout's
# src/AtlasChannel/bin/Release/net10.0), RUNS times each, same load tool, one field per channel. Per run it samples
# both processes' thread CPU over 8 s of the move phase and prints one line: read and kernel-arrival latency, CPU.
# Needs python3 for the summary. Build first: dotnet build -c Release src/AtlasChannel tools/AtlasChannel.Tool
set -euo pipefail
BOTS=$1; FIELDS=$2; DURATION=$3; RUNS=$4; BASELINE=$5; OUT=${6:-/tmp/atlas-ab}
[ "$DURATION" -ge 20 ] || { echo "ab.sh: DURATION must be at least 20 s (CPU is sampled from 5 to 13 s into the move phase)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "ab.sh: python3 is needed for the summary" >&2; exit 1; }
[ -x "$BASELINE/AtlasChannel" ] || { echo "ab.sh: no executable $BASELINE/AtlasChannel" >&2; exit 1; }
cd "$(dirname "$0")/../.."
mkdir -p "$OUT"

thread_cpu() { # PID SECONDS: CPU ms per thread name over the interval
  python3 - "$1" "$2" <<'PY'
import os, sys, time, collections
pid, seconds = sys.argv[1], float(sys.argv[2])
def snap():
    d = {}
    try:
        tasks = os.listdir(f'/proc/{pid}/task')
    except OSError:
        return d
    for t in tasks:
        try:
            s = open(f'/proc/{pid}/task/{t}/stat').read()
            f = s[s.rindex(')') + 2:].split()
            d[t] = (int(f[11]) + int(f[12]), s[s.index('(') + 1:s.rindex(')')])
        except OSError:
            pass
    return d
tick = 1000 / os.sysconf('SC_CLK_TCK')
a = snap(); time.sleep(seconds); b = snap()
g = collections.Counter()
for t, (c, n) in b.items():
    g[n] += (c - a.get(t, (c, n))[0]) * tick
print(' '.join(f'{n.replace(" ", "_")}={int(v)}' for n, v in g.most_common() if v > 0))
PY
}

one_run() { # TAG [SERVER_DIR]
  local tag=$1 dir="$OUT/$1"
  rm -rf "$dir"; mkdir -p "$dir"
  SERVER_DIR=${2:-} WARMUP=${WARMUP:-10} bench/load/run-load.sh "$BOTS" "$FIELDS" "$FIELDS" "$DURATION" "$dir" >"$dir/out.txt" 2>&1 &
  local run=$!
  for _ in $(seq 1 240); do grep -q "move" "$dir"/progress-*.txt 2>/dev/null && break; sleep 0.5; done
  sleep 5
  local server tool
  server=$(pgrep -f "net10.0/AtlasChannel( |$)" | head -1 || true)
  tool=$(pgrep -f "atlas-tool.dll load" | head -1 || true)
  [ -n "$server" ] && thread_cpu "$server" 8 >"$dir/cpu-server.txt" &
  [ -n "$tool" ] && thread_cpu "$tool" 8 >"$dir/cpu-tool.txt" &
  wait
  wait $run 2>/dev/null || true
  python3 - "$dir" "$tag" <<'PY'
import glob, json, sys
d, tag = sys.argv[1], sys.argv[2]
r = json.load(open(glob.glob(d + '/report-*.json')[0]))
f, a = r['fanoutLatencyMs'], r.get('arrivalLatencyMs', {})
def cpu(name):
    try:
        parts = dict(p.split('=') for p in open(f'{d}/cpu-{name}.txt').read().split())
    except (OSError, ValueError):
        return 0, {}
    return sum(int(v) for v in parts.values()), parts
server, parts = cpu('server'); tool, _ = cpu('tool')
pool = sum(int(v) for k, v in parts.items() if 'TP_Worker' in k)
rss = open(d + '/out.txt').read().strip().split('max rss ')[-1]
print(f"{tag:10s} p50 {f['p50']:7.2f}  p99 {f['p99']:7.2f}  arrival p99 {a.get('p99', 0):7.2f} ms | "
      f"server {server} ms/8s (thread pool {pool}) tool {tool} ms/8s | rss {rss} | "
      f"delivered {r['relaysReceived'] / max(1, r['relaysExpected']):.4f} disc {r['disconnects']} err {r['errors']}")
PY
}

for i in $(seq 1 "$RUNS"); do
  one_run "new-$i"
  one_run "base-$i" "$BASELINE"
done | tee "$OUT/summary.txt"
