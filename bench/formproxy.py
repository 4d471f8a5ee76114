#!/usr/bin/env python3
"""HTTP proxy that lets form scanners (wapiti, sqlmap) reach Newsdesk's Jakarta Faces forms (run by bench/scan.sh).

    formproxy.py LISTEN_PORT TARGET_PORT MODE LOG_FILE [ADMIN_PASSWORD]     (MODE: public or desk)

A Faces form is only processed with a view state and a form token from a recent GET of its page, and in the
desk only in a signed-in session. Scanners replay stale ones, so every attack would stop at "view expired".
This proxy keeps one session of its own (anonymous for MODE public; signed in as admin for MODE desk, signed
in again whenever the desk sends it to the sign-in page) and, before forwarding a POST that carries
jakarta.faces.ViewState, GETs the same page and puts the fresh view state and form tokens into the body:
the scanners' payloads in the other fields then reach the application. It refuses to forward the desk's
sign-out form and changes to existing accounts (a scanner unticking "enabled" would lock the admin out).
Listens on 127.0.0.1 and forwards to 127.0.0.1:TARGET_PORT only. Logs every request with its answer's status
and counts the 5xx answers (printed at exit, and in LOG_FILE).
"""
import http.client
import http.server
import html
import re
import signal
import sys
import threading
import urllib.parse

LISTEN, TARGET, MODE, LOG = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
ADMIN_PASSWORD = sys.argv[5] if len(sys.argv) > 5 else ""
LOCK = threading.Lock()
JAR = {}
COUNTS = {"requests": 0, "5xx": 0, "sign-ins": 0, "refused": 0}
LOG_FILE = open(LOG, "a", buffering=1, encoding="utf-8", errors="backslashreplace")
VIEW_STATE = re.compile(r'name="jakarta\.faces\.ViewState"[^>]*value="([^"]*)"')
FORM_URL = re.compile(r'data-form-url="([^"]+)"')
HIDDEN_TOKEN = re.compile(r'<input type="hidden" name="(token|report-token)" value="([^"]*)"')
# Faces marks a post of form F with the field F=F; wapiti fills every field of a sign-in form with a name.
FORM_MARK = re.compile(r'<input type="hidden" name="([^"]+)" value="\1"')


def send(method, path, body=None, headers=None):
    h = {"Host": "127.0.0.1:%d" % TARGET, "Connection": "close"}
    h.update(headers or {})
    with LOCK:
        if JAR:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in JAR.items())
    conn = http.client.HTTPConnection("127.0.0.1", TARGET, timeout=120)
    try:
        conn.request(method, path, body, h)
        r = conn.getresponse()
        data = r.read()
        with LOCK:
            for k, v in r.getheaders():
                if k.lower() == "set-cookie":
                    name, _, rest = v.partition("=")
                    JAR[name.strip()] = rest.split(";", 1)[0]
        return r.status, r.getheaders(), data
    finally:
        conn.close()


def location(headers):
    return next((v for k, v in headers if k.lower() == "location"), "")


def sign_in():
    status, _, page = send("GET", "/login")
    text = page.decode("utf-8", "replace")
    vs = VIEW_STATE.search(text)
    if not vs:
        return False
    form = urllib.parse.urlencode([("login", "login"), ("login:username", "admin"), ("login:password", ADMIN_PASSWORD),
                                   ("login:continue", ""), ("login:submit", "Sign in"), ("jakarta.faces.ViewState", vs.group(1))])
    status, headers, _ = send("POST", "/login", form.encode(), {"Content-Type": "application/x-www-form-urlencoded"})
    with LOCK:
        COUNTS["sign-ins"] += 1
    return status in (302, 303) and "/login" not in location(headers)


def sent_to_sign_in(path, status, headers, data):
    return MODE == "desk" and path.startswith("/admin") and (
        status in (302, 303) and "/login" in location(headers) or status == 200 and b'<form id="login"' in data)


# Scanners leave the comment form's name and email empty, and the comment would be refused before the
# payloads in the other fields got far: empty ones are given plausible values.
PLAUSIBLE = {b"comment-form%3Aname": b"Scan+Reader", b"comment-form%3Aemail": b"scan-reader%40example.org",
             b"comment-form:name": b"Scan+Reader", b"comment-form:email": b"scan-reader%40example.org"}


