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
port="${NEWSDESK_BENCH_PORT:-18080}"; db="${NEWSDESK_BENCH_DB_NAME:-newsdesk_bench}"
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -f target/newsdesk.war ] || [ ! -f target/payara-micro.jar ]; then
  mvn -B -q -DskipTests package dependency:copy@payara-micro-for-tests
fi
mvn -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt

as_root mariadb <<SQL
DROP DATABASE IF EXISTS \`$db\`;
CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'newsdesk_test'@'127.0.0.1' IDENTIFIED BY 'newsdesk_test';
GRANT ALL PRIVILEGES ON \`$db\`.* TO 'newsdesk_test'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
export NEWSDESK_DB_URL="jdbc:mysql://127.0.0.1:3306/$db?characterEncoding=UTF-8&allowPublicKeyRetrieval=true&sslMode=DISABLED"
export NEWSDESK_DB_USER=newsdesk_test NEWSDESK_DB_PASSWORD=newsdesk_test
export NEWSDESK_MEDIA_DIR="$PWD/target/bench-media" NEWSDESK_ADMIN_PASSWORD=bench-admin-password
export NEWSDESK_COMMENTS_RATE_LIMIT_COUNT=0 NEWSDESK_COMMENTS_MINIMUM_SECONDS=0
export NEWSDESK_SITE_URL="http://127.0.0.1:$port"
unset NEWSDESK_SMTP_HOST

java -Xmx512m -XX:+UseSerialGC -jar target/payara-micro.jar --deploy target/newsdesk.war --contextroot / \
  --port "$port" --nocluster --nohazelcast --rootdir target/bench-payara > target/bench-payara.log 2>&1 &
payara=$!
trap 'kill "$payara" 2>/dev/null || true; wait "$payara" 2>/dev/null || true' EXIT
slug=iraq-trying-to-reel-in-iran-backed-groups-to-prevent-confrontation-with-israel
for _ in $(seq 1 180); do
  curl -fs -o /dev/null "http://127.0.0.1:$port/post/$slug" && break
  kill -0 "$payara" 2>/dev/null || { echo "Payara Micro stopped; see target/bench-payara.log"; exit 1; }
  sleep 1
done
# Warm up (JIT, connection pool) before measuring.
java -cp "target/test-classes:$(cat target/test-classpath.txt)" org.newsdesk.tools.CommentBenchmark "$port" "$slug" 50 4 60 >/dev/null || true
java -cp "target/test-classes:$(cat target/test-classpath.txt)" org.newsdesk.tools.CommentBenchmark "$port" "$slug" "$count" "$concurrency" "$max_seconds"
