#!/usr/bin/env python3
"""Busy and waiting samples per thread over time, from `perf script -F comm,time,ip,sym` of a robotrader run.

    DOTNET_PerfMapEnabled=3 DOTNET_EnableWriteXorExecute=0 perf record -e cpu-clock -F 2000 -g -o run.data -- \
        dotnet tools/RoboTrader.Cli/bin/Release/net10.0/robotrader.dll backtest ...
    perf script -i run.data -F comm,time,ip,sym > run.script
    python3 perf/scripts/thread-timeline.py run.script [bin-seconds]

A sample of the producer (the main thread, comm "dotnet") is "waiting" when one of its innermost frames is
IngestStage.WaitForSlot, SpinWait or sched_yield; a sample of a stage thread (comm "rt-...") when it is in the ring's
wait strategy, sched_yield or the scheduler. Everything else is "busy". Prints one line per bin, then the totals over
the bins in which a stage thread ran.
"""
import collections
import re
import sys

WAITS = ("WaitForSlot", "SpinOnce", "sched_yield")
STAGE_WAITS = ("WaitFor(", "sched_yield", "__schedule")


def main(path, width):
    bins = collections.defaultdict(collections.Counter)
    start = None
    sample = None

    def flush(s):
        if not s:
            return
        comm, time, frames = s
        inner = " ".join(frames[:6])
        if comm.startswith("dotnet"):
            who, waiting = "P", any(w in inner for w in WAITS)
        elif comm.startswith("rt-"):
            who, waiting = "C", any(w in inner for w in STAGE_WAITS)
        else:
            who, waiting = "O", False
        bins[int((time - start) / width)][who + ("w" if waiting else "b")] += 1

    for line in open(path, encoding="utf-8", errors="replace"):
        if line.strip() and not line.startswith("\t"):
            flush(sample)
            m = re.match(r"\s*(.+?)\s+(\d+\.\d+):", line)
            if not m:
                sample = None
                continue
            time = float(m.group(2))
            start = time if start is None else start
            sample = (m.group(1), time, [])
        elif line.strip() and sample:
            sample[2].append(line.strip())
    flush(sample)

    total = collections.Counter()
    print("bin(s)   producer busy/wait   stages busy/wait   other")
    for b in sorted(bins):
        c = bins[b]
        print(f"{b * width:6.2f}   {c['Pb']:6d} {c['Pw']:6d}        {c['Cb']:6d} {c['Cw']:6d}     {c['Ob']:5d}")
        if c["Cb"] + c["Cw"] > 0:
            total.update(c)
    print(f"total (bins with a stage thread): producer {total['Pb']} busy / {total['Pw']} waiting, "
          f"stages {total['Cb']} busy / {total['Cw']} waiting, other threads {total['Ob']}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 0.1)
