# Sourced by bench/comments.sh, bench/scan.sh and bench/fuzz.sh (not run by itself): builds the WAR if missing, recreates the
# database $db on the local MariaDB (127.0.0.1:3306, user newsdesk_test), starts Payara Micro on 127.0.0.1:$port
# with the log in target/$name-payara.log (the run command's and the Docker image's logging settings), waits until the demo post answers, and stops Payara on exit.
# Expects: name, port, db; embedded_db=1 for the run command's embedded MariaDB instead (bench/read.sh).
# Sets: base, slug, payara (the server's process id), payara_start_seconds (launched to the demo post's first answer), database_pid, admin_password; sql (statements on stdin), cpu_ticks PID, machine_ticks.
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
case "$db" in newsdesk_test|newsdesk) echo "refusing to recreate the shared database $db" >&2; exit 2;; esac

if [ ! -f target/newsdesk.war ] || [ ! -f target/payara-micro.jar ]; then
  ./mvnw -B -q -DskipTests package dependency:copy@payara-micro-for-tests
fi

# (Never "kill 0": without an embedded database that would signal this script's whole process group.)
stop_database() { [ -z "${embedded_database:-}" ] || { kill "$embedded_database" 2>/dev/null || true; wait "$embedded_database" 2>/dev/null || true; }; }
if [ "${embedded_db:-0}" = 1 ]; then
  # The run command's embedded MariaDB, sized as bin/run sizes it (org.newsdesk.launcher.EmbeddedDatabase), on
  # port+2 with its data in target/$name-db (bench/read.sh measures its memory). sql runs statements on it.
  db_port=$((port + 2))
  rm -rf "target/$name-db"
  ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
  NEWSDESK_HOME="$PWD/target/$name-db" NEWSDESK_EMBEDDED_DB_PORT=$db_port \
    java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" org.newsdesk.launcher.Newsdesk database \
    > "target/$name-db.log" 2>&1 &
  embedded_database=$!
  for _ in $(seq 1 120); do grep -q "Embedded MariaDB listening" "target/$name-db.log" && break; sleep 1; done
  database_pid=$(pgrep -f "mariadbd.*--port=$db_port" | head -1 || echo 0)
  export NEWSDESK_DB_URL="jdbc:mysql://127.0.0.1:$db_port/newsdesk?characterEncoding=UTF-8&sslMode=DISABLED"
  export NEWSDESK_DB_USER=newsdesk NEWSDESK_DB_PASSWORD="$(tr -d '[:space:]' < "target/$name-db/db-password")"
  sql() { MYSQL_PWD="$NEWSDESK_DB_PASSWORD" mariadb -h 127.0.0.1 -P "$db_port" -u newsdesk newsdesk; }
else
  as_root mariadb <<SQL
DROP DATABASE IF EXISTS \`$db\`;
CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'newsdesk_test'@'127.0.0.1' IDENTIFIED BY 'newsdesk_test';
GRANT ALL PRIVILEGES ON \`$db\`.* TO 'newsdesk_test'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
  database_pid=$(pgrep -o -x mariadbd || pgrep -o -x mysqld || echo 0)
  export NEWSDESK_DB_URL="jdbc:mysql://127.0.0.1:3306/$db?characterEncoding=UTF-8&allowPublicKeyRetrieval=true&sslMode=DISABLED"
  export NEWSDESK_DB_USER=newsdesk_test NEWSDESK_DB_PASSWORD=newsdesk_test
  sql() { as_root mariadb "$db"; }
fi
admin_password="scan-Desk-passphrase-4471"
export NEWSDESK_SITE_URL="http://127.0.0.1:$port"
export NEWSDESK_MEDIA_DIR="$PWD/target/$name-media" NEWSDESK_ADMIN_PASSWORD="$admin_password"
# Thousands of hostile requests come from one address: no comment rate limit or minimum form time, and no
# growing sign-in waits or account lock (they would only slow the run down, or lock the admin out of it).
export NEWSDESK_COMMENTS_RATE_LIMIT_COUNT=0 NEWSDESK_COMMENTS_MINIMUM_SECONDS=0
export NEWSDESK_LOGIN_ADDRESS_FREE_FAILURES=1000 NEWSDESK_LOGIN_ACCOUNT_FREE_FAILURES=1000
export NEWSDESK_LOGIN_MAX_FAILURES=100000
# No mail leaves, unless the benchmark has its own SMTP server on 127.0.0.1 (bench_smtp_port, bench/digest.sh).
if [ -n "${bench_smtp_port:-}" ]; then
  export NEWSDESK_SMTP_HOST=127.0.0.1 NEWSDESK_SMTP_PORT="$bench_smtp_port"
else
  unset NEWSDESK_SMTP_HOST
fi

rm -rf "target/$name-media"
base="http://127.0.0.1:$port"
slug=iraq-trying-to-reel-in-iran-backed-groups-to-prevent-confrontation-with-israel
# Starts (or, after stop_payara, starts again) Payara Micro on the same database; waits for the demo post.
#   start_payara [WAR [JVM OPTION ...]]   (Newsdesk's WAR unless another is named; bench/read.sh's bare servlet)
start_payara() {
  local launched=$SECONDS war="${1:-target/newsdesk.war}"
  shift $(($# > 0 ? 1 : 0))
  rm -rf "target/$name-payara"
  mapfile -t jvm_options < <(grep -v '^\s*#' src/main/payara/jvm.options | sed '/^\s*$/d')
  java "${jvm_options[@]}" "$@" -jar target/payara-micro.jar --deploy "$war" --contextroot / \
    --port "$port" --nohazelcast --prebootcommandfile src/main/payara/one-instance.preboot --rootdir "target/$name-payara" \
    --logproperties src/main/payara/logging.properties >> "target/$name-payara.log" 2>&1 &
  payara=$!
  for _ in $(seq 1 240); do
    curl -fs -o /dev/null "$base/post/$slug" && break
    kill -0 "$payara" 2>/dev/null || { echo "Payara Micro stopped; see target/$name-payara.log"; exit 1; }
    ! grep -q 'Exception while loading the app' "target/$name-payara.log" || { echo "Newsdesk failed to deploy; see target/$name-payara.log"; exit 1; }
    sleep 1
  done
  curl -fs -o /dev/null "$base/post/$slug" || { echo "Payara Micro did not answer in 240 s; see target/$name-payara.log"; exit 1; }
  payara_start_seconds=$((SECONDS - launched))
}
# CPU time a process has used so far, in hundredths of a second: "all" threads, then its JIT compiler threads.
cpu_ticks() {
  local all=0 jit=0 task ticks
  for task in /proc/"$1"/task/*; do
    ticks=$(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0)
    all=$((all + ticks))
    case "$(cat "$task/comm" 2>/dev/null)" in C1\ Compiler*|C2\ Compiler*) jit=$((jit + ticks));; esac
  done
  echo "$all $jit"
}
# CPU time the whole machine has used so far (user, nice, system, interrupts), in hundredths of a second.
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
stop_payara() { [ -z "${payara:-}" ] || { kill "$payara" 2>/dev/null || true; wait "$payara" 2>/dev/null || true; }; }
trap 'stop_payara; stop_database' EXIT
: > "target/$name-payara.log"
start_payara
