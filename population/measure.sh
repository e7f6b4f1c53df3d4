#!/usr/bin/env bash
# batch, batch --compact and the Spark job (local[2]) on the same generated patients, one after the
# other, and the floor they are held to (Drools' firing alone per patient of the same file, one
# thread, CPU time): the numbers of docs/performance.md#population-on-spark. Build first:
#   ./mvnw -q -B -ntp package -DskipTests
# usage: population/measure.sh [COUNT] [WORKDIR]    (default 1000000 patients, in a temporary directory)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COUNT=${1:-1000000}
WORK=${2:-$(mktemp -d)}
CDS="$ROOT/examples/target/cds-examples.jar"
JOB="$ROOT/population/target/population.jar"
BENCH="$ROOT/benchmarks/target/benchmarks.jar"
CORES=2
cd "$WORK"
[ -f "patients-$COUNT.ndjson" ] || java -jar "$CDS" generate --count "$COUNT" --seed 42 > "patients-$COUNT.ndjson"
echo "input: $COUNT patients, $(du -h "patients-$COUNT.ndjson" | cut -f1); $(nproc) cores; $(uptime)"
secs() { echo "$2 - $1" | bc; }

s=$(date +%s.%N)
java -jar "$CDS" batch --threads $CORES "patients-$COUNT.ndjson" > batch.ndjson || true
e=$(date +%s.%N); BATCH=$(secs "$s" "$e")
echo "batch --threads $CORES: $BATCH s, $(du -h batch.ndjson | cut -f1) written"
rm -f batch.ndjson

s=$(date +%s.%N)
java -jar "$CDS" batch --threads $CORES --compact --rules rules.json "patients-$COUNT.ndjson" > compact.ndjson || true
e=$(date +%s.%N); COMPACT=$(secs "$s" "$e")
echo "batch --compact --threads $CORES: $COMPACT s, $(du -h compact.ndjson | cut -f1) written"
rm -f compact.ndjson rules.json

rm -rf tables
s=$(date +%s.%N)
java -Xmx3g -jar "$JOB" --input "patients-$COUNT.ndjson" --format ndjson --output tables --master "local[$CORES]" 2>/dev/null
e=$(date +%s.%N); SPARK=$(secs "$s" "$e")
echo "population local[$CORES]: $SPARK s (JVM and Spark start included), $(du -sh tables | cut -f1) written"
python3 -c "import json; print(json.load(open('tables/summary.json'))['timings'])"

# The floor: firing alone per patient of this file (the first FLOOR_SAMPLE, default 20,000; CPU time, one thread).
FLOOR=$(java -Xmx2g -cp "$BENCH" org.physiocds.bench.PopulationFiring "patients-$COUNT.ndjson" "${FLOOR_SAMPLE:-20000}" 2>/dev/null | tee floor.txt \
  | sed -n 's/^firing alone µs\/patient //p')
cat floor.txt
BOUND=$(echo "$COUNT * $FLOOR / 1000000 / $CORES" | bc -l)
printf "ratios: job / batch %.2f (goal 1.2); batch --compact / (patients x firing alone / %d cores = %.1f s) %.2f (goal 1.2)\n" \
  "$(echo "$SPARK / $BATCH" | bc -l)" "$CORES" "$BOUND" "$(echo "$COMPACT / $BOUND" | bc -l)"
echo "$(uptime)"
