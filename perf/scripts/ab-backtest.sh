#!/usr/bin/env bash
# Interleaved A/B runs of the real-data backtest, the method behind the `--state` figures in perf/RESULTS.md.
#
#   perf/scripts/ab-backtest.sh ROUNDS 'label|ENV=value ...|extra backtest args|robotrader bin folder' ...
#
# Each round runs every configuration once, in the given order on odd rounds and reversed on even ones (ABBA, so that
# a drift of the machine's speed within a round does not favour one side); before each run the scratch state and
# output folders are removed and the disk synced. `STATE` in the extra args stands for that fresh state folder. The
# bin folder defaults to this checkout's Release build. Per run it prints events/s, the whole process's wall time and
# its CPU time (user + sys, from /usr/bin/time); at the end, per configuration, the median and best events/s and the
# median of the per-round ratios to the first configuration (this VM's speed drifts: only runs of one round compare).
#
#   perf/scripts/ab-backtest.sh 10 'none||' 'state||--state STATE' 'state-nw|ROBOTRADER_WARMUP=off|--state STATE'
#
# Environment: DATA (default ../shared/data/lean beside the checkout), SCRATCH (default /tmp/robotrader-ab).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
data=${DATA:-$here/../shared/data/lean}
scratch=${SCRATCH:-/tmp/robotrader-ab}
rounds=$1; shift
configs=("$@")
mkdir -p "$scratch"
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for ((r = 1; r <= rounds; r++)); do
  if ((r % 2 == 0)); then order=(); for ((k = ${#configs[@]} - 1; k >= 0; k--)); do order+=("${configs[k]}"); done; else order=("${configs[@]}"); fi
  line="round $r:"
  for c in "${order[@]}"; do
    IFS='|' read -r label envs args bin <<<"$c"
    bin=${bin:-$here/tools/RoboTrader.Cli/bin/Release/net10.0}
    rm -rf "$scratch/state" "$scratch/out"; sync
    # shellcheck disable=SC2086 # envs and args are word lists
    out=$(env $envs /usr/bin/time -f "CPU %U %S %e" dotnet "$bin/robotrader.dll" backtest --data "$data" --symbols aig,bac,ibm,spy \
      --from 2013-10-07 --to 2013-10-11 --out "$scratch/out" --progress none ${args//STATE/$scratch/state} 2>&1)
    rate=$(grep -o '[0-9]* events/s' <<<"$out" | head -1 | cut -d' ' -f1)
    read -r cpu wall < <(grep '^CPU' <<<"$out" | awk '{printf "%d %d\n", ($2 + $3) * 1000, $4 * 1000}')
    echo "$r $label $rate $wall $cpu" >>"$results"
    line="$line  $label=${rate}/s,wall ${wall}ms,cpu ${cpu}ms"
  done
  echo "$line"
done
python3 - "$results" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(dict)
labels = []
for line in open(sys.argv[1]):
    r, label, rate, wall, cpu = line.split()
    runs[r][label] = (int(rate) / 1e6, int(wall), int(cpu))
    if label not in labels:
        labels.append(label)
first = labels[0]
for label in labels:
    rates = [v[label][0] for v in runs.values()]
    ratio = statistics.median(v[label][0] / v[first][0] for v in runs.values())
    wall = statistics.median(v[label][1] for v in runs.values())
    cpu = statistics.median(v[label][2] for v in runs.values())
    print(f"{label:20s} median {statistics.median(rates):6.2f} M/s  best {max(rates):6.2f}  ratio to {first} {ratio:.3f}  wall {wall:.0f} ms  cpu {cpu:.0f} ms")
PY
