"""Tables and plot for docs/performance.md from the JMH JSON that benchmarks/measure.sh writes.

usage: python3 benchmarks/plot.py docs/perf-data docs/performance-threads.png
Prints the markdown tables; writes the PNG (throughput and latency against threads).
"""
import glob
import json
import os
import re
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def load(folder):
    """(method, patient, threads, mode) -> JMH result entry."""
    results = {}
    for path in sorted(glob.glob(os.path.join(folder, "jmh-t*.json"))):
        with open(path) as f:
            for entry in json.load(f):
                method = entry["benchmark"].rsplit(".", 1)[1]
                results[(method, entry["params"]["patient"], entry["threads"], entry["mode"])] = entry
    return results


def per_second(entry):
    """Throughput in evaluations/s, from ops/us."""
    assert entry["primaryMetric"]["scoreUnit"] == "ops/us", entry["primaryMetric"]["scoreUnit"]
    return float(entry["primaryMetric"]["score"]) * 1e6, float(entry["primaryMetric"]["scoreError"]) * 1e6


def percentile(entry, p):
    assert entry["primaryMetric"]["scoreUnit"] == "us/op", entry["primaryMetric"]["scoreUnit"]
    return entry["primaryMetric"]["scorePercentiles"][p]


def allocation(entry):
    for name, metric in entry.get("secondaryMetrics", {}).items():
        if re.sub(r"^\W+", "", name) == "gc.alloc.rate.norm":
            return metric["score"]
    return float("nan")


def main(folder, png):
    r = load(folder)
    threads = sorted({k[2] for k in r})
    patients = ["typical", "complex"]

    print("| patient | threads | engine evaluations/s (total) | per thread | p50 µs | p99 µs | p99.9 µs |")
    print("|---|---|---|---|---|---|---|")
    for p in patients:
        for t in threads:
            thr, err = per_second(r[("engine", p, t, "thrpt")])
            s = r[("engine", p, t, "sample")]
            print(f"| {p} | {t} | {thr:,.0f} ± {err:,.0f} | {thr / t:,.0f} | {percentile(s, '50.0'):.1f} "
                  f"| {percentile(s, '99.0'):.1f} | {percentile(s, '99.9'):.1f} |")
    print()
    print("| patient | threads | hand-coded evaluations/s | engine evaluations/s | engine is slower by | hand-coded p50 µs | engine p50 µs |")
    print("|---|---|---|---|---|---|---|")
    for p in patients:
        for t in threads:
            hand, _ = per_second(r[("handCoded", p, t, "thrpt")])
            eng, _ = per_second(r[("engine", p, t, "thrpt")])
            hs = percentile(r[("handCoded", p, t, "sample")], "50.0")
            es = percentile(r[("engine", p, t, "sample")], "50.0")
            print(f"| {p} | {t} | {hand:,.0f} | {eng:,.0f} | {hand / eng:.0f}x | {hs:.2f} | {es:.1f} |")
    print()
    print("| patient | threads | engine µs per evaluation | Drools' firing alone µs | engine / firing alone (goal ≤ 1.15) | goal µs |")
    print("|---|---|---|---|---|---|")
    goals = {"typical": 35, "complex": 120}
    for p in patients:
        for t in threads:
            if ("firingAlone", p, t, "thrpt") not in r:
                continue
            eng = t / per_second(r[("engine", p, t, "thrpt")])[0] * 1e6
            fire = t / per_second(r[("firingAlone", p, t, "thrpt")])[0] * 1e6
            print(f"| {p} | {t} | {eng:.1f} | {fire:.1f} | {eng / fire:.2f} | {goals[p]} |")
    print()
    print("| patient | engine bytes allocated per evaluation | hand-coded bytes per evaluation |")
    print("|---|---|---|")
    for p in patients:
        print(f"| {p} | {allocation(r[('engine', p, 1, 'thrpt')]):,.0f} | {allocation(r[('handCoded', p, 1, 'thrpt')]):,.0f} |")

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    for p, color in zip(patients, ["tab:blue", "tab:orange"]):
        thr = [per_second(r[("engine", p, t, "thrpt")])[0] for t in threads]
        left.plot(threads, thr, "o-", color=color, label=f"{p} patient")
        for q, style in [("50.0", "o-"), ("99.0", "s--")]:
            right.plot(threads, [percentile(r[("engine", p, t, "sample")], q) for t in threads], style,
                       color=color, label=f"{p}, p{q[:-2]}")
    left.plot(threads, [50_000 * min(t, 2) for t in threads], ":", color="grey",
              label="target: 50,000/s per core (2 cores)")
    left.set(title="Throughput (one shared engine, explanations built)", xlabel="threads",
             ylabel="evaluations / s", xticks=threads)
    left.set_ylim(bottom=0)
    left.legend(fontsize=8)
    right.axhline(100, color="grey", linestyle=":", label="target: p99 < 100 µs")
    right.set(title="Latency per evaluation", xlabel="threads", ylabel="µs", xticks=threads)
    right.set_yscale("log")
    right.legend(fontsize=8)
    fig.suptitle("PhysioCDS engine, JMH 1.37, 2-core machine (threads > 2 oversubscribe it)", fontsize=10)
    fig.tight_layout()
    fig.savefig(png, dpi=110)
    print(f"\nwrote {png}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
