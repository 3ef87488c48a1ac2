#!/usr/bin/env python3
"""Renders the sample run's report.html in headless Chromium and checks what a reader sees.

Runs the sample pipeline (Indonesian, then English) with the release build, then for each
report: Chromium dumps the DOM (every expected section and chart must be there, each chart
with a title and a text alternative, no script) and takes a screenshot (the PNG must not be
blank: enough pixels that are neither white nor one flat colour), and prints the page to
PDF on A4 (at least one page). Installs Debian's `chromium` when it is missing.

    swift build -c release
    python3 scripts/check-report.py [--keep DIR]
"""
import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

parser = argparse.ArgumentParser()
parser.add_argument("--kinerja", default=".build/release/kinerja")
parser.add_argument("--keep", help="folder to keep the report, screenshot, DOM and PDF in")
options = parser.parse_args()

SECTIONS = ["summary", "trends", "training-effects", "event-study", "rankings", "satisfaction", "coverage",
            "cost-effectiveness", "data-quality"]
CHARTS = 8  # regions, top and bottom agencies, effects by method, event study, rankings, IKM, rejects (the sample's programmes are all below min_group)


def chromium():
    for name in ["chromium", "chromium-browser", "google-chrome"]:
        if shutil.which(name):
            return shutil.which(name)
    print("installing chromium (Debian package) for the report check", file=sys.stderr)
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "chromium"], check=True,
                   env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
    return shutil.which("chromium")


def png_pixels(path):
    """Decodes an 8-bit RGB or RGBA, non-interlaced PNG into rows of (r, g, b) tuples."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, idat = 8, b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "unexpected PNG format"
        elif kind == b"IDAT":
            idat += chunk
        position += 12 + length
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, channels)])
        previous = line
    return rows


def check(report, folder, browser, language):
    url = "file://" + os.path.abspath(report)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-dev-shm-usage"]
    dom = subprocess.run([browser] + flags + ["--dump-dom", url], capture_output=True, text=True, check=True).stdout
    open(os.path.join(folder, f"dom-{language}.html"), "w").write(dom)
    problems = []
    for section in SECTIONS:
        if f'<section id="{section}">' not in dom:
            problems.append(f"section {section} missing")
    charts = re.findall(r"<svg [^>]*role=\"img\"[^>]*>\s*<title>([^<]+)</title>\s*<desc>([^<]+)</desc>", dom)
    if len(charts) < CHARTS:
        problems.append(f"{len(charts)} charts with a title and description, expected {CHARTS}")
    if "<script" in dom:
        problems.append("the page has a script")
    screenshot = os.path.join(folder, f"report-{language}.png")
    subprocess.run([browser] + flags + ["--window-size=1000,2400", f"--screenshot={screenshot}", url],
                   capture_output=True, check=True)
    pixels = png_pixels(screenshot)
    inked = sum(1 for row in pixels for pixel in row if sum(pixel) < 600)
    colours = len({pixel for row in pixels[::8] for pixel in row[::8]})
    if inked < 20000 or colours < 8:
        problems.append(f"the screenshot looks blank ({inked} dark pixels, {colours} colours)")
    pdf = os.path.join(folder, f"report-{language}.pdf")
    subprocess.run([browser] + flags + ["--no-pdf-header-footer", f"--print-to-pdf={pdf}", url],
                   capture_output=True, check=True)
    printed = open(pdf, "rb").read()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", printed))
    if pages < 1:
        problems.append("printing to PDF gave no page")
    # A4 is 595.28 × 841.89 points; every page box (a page's own or inherited) must be A4.
    boxes = [tuple(float(number) for number in box.split())
             for box in re.findall(rb"/MediaBox\s*\[\s*([-0-9.\s]+?)\s*\]", printed)]
    sizes = {(round(x1 - x0, 2), round(y1 - y0, 2)) for x0, y0, x1, y1 in boxes}
    if not boxes or any(abs(width - 595.28) > 1.5 or abs(height - 841.89) > 1.5 for width, height in sizes):
        problems.append(f"the printed pages are not A4 (page boxes {sorted(sizes)} points)")
    print(f"{language}: {len(SECTIONS)} sections, {len(charts)} charts, screenshot {len(pixels[0])}×{len(pixels)} "
          f"with {inked} dark pixels and {colours} colours, {pages} A4 pages")
    return problems


browser = chromium()
folder = options.keep or tempfile.mkdtemp(prefix="kinerja-report-")
os.makedirs(folder, exist_ok=True)
problems = []
for language in ["id", "en"]:
    out = os.path.join(folder, f"out-{language}")
    pipeline = os.path.join(folder, f"sample-{language}.yaml")
    text = open("pipelines/sample.yaml").read()
    sample = os.path.abspath("datasets/sample")
    text = re.sub(r"\.\./datasets/sample", sample, text)
    text = re.sub(r"(?m)^output:.*$", f"output: {out}", text)
    text = re.sub(r"(?m)^language:.*\n", "", text) + f"language: {language}\n"
    open(pipeline, "w").write(text)
    subprocess.run([options.kinerja, "run", pipeline, "--quiet"], check=True)
    problems += [f"{language}: {p}" for p in check(os.path.join(out, "report.html"), folder, browser, language)]
if problems:
    sys.exit("report check failed:\n  " + "\n  ".join(problems))
print(f"report check passed ({folder})")
