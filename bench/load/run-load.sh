#!/usr/bin/env bash
# Usage: bench/load/run-load.sh BOTS GROUPS CHANNELS DURATION [OUT_DIR]
# Starts the embedded default (Release), runs the load tool against it, samples server CPU/RSS every 2 s.
set -euo pipefail
BOTS=$1; GROUPS_=$2; CHANNELS=$3; DURATION=$4; OUT=${5:-/tmp/atlas-load}
FIRST_PORT=${FIRST_PORT:-17575}
cd "$(dirname "$0")/../.."
mkdir -p "$OUT"
tag="b${BOTS}-g${GROUPS_}-c${CHANNELS}"
# WARMUP seconds of the move phase (default 10, less than DURATION) are left out of the report's after-warm-up figures.
WARMUP=${WARMUP:-10}; awk "BEGIN{exit !($WARMUP >= $DURATION)}" && WARMUP=0
# TOOL_ARGS="--chat-rate 1 ..." adds load-tool options.
# SERVER_ENV="NAME=value ..." sets runtime knobs (e.g. DOTNET_TieredPGO=0) for the server's process only.
# SERVER_DIR=DIR runs DIR/AtlasChannel (e.g. a ReadyToRun publish: dotnet publish src/AtlasChannel -c Release -r linux-x64
# --self-contained false -p:PublishReadyToRun=true -o DIR) instead of the Release build.
if ss -ltn | grep -qE ":($FIRST_PORT|$((FIRST_PORT + 500))) "; then
  echo "run-load: port $FIRST_PORT or $((FIRST_PORT + 500)) is already in use (a server left over from another run?)" >&2
  exit 1
fi
SERVER=(dotnet run -c Release --no-build --project src/AtlasChannel --)
[ -n "${SERVER_DIR:-}" ] && SERVER=("$SERVER_DIR/AtlasChannel")
env ${SERVER_ENV:-} "${SERVER[@]}" \
  --SANDBOX_CHANNELS="$CHANNELS" --SANDBOX_FIRST_PORT="$FIRST_PORT" --SANDBOX_PORT=0 --REST_PORT=$((FIRST_PORT + 500)) \
  --LOG_LEVEL=warn >"$OUT/server-$tag.log" 2>&1 &
RUN=$!
trap 'kill $RUN 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do ss -ltn | grep -q ":$FIRST_PORT " && break; sleep 0.5; done
SERVER=$(pgrep -P $RUN | head -1 || true); SERVER=${SERVER:-$RUN} # no child: SERVER_DIR ran the server itself
: >"$OUT/ps-$tag.txt"
( while kill -0 "$SERVER" 2>/dev/null; do echo "$(date +%s.%N) $(ps -o times=,rss= -p "$SERVER")" >>"$OUT/ps-$tag.txt" || true; sleep 2; done ) &
SAMPLER=$!
uptime >"$OUT/uptime-$tag.txt"
# `atlas-tool load` runs its socket completions on the epoll thread unless DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS
# is already set; TOOL_INLINE_COMPLETIONS=0|1 sets it explicitly, for the tool's process only.
# TOOL_ENV="NAME=value ..." sets runtime knobs for the load tool's process only.
env ${TOOL_ENV:-} ${TOOL_INLINE_COMPLETIONS:+DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=$TOOL_INLINE_COMPLETIONS} \
  dotnet tools/AtlasChannel.Tool/bin/Release/net10.0/atlas-tool.dll load --bots "$BOTS" --maps "$GROUPS_" --channels "$CHANNELS" \
  --move-rate 5 --duration "$DURATION" --warmup "$WARMUP" --port "$FIRST_PORT" --login-concurrency 50 ${TOOL_ARGS:-} >"$OUT/report-$tag.json" 2>"$OUT/progress-$tag.txt" || true
uptime >>"$OUT/uptime-$tag.txt"
kill $SAMPLER 2>/dev/null || true
cat "$OUT/report-$tag.json"
# Columns: wall seconds, cumulative CPU seconds (ps times), RSS KiB. Interval CPU% = dCPU/dwall (100% = one core).
awk 'NR>1 && $1>t { p=100*($2-c)/($1-t); if (p>mx) mx=p; if (p>5) { s+=p; n++ } } { t=$1; c=$2; if ($3>m) m=$3 }
     END { printf "server cpu: mean %.0f%% / peak %.0f%% over %d busy 2s intervals; max rss %d MB\n", (n?s/n:0), mx, n, m/1024 }' "$OUT/ps-$tag.txt"
