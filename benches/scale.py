#!/usr/bin/env python3
"""govkg at scale: build, rebuild, load, query and start-up on synthetic corpora.

usage: benches/scale.py [--docs 10000 100000] [--work DIR] [--features rocksdb]
                        [--bin DIR] [--gen ../shared/bench/gen_corpus.py]

For each corpus size it generates a corpus (once; kept in WORK), builds
govkg and the stage timer (benches/stages.rs) with the given features, and
reports, each command timed on its own with /usr/bin/time -v:

- extraction alone (read, extract, quads; nothing stored), MB/s and docs/s;
- the end-to-end build into a new store, MB/s, docs/s and peak memory;
- `build --emit nquads`, then oxigraph's own bulk loader loading those quads
  (and their default graph copies, as the build does) into a new store:
  loading alone, and the build's time as a multiple of it;
- a second build with nothing changed, and one with one article changed;
- each saved query on the built store (a whole `govkg query` run, so with
  the in-memory store it includes loading the snapshot);
- the shell's start-up: `govkg repl` reading `.quit`, to ready and gone.

Numbers are wall-clock on whatever else the machine is doing: the load
average is printed with them.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK_BIN = Path("/tmp/govkg-bench/bin")


def sh(args, **kw):
    return subprocess.run(args, check=True, text=True, capture_output=True, **kw)


def timed(args, stdin=None):
    """Runs args under /usr/bin/time -v; returns (seconds, max RSS MB, stdout)."""
    start = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-v", *map(str, args)], text=True, capture_output=True, input=stdin)
    seconds = time.monotonic() - start
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, args))}\n{p.stderr[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    return seconds, rss, p.stdout


def binaries(features):
    """Builds govkg and the stage timer; returns their paths."""
    cmd = ["cargo", "build", "--release", "--bins", "--benches", "--message-format=json"]
    if features:
        cmd += ["--features", features]
    out = sh(cmd, cwd=REPO).stdout
    paths = {}
    for line in out.splitlines():
        msg = json.loads(line)
        kind = msg.get("target", {}).get("kind", [])
        test_harness = msg.get("profile", {}).get("test", False)
        if msg.get("reason") == "compiler-artifact" and msg.get("executable") and (
            ("bin" in kind and not test_harness) or "bench" in kind
        ):
            paths[msg["target"]["name"]] = msg["executable"]
    # The target folder may be shared with other checkouts' builds: run
    # copies, so what is measured is what was built here.
    copies = []
    for name in ("govkg", "stages"):
        copy = WORK_BIN / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(paths[name], copy)
        copies.append(copy)
    return copies


def corpus(work, gen, docs):
    path = work / f"corpus-{docs}"
    if not path.is_dir():
        sh([sys.executable, gen, path, "--docs", str(docs)])
    size = sum(f.stat().st_size for f in path.iterdir())
    return path, size / 1e6


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    return path


def saved_queries():
    return sorted(p.stem for p in (REPO / "queries").glob("*.rq"))


def run(govkg, stages, work, gen, docs):
    rows = []
    path, mb = corpus(work, gen, docs)

    def add(what, value):
        # Printed as measured: a long run shows what it has so far.
        rows.append((what, value))
        print(f"| {what} | {value} |", flush=True)

    _, _, out = timed([stages, "extract", path])
    f = dict(kv.split("=") for kv in out.split()[1:])
    add("extraction alone", f"{float(f['mb_per_s']):.1f} MB/s, {float(f['docs_per_s']):.0f} docs/s ({float(f['seconds']):.1f} s)")

    store = fresh(work / f"store-{docs}")
    seconds, rss, out = timed([govkg, "--store", store, "build", path])
    built = re.search(r"built (\d+) of \d+ articles .*?: (\d+) quads", out)
    first = seconds
    add("end-to-end build", f"{seconds:.1f} s: {mb / seconds:.2f} MB/s, {docs / seconds:.0f} docs/s")
    add("peak memory (build)", f"{rss:.0f} MB")
    add("quads per article", f"{int(built.group(2)) / int(built.group(1)):.0f} (plus a default graph copy of each)")
    add("store size on disk", sh(["du", "-sh", store]).stdout.split()[0])

    shards = fresh(work / f"nquads-{docs}")
    seconds, rss, _ = timed([govkg, "build", "--emit", "nquads", shards, path])
    add("build --emit nquads", f"{seconds:.1f} s ({mb / seconds:.2f} MB/s, peak {rss:.0f} MB)")
    seconds, rss, out = timed([stages, "bulk-load", fresh(work / f"bulk-{docs}"), shards])
    quads = int(re.search(r"quads=(\d+)", out).group(1))
    add("loading alone (oxigraph bulk loader)", f"{seconds:.1f} s, {quads / seconds:.0f} quads/s, peak {rss:.0f} MB")
    add("build / bulk loader", f"{first / seconds:.2f}x")
    shutil.rmtree(work / f"bulk-{docs}", ignore_errors=True)

    seconds, _, _ = timed([govkg, "--store", store, "build", path])
    add("re-build, nothing changed", f"{seconds:.2f} s ({100 * seconds / first:.1f}% of first build)")
    victim = sorted(path.iterdir())[docs // 2]
    original = victim.read_text()
    victim.write_text(original + "\nA spokesman said the bureau had opened an account on Sina Weibo.\n")
    try:
        seconds, _, out = timed([govkg, "--store", store, "build", path])
        assert out.startswith("built 1 of"), out
        add("re-build, one article changed", f"{seconds:.2f} s")
    finally:
        victim.write_text(original)
        timed([govkg, "--store", store, "build", path])

    for name in saved_queries():
        seconds, _, out = timed([govkg, "--store", store, "query", name, "--format", "tsv"])
        add(f"query {name}", f"{1000 * seconds:.0f} ms ({max(0, out.count(chr(10)) - 1)} rows)")
    starts = [timed([govkg, "--store", store, "repl"], stdin=".quit\n")[0] for _ in range(5)]
    add("shell ready (median of 5)", f"{1000 * statistics.median(starts):.0f} ms")
    return mb, rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/govkg-bench"))
    parser.add_argument("--features", default="")
    parser.add_argument("--bin", type=Path, help="use DIR/govkg and DIR/stages as built, instead of building")
    parser.add_argument("--gen", default=str(REPO.parent / "shared/bench/gen_corpus.py"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    global WORK_BIN
    WORK_BIN = args.work / "bin"
    govkg, stages = (args.bin / "govkg", args.bin / "stages") if args.bin else binaries(args.features)
    backend = "RocksDB" if "rocksdb" in args.features else "in-memory"
    cores = os.cpu_count()
    for docs in args.docs:
        print(f"\n## {docs:,} articles, {backend} store, {cores} cores, load average {os.getloadavg()[0]:.1f} at start\n")
        print("| measure | result |\n|---|---|", flush=True)
        run(govkg, stages, args.work, args.gen, docs)
        print(f"\nload average {os.getloadavg()[0]:.1f} at the end", flush=True)


if __name__ == "__main__":
    main()
