#!/usr/bin/env bash
# The daily digest at a real list's size: SUBSCRIBERS confirmed subscribers (10,000 unless said), the digest sent from
# the desk, every mail rendered, queued in the outbox and handed to a local SMTP server (a counting one in the benchmark's
# process, 127.0.0.1 only). Prints mails a second each tenth of the way with the server's resident memory, then the
# ceiling beside it: the same SMTP server fed by a bare Jakarta Mail loop. Bounded at 15 minutes.
#
#   bench/digest.sh [SUBSCRIBERS=10000] [MAILS_PER_SECOND=1000]
#
# Creates its own database (newsdesk_bench_digest) and starts Payara Micro on port 18080 (bench/serve.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
subscribers="${1:-10000}"; rate="${2:-1000}"
name=bench-digest; port="${NEWSDESK_BENCH_PORT:-18080}"; db="${NEWSDESK_BENCH_DB_NAME:-newsdesk_bench_digest}"
bench_smtp_port="${NEWSDESK_BENCH_SMTP_PORT:-18025}"
export NEWSDESK_NEWSLETTER_MAILS_PER_SECOND="$rate" NEWSDESK_INBOX_READER=false NEWSDESK_DRIFT_MONITOR=false
. bench/serve.sh
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" org.newsdesk.tools.DigestBenchmark \
  "$port" "$admin_password" "$payara" "$bench_smtp_port" "$subscribers" | tee target/bench-digest.txt
