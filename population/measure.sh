#!/usr/bin/env bash
# batch and the Spark job (local[2]) on the same generated patients, one after the other, on the same
# machine: the numbers of docs/performance.md#population-on-spark. Build first:
#   ./mvnw -q -B -ntp package -DskipTests
# usage: population/measure.sh [COUNT] [WORKDIR]    (default 1000000 patients, in a temporary directory)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COUNT=${1:-1000000}
WORK=${2:-$(mktemp -d)}
CDS="$ROOT/examples/target/cds-examples.jar"
JOB="$ROOT/population/target/population.jar"
cd "$WORK"
[ -f "patients-$COUNT.ndjson" ] || java -jar "$CDS" generate --count "$COUNT" --seed 42 > "patients-$COUNT.ndjson"
echo "input: $COUNT patients, $(du -h "patients-$COUNT.ndjson" | cut -f1); $(nproc) cores; $(uptime)"
s=$(date +%s.%N)
java -jar "$CDS" batch --threads 2 "patients-$COUNT.ndjson" > batch.ndjson || true
e=$(date +%s.%N)
echo "batch --threads 2: $(echo "$e - $s" | bc) s, $(du -h batch.ndjson | cut -f1) written"
rm -rf tables
s=$(date +%s.%N)
java -Xmx3g -jar "$JOB" --input "patients-$COUNT.ndjson" --format ndjson --output tables --master 'local[2]' 2>/dev/null
e=$(date +%s.%N)
echo "population local[2]: $(echo "$e - $s" | bc) s (JVM and Spark start included), $(du -sh tables | cut -f1) written"
python3 -c "import json; print(json.load(open('tables/summary.json'))['timings'])"
echo "$(uptime)"
