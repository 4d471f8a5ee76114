#!/usr/bin/env bash
# Fuzzer: sends COUNT malformed or hostile requests (long values up to 1 MB, invalid and overlong UTF-8,
# control characters, RTL overrides, emoji, wrong types, missing and duplicated fields, tampered view state,
# wrong Content-Type, broken multipart, markup) to the public pages and forms and, signed in, to the desk's
# forms of a Newsdesk served on 127.0.0.1 (bench/fuzz.py does the sending). Prints requests sent, answers per
# status class, the 5xx answers (with the requests that caused the first few) and whether every comment the
# site acknowledged is in the database. Bounded in count and time; never talks to another host.
#
#   bench/fuzz.sh [COUNT=10000] [WORKERS=3] [MAX_SECONDS=1800] [SEED=1]     (10,000: about 8 minutes on two cores)
#
# Needs a built WAR and Payara Micro jar (built if missing, as bench/comments.sh does), python3 and the local
# MariaDB server bin/test uses. It creates a database of its own (newsdesk_fuzz, dropped and recreated), starts
# Payara Micro on port 18090 (log: target/fuzz-payara.log) with the comment rate limit, the minimum form time
# and the sign-in waits turned off by configuration and no SMTP host, and stops it afterwards.
# Exit status 0 only with no 5xx, every request answered and no acknowledged comment lost.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"; workers="${2:-3}"; max_seconds="${3:-1800}"; seed="${4:-1}"
name=fuzz; port="${NEWSDESK_FUZZ_PORT:-18090}"; db="${NEWSDESK_FUZZ_DB_NAME:-newsdesk_fuzz}"
. bench/serve.sh
started=$SECONDS
log_before=$(wc -c < "target/$name-payara.log")
set +e
timeout --kill-after=30 $((max_seconds + 300)) \
  python3 bench/fuzz.py "$base" "$slug" "$admin_password" "$db" "$count" "$workers" "$max_seconds" "$seed"
status=$?
set -e
written=$(tail -c +"$((log_before + 1))" "target/$name-payara.log" | tr -d '\000')
echo "fuzz run took $((SECONDS - started)) s; the server logged meanwhile $(printf '%s' "$written" | wc -c) bytes:" \
  "$(printf '%s\n' "$written" | grep -c '^\[' || true) records, $(printf '%s\n' "$written" | grep -c 'SEVERE' || true) SEVERE," \
  "$(printf '%s\n' "$written" | grep -cE '^\s+at |^\tat ' || true) stack-trace lines (target/$name-payara.log)"
exit $status
