#!/usr/bin/env bash
# Read benchmark: the public pages as readers load them, side by side with nginx serving the same bytes.
#
#   bench/read.sh [SECONDS=10] [CONNECTIONS=32]
#
# Starts Newsdesk on its own database (bench/serve.sh: the run command's embedded MariaDB on port 18095, Payara on 18093) and fills it: 200 more
# published posts (so the front page has pages), one post with 20 approved comments and one with 500 (every
# fifth a reply; 50 threads a page, so eight pages). Saves each measured page's bytes, serves those copies with
# nginx on 127.0.0.1:18094, and runs wrk on both, and on nginx with docker/nginx.conf's proxy cache in front of the
# app (127.0.0.1:18097, the production shape), interleaved (app, nginx, proxy, next page ...), in two rounds with
# the page cache on, then times how soon a change shows through the proxy (org.newsdesk.tools.ProxyChangeCheck); then restarts the server with the cache off (NEWSDESK_PAGE_CACHE_MB=0) and measures the
# app alone once more; and between the two, Payara Micro with nothing but a servlet answering the 20-comment
# page's bytes from memory (bench/BarePage.java), the ceiling for any application on it. Prints one table: bytes, requests a second, p50 and p99, and app ÷ nginx; then the
# server's start time and the peak resident memory of the server and the database while wrk ran, and where the
# request threads' time went on a cache hit and on the bare servlet (JFR, by layer: bench/jfr_layers.py). Writes the
# table to target/read-bench.txt and a chart of it to target/read-bench.svg. Bounded: every wrk run lasts
# SECONDS. Needs wrk and nginx (installed from apt when missing), python3 and the local MariaDB bin/test uses.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"; connections="${2:-32}"
name=read; port="${NEWSDESK_READ_PORT:-18093}"; db="${NEWSDESK_READ_DB_NAME:-newsdesk_read}"
static_port=$((port + 1))
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
for tool in wrk nginx; do
  command -v "$tool" >/dev/null 2>&1 || command -v "/usr/sbin/$tool" >/dev/null 2>&1 \
    || { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq wrk nginx >/dev/null; }
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

# On the run command's embedded database, whose memory is part of the figure.
embedded_db=1
. bench/serve.sh
start_seconds=$payara_start_seconds

# Content, straight into the database: copies of the demo post, and approved comments.
sql <<'SQL'
SET @demo = (SELECT MIN(id) FROM post);
INSERT INTO post (slug, headline, section_id, status, author_id, created_at, updated_at, published_at, comments_open, version)
  SELECT CONCAT('bench-post-', seq), CONCAT('Bench post ', seq, ': militias, ministers and the border'), section_id, 'PUBLISHED',
         author_id, NOW(), NOW(), NOW() - INTERVAL seq + 2 MINUTE, TRUE, 0
  FROM seq_1_to_200 JOIN post ON post.id = @demo;
INSERT INTO post (slug, headline, section_id, status, author_id, created_at, updated_at, published_at, comments_open, version)
  SELECT pages.slug, pages.headline, section_id, 'PUBLISHED', author_id, NOW(), NOW(), NOW() - INTERVAL 1 MINUTE, TRUE, 0
  FROM (SELECT 'bench-20-comments' AS slug, 'Twenty readers weigh in on the militias' AS headline
        UNION ALL SELECT 'bench-500-comments', 'Five hundred readers weigh in on the militias') pages
  JOIN post ON post.id = @demo;
INSERT INTO post_tag (post_id, tag_id)
  SELECT p.id, t.tag_id FROM post p JOIN post_tag t ON t.post_id = @demo WHERE p.slug LIKE 'bench-%';
INSERT INTO excerpt (post_id, position, outlet_id, article_url, original_published_on, dek, body, photo_id, caption, credit_line)
  SELECT p.id, e.position, e.outlet_id, e.article_url, e.original_published_on, e.dek, e.body, e.photo_id, e.caption, e.credit_line
  FROM post p JOIN excerpt e ON e.post_id = @demo WHERE p.slug LIKE 'bench-%';
INSERT INTO related_link (excerpt_id, position, title, url)
  SELECT copy.id, r.position, r.title, r.url
  FROM excerpt copy JOIN post p ON p.id = copy.post_id AND p.slug LIKE 'bench-%'
  JOIN excerpt e ON e.post_id = @demo AND e.position = copy.position JOIN related_link r ON r.excerpt_id = e.id;
