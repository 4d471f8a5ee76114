#!/usr/bin/env bash
# Two Newsdesk instances on one database behind nginx, as docker/compose.cluster.yaml runs them, on this
# machine: both started by the run command, clustered over Payara's Hazelcast on 127.0.0.1, nginx on
# 127.0.0.1:$NEWSDESK_BENCH_PORT (8180) sending requests to each in turn, no proxy cache and no sticky sessions.
# Then org.newsdesk.tools.ClusterCheck works the desk through nginx for ROUNDS saves and times how soon
# each instance's public page shows each save. Prints where the desk's requests landed, failures (none
# expected) and the times; stops everything on exit. Bounded in rounds and time; 127.0.0.1 only.
#
#   bench/cluster.sh [ROUNDS=20]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-20}"
port="${NEWSDESK_BENCH_PORT:-8180}"
dir="$PWD/target/cluster-bench"
password="cluster-Desk-passphrase-2291"
db_port=3318
slug=iraq-trying-to-reel-in-iran-backed-groups-to-prevent-confrontation-with-israel

command -v nginx >/dev/null || { echo "nginx is needed (apt-get install nginx)" >&2; exit 2; }
pids=()
cleanup() {
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
rm -rf "$dir" && mkdir -p "$dir/media"

# Both instances: the same database (the first one's embedded MariaDB), photos, cluster name and members.
export NEWSDESK_CLUSTER_MEMBERS="127.0.0.1:5901,127.0.0.1:5902" NEWSDESK_CLUSTER_NAME="newsdesk-bench-$$"
export NEWSDESK_ADMIN_PASSWORD="$password" NEWSDESK_SITE_URL="http://127.0.0.1:$port" NEWSDESK_MEDIA_DIR="$dir/media"
export NEWSDESK_TRUSTED_PROXIES=127.0.0.1
start() { # name http-port grid-port [more variables]
  local name=$1 http=$2 grid=$3; shift 3
  env NEWSDESK_HOME="$dir/$name" NEWSDESK_PORT="$http" NEWSDESK_CLUSTER_PORT="$grid" "$@" bin/run > "$dir/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do
    grep -q "Newsdesk is ready" "$dir/$name.log" && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 1
  done
  echo "instance $name did not start; see $dir/$name.log" >&2; exit 1
}
echo "Starting instance a (with the embedded database) ..."
start a 8181 5901 NEWSDESK_EMBEDDED_DB_PORT=$db_port
echo "Starting instance b ..."
db_url="jdbc:mysql://127.0.0.1:$db_port/newsdesk?sslMode=DISABLED&characterEncoding=UTF-8"
db_password="$(tr -d '[:space:]' < "$dir/a/db-password")"
start b 8182 5902 NEWSDESK_DB_URL="$db_url" NEWSDESK_DB_USER=newsdesk NEWSDESK_DB_PASSWORD="$db_password"
grep -c "DataGrid: $NEWSDESK_CLUSTER_NAME " "$dir/b.log" | xargs -I{} echo "data grid members seen by b: {}"

cat > "$dir/nginx.conf" <<NGINX
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/nginx-body;
  proxy_temp_path $dir/nginx-proxy;
  upstream newsdesk { server 127.0.0.1:8181; server 127.0.0.1:8182; keepalive 16; }
  server {
    listen 127.0.0.1:$port;
    client_max_body_size 110m;
    location / {
      proxy_pass http://newsdesk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$remote_addr;
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
NGINX
nginx -c "$dir/nginx.conf"

./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
NEWSDESK_DB_URL="$db_url" NEWSDESK_DB_USER=newsdesk NEWSDESK_DB_PASSWORD="$db_password" timeout 600 \
  java -cp "target/test-classes:$(cat target/test-classpath.txt)" org.newsdesk.tools.ClusterCheck \
  "http://127.0.0.1:$port" "$password" "$rounds" "$slug" http://127.0.0.1:8181 http://127.0.0.1:8182
