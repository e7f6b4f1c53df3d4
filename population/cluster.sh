#!/usr/bin/env bash
# The population job on a Spark standalone cluster, step by step: the recipe for your own cluster,
# and the measurement of 1 worker against 2 (docs/performance.md#population-on-spark).
#
#   ./mvnw -q -B -ntp package -DskipTests          # population/target/population.jar and lib/
#   population/cluster.sh INPUT [WORKERS] [OUTPUT]  # default 2 workers; output in a temporary directory
#   population/cluster.sh --generate 100000 1       # generate 100,000 patients first (seed 42)
#
# On this machine the "Spark installation" is the job's own lib/ (Spark and the job's libraries);
# on your cluster it is $SPARK_HOME, and steps 1 and 2 are $SPARK_HOME/sbin/start-master.sh and
# $SPARK_HOME/sbin/start-worker.sh spark://HOST:7077, step 4 their stop-*.sh. Everything here
# listens on 127.0.0.1 only and is stopped when the script ends, however it ends.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JOB="$ROOT/population/target/population.jar"
LIB="$ROOT/population/target/lib"
CDS="$ROOT/examples/target/cds-examples.jar"
if [[ "${1:-}" == --generate ]]; then
  COUNT=$2; shift 2
  INPUT=${TMPDIR:-/tmp}/patients-$COUNT.ndjson
  [ -f "$INPUT" ] || java -jar "$CDS" generate --count "$COUNT" --seed 42 > "$INPUT"
else
  INPUT=${1:?usage: cluster.sh INPUT [WORKERS] [OUTPUT]}; shift
fi
WORKERS=${1:-2}
OUTPUT=${2:-$(mktemp -d)/tables}
WORK=$(mktemp -d)
CORES_PER_WORKER=1
MEMORY_PER_WORKER=${MEMORY_PER_WORKER:-2g}
# What Spark opens on Java 17 (Spark's own scripts pass the same list; population.jar's manifest too).
OPENS=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do OPENS="$OPENS --add-opens=java.base/$p=ALL-UNNAMED"; done
# Loopback only; the Scala version, as a Spark distribution's scripts set it for the workers.
export SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_HOSTNAME=127.0.0.1 SPARK_SCALA_VERSION=2.13

# 0. A Spark installation: jars/ holds Spark (here: lib/ without the project's own jars, which
#    travel with the job in step 3, as they would to any cluster).
export SPARK_HOME="$WORK/spark-home"
mkdir -p "$SPARK_HOME/jars"
for jar in "$LIB"/*.jar; do
  case "$(basename "$jar")" in rules-core-*|rules-kb-*|fhir-*) ;; *) ln -s "$jar" "$SPARK_HOME/jars/" ;; esac
done
OURS=$(ls "$LIB"/rules-core-*.jar "$LIB"/rules-kb-*.jar "$LIB"/fhir-*.jar | paste -sd, -)

PIDS=()
stop() { # 4. Stop the workers (and the executors they started) and the master.
  for pid in "${PIDS[@]}"; do pkill -KILL -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap stop EXIT

daemon() { # java -cp $SPARK_HOME/jars/* CLASS ARGS..., its log in $WORK
  local name=$1; shift
  java -Xmx256m -cp "$SPARK_HOME/jars/*" $OPENS "$@" > "$WORK/$name.log" 2>&1 &
  PIDS+=($!)
}

# 1. The master: the cluster's address, spark://127.0.0.1:7077 (its status page on :8080).
daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 7077 --webui-port 8080
# 2. The workers, each offering one core and some memory to the master.
for w in $(seq 1 "$WORKERS"); do
  daemon "worker-$w" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$CORES_PER_WORKER" \
    --memory "$MEMORY_PER_WORKER" --webui-port $((8080 + w)) --work-dir "$WORK/work-$w" spark://127.0.0.1:7077
done
for _ in $(seq 1 120); do
  alive=$( (curl -s http://127.0.0.1:8080/json/ || true) | tr -d ' \n' | sed -n 's/.*"aliveworkers":\([0-9]*\).*/\1/p')
  [[ "${alive:-0}" == "$WORKERS" ]] && break
  sleep 1
done
echo "cluster: $WORKERS worker(s) of $CORES_PER_WORKER core, $MEMORY_PER_WORKER; $(nproc) cores; $(uptime)"

# 3. Submit the job: the same jar and arguments as embedded, another --master. With a Spark
#    distribution: $SPARK_HOME/bin/spark-submit --master spark://HOST:7077 ... (the README).
start=$(date +%s.%N)
java -Xmx1g -cp "$SPARK_HOME/jars/*" $OPENS org.apache.spark.deploy.SparkSubmit \
  --master spark://127.0.0.1:7077 --deploy-mode client \
  --class org.physiocds.population.PopulationJob --jars "$OURS" \
  --executor-memory "$MEMORY_PER_WORKER" --total-executor-cores $((WORKERS * CORES_PER_WORKER)) \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 --conf spark.ui.enabled=false \
  "$JOB" --input "$INPUT" --format ndjson --output "$OUTPUT" --partitions $((WORKERS * CORES_PER_WORKER * 4)) \
  2> "$WORK/submit.log" || { tail -30 "$WORK/submit.log"; exit 1; }
end=$(date +%s.%N)
echo "job on $WORKERS worker(s): $(echo "$end - $start" | bc) s (driver start included), tables in $OUTPUT"
python3 -c "import json; print(json.load(open('$OUTPUT/summary.json'))['timings'])"
