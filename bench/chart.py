"""Draws bench/read.sh's table as an SVG bar chart: requests a second per page for nginx, Payara Micro answering
the same bytes from a bare servlet, nginx's proxy cache in front of the app (docker/nginx.conf), the app with its
page cache and the app without it, on a logarithmic scale
(they differ by orders of magnitude).

    python3 bench/chart.py target/read-bench.txt target/read-bench.svg
"""
import math
import re
import sys
from xml.sax.saxutils import escape

ROW = re.compile(r"^(\d|bare)\s+(\S+)\s+(on|off|proxy|-)\s+\d+\s+\|\s+([\d.]+)\s+\S+\s+\S+\s+\|\s+([\d.-]+)")


def read(path):
    pages = {}
    for line in open(path, encoding="utf-8"):
        m = ROW.match(line)
        if not m:
            continue
        rnd, page, cache, app, nginx = m.groups()
        entry = pages.setdefault(page, {})
        if rnd == "bare":
            entry["Payara Micro, one bare servlet"] = float(app)
        elif cache == "proxy":
            entry["nginx's proxy cache in front of the app"] = float(app)
        elif cache == "on":
            entry["app, page cache on"] = float(app)  # the last round wins: the server is warm by then
            if nginx != "-":
                entry["nginx, same bytes"] = float(nginx)
        else:
            entry["app, page cache off"] = float(app)
    return pages


def draw(pages, out):
    series = [("nginx, same bytes", "#9aa5b1"), ("nginx's proxy cache in front of the app", "#2da44e"),
              ("Payara Micro, one bare servlet", "#8250df"),
              ("app, page cache on", "#1f6feb"), ("app, page cache off", "#d1242f")]
    bar, gap, group_gap, left, width = 14, 3, 18, 170, 520
    top = max(v for p in pages.values() for v in p.values())
    decades = max(1, math.ceil(math.log10(top)))
    scale = lambda v: width * math.log10(max(v, 1)) / decades
    height = 60 + len(pages) * (len(series) * (bar + gap) + group_gap) + 40
    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="Helvetica, Arial, sans-serif" font-size="12">'
           % (left + width + 90, height),
           '<text x="10" y="20" font-size="14" font-weight="bold">Requests a second (logarithmic scale), bench/read.sh</text>']
    y = 40
    x = 10
    for name, colour in series:
        svg.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/><text x="%d" y="%d">%s</text>'
                   % (x, y - 10, colour, x + 16, y, escape(name)))
        x += 16 + 7 * len(name) + 20  # about 7 px a character at 12 px
    y += 20
    for page, values in pages.items():
        svg.append('<text x="10" y="%d">%s</text>' % (y + bar + 4, escape(page)))
        for name, colour in series:
            if name in values:
                w = scale(values[name])
                svg.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/><text x="%.1f" y="%d">%s</text>'
                           % (left, y, w, bar, colour, left + w + 4, y + bar - 3, "{:,.0f}".format(values[name])))
            y += bar + gap
        y += group_gap
    for d in range(decades + 1):
        x = left + width * d / decades
        svg.append('<line x1="%.1f" y1="55" x2="%.1f" y2="%d" stroke="#ddd"/><text x="%.1f" y="%d" text-anchor="middle">%s</text>'
                   % (x, x, y, x, y + 14, "{:,}".format(10 ** d)))
    svg.append("</svg>")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(svg) + "\n")


if __name__ == "__main__":
    draw(read(sys.argv[1]), sys.argv[2])
