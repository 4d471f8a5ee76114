#!/usr/bin/env bash
# Security scans: wapiti (modules sql, xss, permanentxss, csrf, exec, file, redirect, crlf) and sqlmap against
# the public pages and forms (comment form, sign-in, search, page numbers) and, signed in as admin, the desk's
# lists and forms of a Newsdesk served on 127.0.0.1. Prints wapiti's findings per module, sqlmap's verdict per
# target, the 5xx answers the scanners met, and a one-line summary. Bounded in time; never talks to another host.
#
#   bench/scan.sh [ATTACK_SECONDS=45] [CRAWL_SECONDS=90] [SQLMAP_SECONDS=300]
#
# ATTACK_SECONDS bounds each wapiti module, CRAWL_SECONDS each wapiti crawl, SQLMAP_SECONDS each sqlmap target
# (with the defaults a run took about 11 minutes on two shared cores). Needs a built WAR and Payara Micro jar (built if missing, as
# bench/comments.sh does), python3, the local MariaDB server bin/test uses, and wapiti and sqlmap (installed
# from Debian when missing). Creates a database of its own (newsdesk_scan, dropped and recreated), starts
# Payara Micro on port 18090 (log: target/scan-payara.log) with the comment rate limit, the minimum form time
# and the sign-in waits turned off and no SMTP host, and stops it afterwards. The scanners go through
# bench/formproxy.py (ports 18091 public, 18092 signed in), which gives their Faces form posts a fresh view
# state and form token, so that their payloads reach the application. Reports: target/scan/.
# Exit status 0 only with no finding, no injectable target and no 5xx.
set -euo pipefail
cd "$(dirname "$0")/.."
attack="${1:-45}"; crawl="${2:-90}"; sqlmap_seconds="${3:-300}"
name=scan; port="${NEWSDESK_SCAN_PORT:-18090}"; db="${NEWSDESK_SCAN_DB_NAME:-newsdesk_scan}"
public_proxy=$((port + 1)); desk_proxy=$((port + 2))
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wapiti >/dev/null || ! command -v sqlmap >/dev/null; then
  as_root apt-get install -y wapiti sqlmap >/dev/null
fi
. bench/serve.sh
out=target/scan; rm -rf "$out"; mkdir -p "$out"
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY no_proxy NO_PROXY
python3 bench/formproxy.py "$public_proxy" "$port" public "$out/proxy-public.log" > "$out/proxy-public.out" 2>&1 &
proxy1=$!
python3 bench/formproxy.py "$desk_proxy" "$port" desk "$out/proxy-desk.log" "$admin_password" > "$out/proxy-desk.out" 2>&1 &
proxy2=$!
stop_all() { kill "$proxy1" "$proxy2" 2>/dev/null || true; wait "$proxy1" "$proxy2" 2>/dev/null || true; stop_payara; }
trap stop_all EXIT
sleep 2
kill -0 "$proxy1" && kill -0 "$proxy2" || { cat "$out"/proxy-*.out; exit 1; }
started=$SECONDS

modules=sql,xss,permanentxss,csrf,exec,file,redirect,crlf
# No -x: wapiti 3.0.4's URL wildcards fail on Python 3.11 (re.error); the proxy refuses what must not be sent.
wapiti_run() { # label proxy-port start-url [wapiti options...]
  local label=$1 proxy=$2 url=$3; shift 3
  echo "wapiti $label: crawl at most $crawl s, each module at most $attack s"
  timeout --kill-after=30 $((crawl + 8 * attack + 300)) \
    wapiti -u "$url" -p "http://127.0.0.1:$proxy" -m "$modules" --scope folder -d 4 --max-links-per-page 40 \
      --max-files-per-dir 40 --max-scan-time "$crawl" --max-attack-time "$attack" -t 30 \
      --skip jakarta.faces.ViewState --skip token --skip report-token --flush-session \
      --store-session "$out/wapiti-$label-session" --store-config "$out/wapiti-$label-config" --no-bugreport -v 1 \
      -f json -o "$out/wapiti-$label.json" "$@" > "$out/wapiti-$label.out" 2>&1 || echo "wapiti $label stopped with status $?"
}
wapiti_run public "$public_proxy" "$base/" -s "$base/post/$slug" -s "$base/login" -s "$base/search?q=iraq" \
  -s "$base/?page=2"
wapiti_run desk "$desk_proxy" "$base/admin/" -s "$base/admin/posts/edit" -s "$base/admin/posts/" -s "$base/admin/outlets/" \
  -s "$base/admin/users/edit" -s "$base/admin/comments/" -s "$base/admin/comments/settings" -s "$base/admin/media/library" \
  -s "$base/admin/account/password"

sqlmap_run() { # label proxy-port parameters url [data]
  local label=$1 proxy=$2 params=$3 url=$4 data=${5:-}
  local args=(-u "$url" -p "$params" --proxy "http://127.0.0.1:$proxy" --batch --level 1 --risk 1 --technique BEUT
              --time-sec 2 --timeout 30 --retries 1 --threads 1 --flush-session --disable-coloring
              --output-dir "$PWD/$out/sqlmap-$label")
  [ -n "$data" ] && args+=(--data "$data")
  timeout --kill-after=10 "$sqlmap_seconds" sqlmap "${args[@]}" > "$out/sqlmap-$label.out" 2>&1 || true
}
echo "sqlmap: each target at most $sqlmap_seconds s"
sqlmap_run search "$public_proxy" q "$base/search?q=iraq"
sqlmap_run page "$public_proxy" page "$base/?page=1"
sqlmap_run comment "$public_proxy" "comment-form:name,comment-form:email,comment-form:website,comment-form:body,comment-form:parent" \
  "$base/post/$slug" "comment-form=comment-form&token=x&comment-form:parent=&comment-form:name=Scan Reader&comment-form:email=scan@example.org&comment-form:website=&comment-form:body=A reader's view.&comment-form:submit=Post Comment&jakarta.faces.ViewState=x"
