#!/usr/bin/env bash
# Takes every measurement docs/performance.md reports, from the project root, on a quiet machine:
#   ./mvnw -q -B -ntp clean package -DskipTests && benchmarks/measure.sh
# Writes docs/perf-data/ (JMH JSON per thread count, hyperfine JSON, batch timings) and the plot.
# QUICK=1 makes every step tiny, to check the script itself (its numbers mean nothing).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=docs/perf-data
BENCH=benchmarks/target/benchmarks.jar
CLI=examples/target/cds-examples.jar
PATIENT=examples/patients/demo-01.json
WORK=${WORK:-/tmp/physiocds-perf}
mkdir -p "$OUT" "$WORK"

if [[ "${QUICK:-0}" == 1 ]]; then
  JMH_OPTS=(-f 1 -wi 1 -w 1s -i 1 -r 1s); RUNS=3; BATCH=20000
else
  JMH_OPTS=(-f 1 -wi 3 -w 2s -i 4 -r 2s); RUNS=10; BATCH=1000000
fi

{
  echo "date: $(date -u +%FT%TZ)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
  echo "memory: $(free -g | awk '/Mem:/ {print $2 " GiB"}')"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "commit: $(git rev-parse --short HEAD)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt"

# 1. Throughput, latency percentiles and allocation per thread count: the engine, Drools' firing
#    alone (the 1.15x goal), the hand-coded baseline; the missing-data report on one thread only.
for t in 1 2 4; do
  if [[ $t == 1 ]]; then only=(EvaluationBenchmark); else only=('EvaluationBenchmark.(engine|engineDecisions|firingAlone|handCoded)$'); fi
  java -jar "$BENCH" "${only[@]}" -t "$t" "${JMH_OPTS[@]}" -prof gc \
      -rf json -rff "$OUT/jmh-t$t.json" | tee "$WORK/jmh-t$t.txt" | grep -E '^Benchmark|^EvaluationBenchmark' || true
done

# 1b. Against a reference build (BASE_JAR=path/to/an/older/benchmarks.jar): both in one JVM, slices
#     interleaved, CPU time, so that load that comes and goes weighs on both alike.
if [[ -n "${BASE_JAR:-}" ]]; then
  java -cp "$BENCH" org.physiocds.bench.InterleavedAB "$BASE_JAR" "$BENCH" \
      "$([[ "${QUICK:-0}" == 1 ]] && echo 4 || echo 40)" "$([[ "${QUICK:-0}" == 1 ]] && echo 1 || echo 10)" \
      2>/dev/null | tee "$OUT/interleaved-ab.txt"
fi

# 2. Cold start: JVM launch to printed advice (CLI) and to the first result through the API.
# examples/target/cds is the launcher the build packages: the jar with the class-data-sharing
# archive made at package time (examples/target/cds-examples.jsa) and, for evaluate, C1 only.
LAUNCHER=examples/target/cds
ARCHIVE=$(pwd -P)/examples/target/cds-examples.jsa
ARCHIVED_CLI=$(pwd -P)/$CLI   # the archive fits the jar by the absolute path it was made with
# -Xshare:on stops the JVM if the archive is missing or does not fit: never time a silent fallback.
java -Xshare:on -XX:SharedArchiveFile="$ARCHIVE" -jar "$ARCHIVED_CLI" --version > /dev/null
hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$OUT/cold-start.json" \
  -n "CLI evaluate (java -jar)" "java -jar $CLI evaluate $PATIENT" \
  -n "CLI evaluate, -XX:TieredStopAtLevel=1" "java -XX:TieredStopAtLevel=1 -jar $CLI evaluate $PATIENT" \
  -n "CLI evaluate, packaged AppCDS archive" "java -XX:SharedArchiveFile=$ARCHIVE -jar $ARCHIVED_CLI evaluate $PATIENT" \
  -n "CLI evaluate, launcher (archive + TieredStopAtLevel=1)" "$LAUNCHER evaluate $PATIENT" \
  -n "CLI evaluate --fhir (java -jar)" "java -jar $CLI evaluate --fhir examples/fhir/demo-01.json --as-of 2026-06-01" \
  -n "CLI evaluate --fhir, launcher" "$LAUNCHER evaluate --fhir examples/fhir/demo-01.json --as-of 2026-06-01" \
  -n "API first result (FirstResult)" "java -cp $BENCH org.physiocds.bench.FirstResult"
for i in 1 2 3; do java -cp "$BENCH" org.physiocds.bench.FirstResult 2>&1 >/dev/null; done | tee "$OUT/first-result-phases.txt"

# 3. Batch: seeded patients through every core, to /dev/null (the tool) and to a file (with the disk),
#    then the compact form to a file.
java -jar "$CLI" generate --count "$BATCH" --seed 42 > "$WORK/patients.ndjson"
{
  echo "patients: $BATCH ($(du -h "$WORK/patients.ndjson" | cut -f1) of input)"
  for target in /dev/null "$WORK/evaluations.ndjson"; do
    start=$(date +%s%N)
    java -jar "$CLI" batch "$WORK/patients.ndjson" > "$target"
    end=$(date +%s%N)
    echo "batch to $target: $(( (end - start) / 1000000 )) ms"
  done
  echo "output: $(du -h "$WORK/evaluations.ndjson" | cut -f1), $(wc -l < "$WORK/evaluations.ndjson") lines"
  rm -f "$WORK/evaluations.ndjson"
  # The compact form (decisions and rule ids per line, the rules once in a file beside them), to a file.
  start=$(date +%s%N)
  java -jar "$CLI" batch --compact --rules "$WORK/rules.json" "$WORK/patients.ndjson" > "$WORK/decisions.ndjson"
  end=$(date +%s%N)
  echo "batch --compact to $WORK/decisions.ndjson: $(( (end - start) / 1000000 )) ms"
  echo "output: $(du -h "$WORK/decisions.ndjson" | cut -f1), $(wc -l < "$WORK/decisions.ndjson") lines;" \
    "rules file: $(du -h "$WORK/rules.json" | cut -f1)"
} | tee "$OUT/batch.txt"
rm -f "$WORK/decisions.ndjson" "$WORK/rules.json"

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
# Keep the scores, percentiles and secondary metrics; drop JMH's raw samples (megabytes per file).
/usr/bin/python3 - "$OUT"/jmh-t*.json <<'PY'
import json, sys
for path in sys.argv[1:]:
    entries = json.load(open(path))
    for e in entries:
        for metric in [e["primaryMetric"], *e.get("secondaryMetrics", {}).values()]:
            metric.pop("rawData", None)
            metric.pop("rawDataHistogram", None)
    json.dump(entries, open(path, "w"), indent=1)
PY
/usr/bin/python3 benchmarks/plot.py "$OUT" docs/performance-threads.png