def refresh(path, body, ctype):
    """The body with the view state and form tokens of a fresh GET of the page."""
    status, _, page = send("GET", path)
    if status != 200:
        return body
    text = page.decode("utf-8", "replace")
    fresh = {}
    vs = VIEW_STATE.search(text)
    if vs:
        fresh["jakarta.faces.ViewState"] = vs.group(1)
    for m in HIDDEN_TOKEN.finditer(text):
        fresh[m.group(1)] = m.group(2)
    form_url = FORM_URL.search(text)
    if form_url and not fresh.get("token"):
        # The shared post page carries no token: ask for one, as comments.js does when a reader starts writing.
        status, _, issued = send("GET", html.unescape(form_url.group(1)))
        token = re.search(rb'"token":"([^"]+)"', issued or b"")
        if status == 200 and token:
            fresh["token"] = token.group(1).decode()
    for m in FORM_MARK.finditer(text):
        fresh[m.group(1)] = m.group(1)
    if ctype.startswith("multipart/"):
        for name, value in fresh.items():
            body = re.sub(rb'(name="' + re.escape(name.encode()) + rb'"\r\n\r\n)[^\r]*',
                          lambda m: m.group(1) + value.encode(), body)
        return body
    for name, value in PLAUSIBLE.items():
        body = re.sub(rb"(^|&)(" + re.escape(name) + rb")=(?=&|$)", lambda m: m.group(1) + m.group(2) + b"=" + value, body)
    for name, value in fresh.items():
        encoded = re.escape(urllib.parse.quote(name, safe="")).encode()
        plain = re.escape(name).encode()
        body = re.sub(rb"(^|&)(" + plain + rb"|" + encoded + rb")=[^&]*",
                      lambda m: m.group(1) + m.group(2) + b"=" + urllib.parse.quote(value, safe="").encode(), body)
    return body


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_any(self):
        url = urllib.parse.urlsplit(self.path)
        if url.scheme and (url.hostname, url.port) != ("127.0.0.1", TARGET):
            return self.answer(403, [], b"only 127.0.0.1:%d is proxied\n" % TARGET, "other host")
        path = url.path + ("?" + url.query if url.query else "")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        ctype = self.headers.get("Content-Type", "")
        if body and (b"signout=signout" in body or b'name="signout"' in body or b"signout%3Ago" in body or b"signout:go" in body):
            return self.answer(200, [], b"sign-out not forwarded by the scan proxy\n", "refused: sign-out")
        if self.command == "POST" and url.path.startswith("/admin/users/edit") and "id=" in url.query:
            return self.answer(200, [], b"changes to existing accounts are not forwarded by the scan proxy\n",
                               "refused: existing account")
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() in ("content-type", "user-agent", "accept", "accept-language", "referer", "origin")}
        for attempt in range(2):
            send_body = body
            if self.command == "POST" and body and b"ViewState" in body:
                # A form's action can leave out its page's query (/admin/comments/edit for ?id=7): the page is
                # the one the scanner found the form on, which it names as Referer.
                referer = urllib.parse.urlsplit(self.headers.get("Referer", ""))
                page = path
                if referer.path == url.path and referer.query and (referer.hostname, referer.port) == ("127.0.0.1", TARGET):
                    page = referer.path + "?" + referer.query
                send_body = refresh(page, body, ctype.lower())
            try:
                status, rh, data = send(self.command, path, send_body, headers)
            except (OSError, http.client.HTTPException) as e:
                return self.answer(502, [], ("no answer from Newsdesk: %s\n" % e).encode(), "no answer: %s" % e)
            if attempt == 0 and sent_to_sign_in(url.path, status, rh, data):
                sign_in()
                continue
            break
        keep = [(k, v) for k, v in rh if k.lower() not in ("set-cookie", "connection", "transfer-encoding", "content-length",
                                                             "keep-alive")]
        self.answer(status, keep, data, "")

    def answer(self, status, headers, data, note):
        with LOCK:
            COUNTS["requests"] += 1
            if status >= 500:
                COUNTS["5xx"] += 1
            if note.startswith("refused"):
                COUNTS["refused"] += 1
        LOG_FILE.write("%d %s %s %s\n" % (status, self.command, self.path[:2000], note))
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = do_TRACE = handle_any

    def do_CONNECT(self):
        self.answer(405, [], b"no CONNECT\n", "refused: CONNECT")


def main():
    if MODE == "desk" and not sign_in():
        sys.exit("formproxy: cannot sign in as admin")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", LISTEN), Handler)
    server.daemon_threads = True

    def stop(*_):
        threading.Thread(target=server.shutdown).start()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print("formproxy %s on 127.0.0.1:%d -> 127.0.0.1:%d" % (MODE, LISTEN, TARGET), flush=True)
    server.serve_forever()
    summary = "formproxy %s: %d requests, %d answered 5xx, %d refused, %d sign-ins" % (
        MODE, COUNTS["requests"], COUNTS["5xx"], COUNTS["refused"], COUNTS["sign-ins"])
    LOG_FILE.write(summary + "\n")
    print(summary, flush=True)


if __name__ == "__main__":
    main()
