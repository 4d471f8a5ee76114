#!/usr/bin/env bash
# Comment intake benchmark: posts COUNT comments from distinct fake readers to a Newsdesk served on
# 127.0.0.1, prints accepted comments per second and POST latency (p50/p90/p99), then checks that every
# acknowledged comment is in the database. Two rounds: as comments.js sends a comment (to the post page, asking for JSON,
# answered in JSON), then as the form goes without JavaScript (a Faces POST to the post page). Bounded in
# count and time; never talks to another host.
#
#   bench/comments.sh [COUNT=500] [CONCURRENCY=8] [MAX_SECONDS=120]
#
# Needs a built WAR and Payara Micro jar (mvn -DskipTests package dependency:copy@payara-micro-for-tests,
# which this script runs if they are missing) and the local MariaDB server bin/test uses. It creates a
# database of its own (newsdesk_bench, dropped and recreated), starts Payara Micro on port 18080 with the
# rate limit and minimum form time turned off by configuration and no SMTP host, and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-500}"; concurrency="${2:-8}"; max_seconds="${3:-120}"
name=bench; port="${NEWSDESK_BENCH_PORT:-18080}"; db="${NEWSDESK_BENCH_DB_NAME:-newsdesk_bench}"
# The shared start-up: database, Payara Micro, throttles off, stopped on exit.
. bench/serve.sh
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
# Warm up (the JIT compiler, the connection pool) before measuring: a server that has taken a few hundred comments.
cp="target/test-classes:$(cat target/test-classpath.txt)"
java -cp "$cp" org.newsdesk.tools.CommentBenchmark "$port" "$slug" 600 8 60 script >/dev/null || true
java -cp "$cp" org.newsdesk.tools.CommentBenchmark "$port" "$slug" 300 8 60 form >/dev/null || true
# Where the time goes: CPU used by the server (and its JIT compiler), the database and everything else (the
# benchmark's own readers) during each measured round, per comment accepted.
status=0
for way in script form; do
  read -r server0 jit0 < <(cpu_ticks "$payara"); read -r db0 _ < <(cpu_ticks "$database_pid")
  machine0=$(machine_ticks)
  java -cp "$cp" org.newsdesk.tools.CommentBenchmark "$port" "$slug" "$count" "$concurrency" "$max_seconds" "$way" \
    | tee "target/bench-comments-$way.txt" || status=1
  read -r server1 jit1 < <(cpu_ticks "$payara"); read -r db1 _ < <(cpu_ticks "$database_pid")
  machine1=$(machine_ticks)
  accepted=$(sed -n 's/^accepted \([0-9]*\) .*/\1/p' "target/bench-comments-$way.txt"); accepted=${accepted:-0}
  if [ "$accepted" -gt 0 ]; then
    awk -v s=$((server1 - server0)) -v j=$((jit1 - jit0)) -v d=$((db1 - db0)) -v m=$((machine1 - machine0)) -v n="$accepted" 'BEGIN {
      printf "CPU per comment accepted: server %.1f ms (of which its JIT compiler %.1f ms), database %.1f ms, the rest (the benchmark'"'"'s readers) %.1f ms\n",
        s * 10 / n, j * 10 / n, d * 10 / n, (m - s - d) * 10 / n }'
  fi
  echo
done
exit $status
