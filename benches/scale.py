#!/usr/bin/env python3
"""govkg at scale: build, rebuild, load, query and start-up on synthetic corpora.

usage: benches/scale.py [--docs 10000 100000] [--work DIR] [--features rocksdb]
                        [--bin DIR] [--gen ../shared/bench/gen_corpus.py]
                        [--query-timeout SECONDS] [--queries-only]

For each corpus size it generates a corpus (once; kept in WORK), builds
govkg and the stage timer (benches/stages.rs) with the given features, and
reports, each command timed on its own with /usr/bin/time -v:

- extraction alone (read, extract, quads; nothing stored), MB/s and docs/s,
  and its steps timed apart on one core;
- the end-to-end build into a new store, MB/s, docs/s and peak memory;
- `build --emit nquads`, then oxigraph's own bulk loader loading those quads
  (and their default graph copies, as the build does) into a new store:
  loading alone, and the build's time as a multiple of it;
- a second build with nothing changed, and one with one article changed;
- each saved query on the built store, over the whole archive and with each
  of its parameters set to the example its header gives (a whole `govkg
  query` run, so with the in-memory store it includes loading the snapshot);
- the shell's start-up: `govkg repl` reading `.quit`, to ready and gone.

Numbers are wall-clock on whatever else the machine is doing: the load
average is printed with them.
"""
import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORK_BIN = Path("/tmp/govkg-bench/bin")
# A saved query still running after this long is stopped and reported so
# (`--query-timeout`).
QUERY_TIMEOUT = 300


def sh(args, **kw):
    return subprocess.run(args, check=True, text=True, capture_output=True, **kw)


def timed(args, stdin=None, timeout=None):
    """Runs args under /usr/bin/time -v; returns (seconds, max RSS MB, stdout),
    or None when it ran longer than `timeout` seconds and was stopped."""
    start = time.monotonic()
    # In a session of its own, so a timeout stops govkg too, not only `time`.
    with subprocess.Popen(
        ["/usr/bin/time", "-v", *map(str, args)],
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    ) as child:
        try:
            stdout, stderr = child.communicate(stdin, timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
            return None
    p = subprocess.CompletedProcess(args, child.returncode, stdout, stderr)
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
    """Each saved query's name and its parameters' example values (the
    `e.g. "..."` of its `# param:` lines)."""
    queries = []
    for path in sorted((REPO / "queries").glob("*.rq")):
        examples = re.findall(r'^# param: (\w+) .*?e\.g\. "([^"]+)"', path.read_text(), re.M)
        queries.append((path.stem, examples))
    return queries


def run(govkg, stages, work, gen, docs, queries_only=False):
    rows = []
    path, mb = corpus(work, gen, docs)

    def add(what, value):
        # Printed as measured: a long run shows what it has so far.
        rows.append((what, value))
        print(f"| {what} | {value} |", flush=True)

    if queries_only:
        time_queries(govkg, work / f"store-{docs}", add)
        return mb, rows

    _, _, out = timed([stages, "extract", path])
    lines = {line.split()[0]: dict(kv.split("=") for kv in line.split()[1:]) for line in out.splitlines()}
    f, steps = lines["extract"], lines["steps"]
    add("extraction alone", f"{float(f['mb_per_s']):.1f} MB/s, {float(f['docs_per_s']):.0f} docs/s ({float(f['seconds']):.1f} s)")
    add(
        "its steps, MB/s of one core",
        ", ".join(f"{step} {float(steps[step]):.1f}" for step in ("read", "layout", "rules", "quads", "all")),
    )

    # The loader's store is measured and removed before the build's is
    # made: at 100,000 articles each takes tens of gigabytes.
    shards = fresh(work / f"nquads-{docs}")
    seconds, rss, _ = timed([govkg, "build", "--emit", "nquads", shards, path])
    add("build --emit nquads", f"{seconds:.1f} s ({mb / seconds:.2f} MB/s, peak {rss:.0f} MB)")
    loaded, rss, out = timed([stages, "bulk-load", fresh(work / f"bulk-{docs}"), shards])
    quads = int(re.search(r"quads=(\d+)", out).group(1))
    add("loading alone (oxigraph bulk loader)", f"{loaded:.1f} s, {quads / loaded:.0f} quads/s, peak {rss:.0f} MB")
    shutil.rmtree(work / f"bulk-{docs}", ignore_errors=True)

    store = fresh(work / f"store-{docs}")
    seconds, rss, out = timed([govkg, "--store", store, "build", path])
    built = re.search(r"built (\d+) of \d+ articles .*?: (\d+) quads", out)
    first = seconds
    add("end-to-end build", f"{seconds:.1f} s: {mb / seconds:.2f} MB/s, {docs / seconds:.0f} docs/s")
    add("build / bulk loader", f"{first / loaded:.2f}x")
    add("peak memory (build)", f"{rss:.0f} MB")
    add("quads per article", f"{int(built.group(2)) / int(built.group(1)):.0f} (plus a default graph copy of each)")
    add("store size on disk", sh(["du", "-sh", store]).stdout.split()[0])

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

    time_queries(govkg, store, add)
    return mb, rows


def time_queries(govkg, store, add):
    """Times each saved query, whole and bound, and the shell's start-up."""
    for name, examples in saved_queries():
        for param in [None, *(f"{param}={value}" for param, value in examples)]:
            bound = ["-p", param] if param else []
            run = timed([govkg, "--store", store, "query", name, *bound, "--format", "tsv"], timeout=QUERY_TIMEOUT)
            what = f"query {name} {param}" if param else f"query {name}"
            if run is None:
                add(what, f"over {QUERY_TIMEOUT} s (stopped)")
            else:
                seconds, _, out = run
                add(what, f"{1000 * seconds:.0f} ms ({max(0, out.count(chr(10)) - 1)} rows)")
    starts = [timed([govkg, "--store", store, "repl"], stdin=".quit\n")[0] for _ in range(5)]
    add("shell ready (median of 5)", f"{1000 * statistics.median(starts):.0f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/govkg-bench"))
    parser.add_argument("--features", default="")
    parser.add_argument("--bin", type=Path, help="use DIR/govkg and DIR/stages as built, instead of building")
    parser.add_argument("--gen", default=str(REPO.parent / "shared/bench/gen_corpus.py"))
    parser.add_argument("--query-timeout", type=int, default=300, help="stop a saved query after SECONDS")
    parser.add_argument("--queries-only", action="store_true", help="time the queries and the shell on the stores a run left")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    global WORK_BIN, QUERY_TIMEOUT
    WORK_BIN = args.work / "bin"
    QUERY_TIMEOUT = args.query_timeout
    govkg, stages = (args.bin / "govkg", args.bin / "stages") if args.bin else binaries(args.features)
    backend = "RocksDB" if "rocksdb" in args.features else "in-memory"
    cores = os.cpu_count()
    for docs in args.docs:
        print(f"\n## {docs:,} articles, {backend} store, {cores} cores, load average {os.getloadavg()[0]:.1f} at start\n")
        print("| measure | result |\n|---|---|", flush=True)
        run(govkg, stages, args.work, args.gen, docs, args.queries_only)
        print(f"\nload average {os.getloadavg()[0]:.1f} at the end", flush=True)


if __name__ == "__main__":
    main()
