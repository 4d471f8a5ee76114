#!/usr/bin/env bash
# The source inbox at scale: FEEDS feeds served by a local feed farm (articles that repeat across outlets, so that
# stories form), read by Newsdesk's feed reader round after round until the inbox holds about STORED articles.
# Prints articles read a second and the server's memory per round, then the inbox page's time at that size (signed
# in; unfiltered, by words, unread only, one outlet). Bounded: at most 15 minutes a round; talks to 127.0.0.1 only.
#
#   bench/inbox.sh [FEEDS=500] [ITEMS=40] [STORED=100000]
#
# 500 feeds of 40 articles is 20,000 articles a round: a day of a busy desk's feeds (issue 27), read in one go.
# Creates its own database (newsdesk_bench_inbox), starts Payara Micro on port 18080 with the scheduled reading
# off (each round is started as an editor starts it, "Read all due now") and no wait between requests to the
# farm's one host (real feeds are on many hosts, each paced on its own).
set -euo pipefail
cd "$(dirname "$0")/.."
feeds="${1:-500}"; items="${2:-40}"; stored="${3:-100000}"
name=bench-inbox; port="${NEWSDESK_BENCH_PORT:-18080}"; db="${NEWSDESK_BENCH_DB_NAME:-newsdesk_bench_inbox}"
export NEWSDESK_SOURCE_ALLOW_HOSTS='127.0.0.1:*' NEWSDESK_INBOX_READER=false NEWSDESK_INBOX_HOST_INTERVAL_SECONDS=0
export NEWSDESK_INBOX_FEEDS_PER_RUN=100000 NEWSDESK_INBOX_RUN_SECONDS=900 NEWSDESK_DRIFT_MONITOR=false
. bench/serve.sh
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java -cp "target/test-classes:$(cat target/test-classpath.txt)" org.newsdesk.tools.InboxBenchmark \
  "$port" "$admin_password" "$payara" "$feeds" "$items" "$stored" | tee target/bench-inbox.txt