sqlmap_run sign-in "$public_proxy" "login:username,login:password,login:continue" \
  "$base/login" "login=login&login:username=editor&login:password=not-the-password&login:continue=&login:submit=Sign in&jakarta.faces.ViewState=x"
sqlmap_run desk-posts "$desk_proxy" "q,author,section,status" "$base/admin/posts/?q=iraq&author=1&section=1&status=DRAFT"
sqlmap_run desk-media "$desk_proxy" "q,page" "$base/admin/media/library?q=iraq&page=1"
sqlmap_run desk-outlet "$desk_proxy" "outlet:name,outlet:domain,outlet:creditStyle,outlet:maxExcerptWords,outlet:notes" \
  "$base/admin/outlets/" "outlet=outlet&outlet:name=SCAN OUTLET&outlet:domain=scan.example.org&outlet:creditStyle=&outlet:maxExcerptWords=100&outlet:notes=&outlet:save=Save&jakarta.faces.ViewState=x"
sqlmap_run desk-user "$desk_proxy" "user:username,user:displayName,user:email" \
  "$base/admin/users/edit" "user=user&user:username=scanuser&user:displayName=Scan User&user:email=scan-user@example.org&user:roles=WRITER&user:newPassword=&user:enabled=true&user:save=Save&jakarta.faces.ViewState=x"
stop_all; trap - EXIT

echo
status=0
python3 - "$out" <<'PY' || status=$?
import glob, json, os, re, sys
out = sys.argv[1]
findings = anomalies = injectable = 0
modules = {"sql": ["SQL Injection", "Blind SQL Injection"], "xss": ["Cross Site Scripting"],
           "permanentxss": ["Stored Cross Site Scripting", "Permanent Cross Site Scripting"],
           "csrf": ["Cross Site Request Forgery"], "exec": ["Commands execution"], "file": ["Path Traversal"],
           "redirect": ["Open Redirect"], "crlf": ["CRLF Injection"]}
for label in ("public", "desk"):
    path = "%s/wapiti-%s.json" % (out, label)
    if not os.path.exists(path):
        print("wapiti %s: no report (see %s/wapiti-%s.out)" % (label, out, label)); findings += 1; continue
    report = json.load(open(path))
    vulns, anoms = report.get("vulnerabilities", {}), report.get("anomalies", {})
    counts = []
    for module, names in modules.items():
        n = sum(len(vulns.get(name, [])) for name in names)
        findings += n
        counts.append("%s %d" % (module, n))
    other = {k: len(v) for k, v in vulns.items() if v and not any(k in names for names in modules.values())}
    print("wapiti %s findings per module: %s%s" % (label, ", ".join(counts),
          "; also " + ", ".join("%s %d" % kv for kv in other.items()) if other else ""))
    a = {k: len(v) for k, v in anoms.items() if v}
    anomalies += sum(a.values())
    print("wapiti %s anomalies: %s" % (label, ", ".join("%s %d" % kv for kv in a.items()) or "none"))
    for k, v in list(vulns.items()) + list(anoms.items()):
        for item in v[:5]:
            note = ""
            if k == "Cross Site Request Forgery" and "jakarta.faces.ViewState" in (item.get("http_request") or ""):
                note = (" (wapiti looks for a field named like a token; this form carries a Faces view state,"
                        " which the server checks: a tampered one is answered 400)")
            print("  %s: %s %s %s%s" % (k, item.get("method"), item.get("path"), (item.get("info") or "")[:200], note))
for f in sorted(glob.glob(out + "/sqlmap-*.out")):
    text = open(f, errors="replace").read()
    label = os.path.basename(f)[7:-4]
    if "identified the following injection point" in text or re.search(r"parameter '[^']+' is vulnerable", text):
        verdict = "INJECTABLE"; injectable += 1
    elif "do not appear to be injectable" in text:
        verdict = "not injectable"
    else:
        last = [l for l in text.splitlines() if "[CRITICAL]" in l or "[ERROR]" in l][-1:]
        verdict = "inconclusive (%s)" % (last[0][:150] if last else "stopped at the time limit")
    print("sqlmap %-12s %s" % (label + ":", verdict))
fives = 0
for label in ("public", "desk"):
    lines = open("%s/proxy-%s.log" % (out, label), errors="replace").read().splitlines()
    errs = [l for l in lines if l[:1] == "5"]
    fives += len(errs)
    print("requests through the %s proxy: %d, answered 5xx: %d" % (label, len([l for l in lines if l[:1].isdigit()]), len(errs)))
    for l in errs[:5]:
        print("  " + l[:300])
print("summary: wapiti %d findings, %d anomalies; sqlmap %d injectable targets; %d answers 5xx"
      % (findings, anomalies, injectable, fives))
sys.exit(0 if findings + anomalies + injectable + fives == 0 else 1)
PY
echo "scan took $((SECONDS - started)) s after start-up; Payara log: target/scan-payara.log ($(grep -c 'SEVERE' target/scan-payara.log || true) SEVERE lines)"
exit $status