INSERT INTO comment (post_id, author_name, author_email, body, status, depth, created_at)
  SELECT p.id, CONCAT('Reader ', seq), CONCAT('reader-', seq, '@example.org'),
         CONCAT('Comment ', seq, ': the round-up quotes both sides fairly. The Times of Israel piece and the AP photo',
                ' caption disagree on the date of the strike; which one is right? Either way the militias have not',
                ' stopped, and Baghdad knows it.'),
         'APPROVED', 0, NOW() - INTERVAL (600 - seq) MINUTE
  FROM post p JOIN seq_1_to_500 ON (p.slug = 'bench-500-comments' OR (p.slug = 'bench-20-comments' AND seq <= 20))
  WHERE p.slug IN ('bench-20-comments', 'bench-500-comments');
UPDATE comment c JOIN post p ON p.id = c.post_id AND p.slug LIKE 'bench-%'
  SET c.parent_id = c.id - 1, c.thread_id = c.id - 1, c.depth = 1 WHERE MOD(c.id, 5) = 0;
-- The counts the application keeps (CommentCounts.RECOUNT), for the posts written here past it.
INSERT INTO comment_count (post_id, shown, threads)
  SELECT post_id, COUNT(*), SUM(parent_id IS NULL) FROM comment c JOIN post p ON p.id = c.post_id AND p.slug LIKE 'bench-%'
  WHERE c.status = 'APPROVED' GROUP BY post_id
  ON DUPLICATE KEY UPDATE shown = VALUES(shown), threads = VALUES(threads);
SQL

# Content written past the application: its page cache must forget what it rendered before.
stop_payara; start_payara

pages=("front:/" "front-page-2:/?page=2" "post-20-comments:/post/bench-20-comments" "post-500-comments:/post/bench-500-comments"
       "post-500-page-5:/post/bench-500-comments?page=5")
static="$PWD/target/read-static"
rm -rf "$static" && mkdir -p "$static/logs"
locations=""
for entry in "${pages[@]}"; do
  page="${entry%%:*}"; path="${entry#*:}"
  curl -fsS -o "$static/$page.html" "$base$path"
  # The gzipped copy the app sends browsers, byte for byte, for nginx's gzip_static.
  curl -fsS -H 'Accept-Encoding: gzip' -o "$static/$page.html.gz" "$base$path"
  locations+="    location = ${path%%\?*} { try_files /$page.html =404; }"$'\n'
done
# The front page's second page differs by its query only: nginx picks the copy by the argument.
cat > "$static/nginx.conf" <<CONF
worker_processes auto;
pid $static/nginx.pid;
error_log $static/logs/error.log warn;
user root;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  gzip_static on;
  server {
    listen 127.0.0.1:$static_port;
    root $static;
    location = / { if (\$arg_page = "2") { rewrite ^ /front-page-2.html last; } try_files /front.html =404; }
    location = /post/bench-500-comments { if (\$arg_page = "5") { rewrite ^ /post-500-page-5.html last; }
      try_files /post-500-comments.html =404; }
$(printf '%s' "$locations" | grep -v 'location = / ' | grep -v 'location = /post/bench-500-comments ')
  }
}
CONF
"$nginx_bin" -p "$static" -c "$static/nginx.conf"
stop_all() { "$nginx_bin" -p "$static" -c "$static/nginx.conf" -s stop 2>/dev/null || true; { [ -z "${sampler:-}" ] || kill "$sampler" 2>/dev/null || true; }; stop_payara; stop_database; }
trap stop_all EXIT
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$static_port/" && break; sleep 0.1; done

# The production shape: nginx with docker/nginx.conf (its proxy cache, as deployed) in front of the app, the
# upstream pointed at it; measured beside the app and nginx's static copies.
proxy_port=$((port + 4))
proxy="$PWD/target/read-proxy"
rm -rf "$proxy" && mkdir -p "$proxy/logs" "$proxy/cache"
{
  echo "pid $proxy/nginx.pid;"
  echo "error_log $proxy/logs/error.log warn;"
  echo "user root;"
  sed -e "s|include /etc/nginx/newsdesk-upstream.conf;|upstream newsdesk { server 127.0.0.1:$port; keepalive 32; }\
  client_body_temp_path $proxy/body; proxy_temp_path $proxy/temp; access_log off;|" \
      -e "s|listen 80;|listen 127.0.0.1:$proxy_port;|" \
      -e "s|/var/cache/nginx/newsdesk|$proxy/cache|" docker/nginx.conf
} > "$proxy/nginx.conf"
"$nginx_bin" -p "$proxy" -c "$proxy/nginx.conf"
stop_all() { "$nginx_bin" -p "$static" -c "$static/nginx.conf" -s stop 2>/dev/null || true
  "$nginx_bin" -p "$proxy" -c "$proxy/nginx.conf" -s stop 2>/dev/null || true
  { [ -z "${sampler:-}" ] || kill "$sampler" 2>/dev/null || true; }; stop_payara; stop_database; }
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$proxy_port/" && break; sleep 0.1; done
for entry in "${pages[@]}"; do
  page="${entry%%:*}"; path="${entry#*:}"
  cmp -s <(curl -fsS "http://127.0.0.1:$static_port$path") "$static/$page.html" \
    || { echo "nginx does not serve the saved copy of $path" >&2; exit 1; }
