#!/usr/bin/env bash
# Comment intake benchmark: posts COUNT comments from distinct fake readers to a Newsdesk served on
# 127.0.0.1, prints accepted comments per second and POST latency (p50/p90/p99), then checks that every
# acknowledged comment is in the database. Bounded in count and time; never talks to another host.
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
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
# Warm up (JIT, connection pool) before measuring.
java -cp "target/test-classes:$(cat target/test-classpath.txt)" org.newsdesk.tools.CommentBenchmark "$port" "$slug" 50 4 60 >/dev/null || true
java -cp "target/test-classes:$(cat target/test-classpath.txt)" org.newsdesk.tools.CommentBenchmark "$port" "$slug" "$count" "$concurrency" "$max_seconds"