done

# Peak resident memory of the server and the database, sampled every second while wrk runs, into FILE as
# "server database" (kB), until the server stops.
sample_memory() { # FILE
  ( peak_app=0; peak_db=0
    while kill -0 "$payara" 2>/dev/null; do
      a=$(ps -o rss= -p "$payara" 2>/dev/null | tr -d ' ' || echo 0); d=$(ps -o rss= -p "$database_pid" 2>/dev/null | tr -d ' ' || echo 0)
      [ "${a:-0}" -gt "$peak_app" ] && peak_app=$a; [ "${d:-0}" -gt "$peak_db" ] && peak_db=$d
      echo "$peak_app $peak_db" > "$1"; sleep 1
    done ) &
  sampler=$!
}
sample_memory "$static/peak-memory"

measure() { # url [wrk options] -> "requests/s p50 p99 non-2xx" (latencies in ms)
  local url="$1"; shift
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$@" "$url" | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(v, unit):
    return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
lat = dict((p, ms(v, u)) for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print("%s %.1f %.1f %s" % (rps, lat.get("50", 0), lat.get("99", 0), errors.group(1) if errors else 0))'
}

table="$PWD/target/read-bench.txt"
: > "$table"
row() { # round page cache app_rps app_p50 app_p99 [ngx_rps ngx_p50 ngx_p99]
  local ratio="-"
  [ -n "${7:-}" ] && ratio=$(python3 -c "print('%.1f%%' % (100 * $4 / $7))")
  local file="$static/$2.html"; [ "$1" = gz ] && file="$file.gz"
  printf '%-5s %-18s %-5s %8s | %9s %8s %8s | %9s %8s %8s | %9s\n' "$1" "$2" "$3" "$(stat -c %s "$file")" \
    "$4" "$5" "$6" "${7:--}" "${8:--}" "${9:--}" "$ratio" | tee -a "$table"
}
echo
echo "Read benchmark: wrk -t2 -c$connections -d${duration}s; app on :$port, nginx on :$static_port serving the same bytes"
printf '%-5s %-18s %-5s %8s | %9s %8s %8s | %9s %8s %8s | %9s\n' round page cache bytes "app req/s" "p50 ms" "p99 ms" \
  "nginx r/s" "p50 ms" "p99 ms" "app÷nginx" | tee -a "$table"
# Warm-up, not measured: the server's JIT compiles the hot paths in the first seconds of load.
for entry in "${pages[@]}"; do
  wrk -t2 -c"$connections" -d5s "$base${entry#*:}" > /dev/null
done
declare -A nginx_rps
for round in 1 2; do
  for entry in "${pages[@]}"; do
    page="${entry%%:*}"; path="${entry#*:}"
    read -r app_rps app_p50 app_p99 app_bad < <(measure "$base$path")
    read -r ngx_rps ngx_p50 ngx_p99 _ < <(measure "http://127.0.0.1:$static_port$path")
    read -r px_rps px_p50 px_p99 px_bad < <(measure "http://127.0.0.1:$proxy_port$path")
    [ "$app_bad" = 0 ] || echo "  ($app_bad answers from the app were not 2xx/3xx)"
    [ "$px_bad" = 0 ] || echo "  ($px_bad answers through the proxy were not 2xx/3xx)"
    nginx_rps[$page]="$ngx_rps"
    row "$round" "$page" on "$app_rps" "$app_p50" "$app_p99" "$ngx_rps" "$ngx_p50" "$ngx_p99"
    row "$round" "$page" proxy "$px_rps" "$px_p50" "$px_p99" "$ngx_rps" "$ngx_p50" "$ngx_p99"
  done
done
# What browsers get: both send the same gzipped bytes (the app's copy made once, nginx's gzip_static).
for entry in "${pages[@]}"; do
  page="${entry%%:*}"; path="${entry#*:}"
  read -r app_rps app_p50 app_p99 app_bad < <(measure "$base$path" -H 'Accept-Encoding: gzip')
  read -r ngx_rps ngx_p50 ngx_p99 _ < <(measure "http://127.0.0.1:$static_port$path" -H 'Accept-Encoding: gzip')
  row gz "$page" on "$app_rps" "$app_p50" "$app_p99" "$ngx_rps" "$ngx_p50" "$ngx_p99"
done
read -r peak_app peak_db < "$static/peak-memory"

# How soon a change shows through the proxy (a saved headline, an approved comment), and whether a reader sees
# their own comment at once: org.newsdesk.tools.ProxyChangeCheck, 3 rounds.
change_line=$(timeout 600 java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
  org.newsdesk.tools.ProxyChangeCheck "http://127.0.0.1:$proxy_port" "$admin_password" bench-20-comments 3 \
  "${NEWSDESK_PAGE_MAX_AGE_SECONDS:-10}" 2>/dev/null | tail -1 || true)

# Where the processor time of a cache hit goes, by layer (bench/jfr_layers.py): a JFR recording of the request
# threads while wrk loads the 20-comment post, here and on the bare servlet below.
profile_hit() { # label title
  jcmd "$payara" JFR.start name=hit settings=profile filename="$PWD/target/read-$1.jfr" > /dev/null
  wrk -t2 -c"$connections" -d"${duration}s" "$base/post/bench-20-comments" > /dev/null
  jcmd "$payara" JFR.stop name=hit > /dev/null
  python3 bench/jfr_layers.py "$PWD/target/read-$1.jfr" "$2" >> "$static/profiles.txt"
}
: > "$static/profiles.txt"
profile_hit newsdesk-hit "Newsdesk, cache hits of the 20-comment post"

# The ceiling: Payara Micro itself, with an application of one servlet answering the 20-comment post's bytes
# from memory (bench/BarePage.java), on the same port. What Newsdesk's cache hits are short of nginx's, and
# what of that is the server's own cost, not Newsdesk's.
stop_payara
bare="$PWD/target/read-bare"
rm -rf "$bare" && mkdir -p "$bare/WEB-INF/classes"
javac -d "$bare/WEB-INF/classes" -cp "$(cat target/test-classpath.txt)" bench/BarePage.java
(cd "$bare" && jar cf ../read-bare.war WEB-INF)
start_payara target/read-bare.war -Dbare.page="$static/post-20-comments.html"
bare_start_seconds=$payara_start_seconds
cmp -s <(curl -fsS "$base/post/bench-20-comments") "$static/post-20-comments.html" \
  || { echo "the bare servlet does not serve the saved copy" >&2; exit 1; }
sample_memory "$bare/peak-memory"
# Warmed up as long as the app's pages were before their first measured round.
wrk -t2 -c"$connections" -d25s "$base/post/bench-20-comments" > /dev/null
read -r bare_rps bare_p50 bare_p99 _ < <(measure "$base/post/bench-20-comments")
read -r peak_bare _ < "$bare/peak-memory"
read -r ngx_rps ngx_p50 ngx_p99 _ < <(measure "http://127.0.0.1:$static_port/post/bench-20-comments")
row bare post-20-comments -  "$bare_rps" "$bare_p50" "$bare_p99" "$ngx_rps" "$ngx_p50" "$ngx_p99"
profile_hit bare-hit "the bare servlet, the same bytes"

# The same pages rendered for every request: the first request after each change, and search, cost this.
stop_payara
NEWSDESK_PAGE_CACHE_MB=0 start_payara
for entry in "${pages[@]}"; do
  page="${entry%%:*}"; path="${entry#*:}"
  curl -fsS -o /dev/null "$base$path"
  read -r app_rps app_p50 app_p99 app_bad < <(measure "$base$path")
  [ "$app_bad" = 0 ] || echo "  ($app_bad answers from the app were not 2xx/3xx)"
  row 3 "$page" off "$app_rps" "$app_p50" "$app_p99" "${nginx_rps[$page]}" - -
done
{
  echo
  echo "server start (Payara Micro launched to the first page, database ready): ${start_seconds} s;" \
    "Payara Micro with the bare servlet alone: ${bare_start_seconds} s"
  echo "peak resident memory while wrk ran with the cache on: server $((peak_app / 1024)) MB, database $((peak_db / 1024)) MB," \
    "together $(((peak_app + peak_db) / 1024)) MB; Payara Micro with the bare servlet alone: $((peak_bare / 1024)) MB"
  echo "${change_line:-the change check through the proxy did not finish}"
  echo
  cat "$static/profiles.txt"
} | tee -a "$table"
python3 bench/chart.py "$table" target/read-bench.svg && echo "chart: target/read-bench.svg"
