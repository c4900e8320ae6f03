"""Throughput: stories of ../shared/benchmarks/ngec_synthetic_events.csv coded into a fresh
DuckDB file, against bare spaCy parsing of the same texts with the same model.

Prints stories/s, sentences/s, the ratio comity / bare spaCy, peak RSS of the whole process
tree, start-up time, the same run at two corpus sizes (linearity) and a profile of where the
time goes; writes bench/results/throughput.json and the throughput section of BENCHMARKS.md.

    .venv/bin/python bench/throughput.py [--n 4500] [--small 500] [--workers 2]
"""
from __future__ import annotations

import argparse
import cProfile
import csv
import json
import os
import pstats
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from report import commit, update_section  # noqa: E402

START, END = "<!-- throughput:start -->", "<!-- throughput:end -->"


class TreeMemory:
    """Peak resident memory of this process and all its descendants, sampled from /proc."""

    def __init__(self, interval: float = 0.1):
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _tree_rss(root: int) -> int:
        children: dict[int, list[int]] = {}
        rss: dict[int, int] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/status", encoding="ascii", errors="ignore") as handle:
                    fields = dict(line.split(":", 1) for line in handle if ":" in line)
            except OSError:
                continue
            pid = int(entry)
            children.setdefault(int(fields.get("PPid", "0").strip() or 0), []).append(pid)
            rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
        total, stack = 0, [root]
        while stack:
            pid = stack.pop()
            total += rss.get(pid, 0)
            stack.extend(children.get(pid, []))
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._tree_rss(os.getpid()))
            self._stop.wait(self.interval)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def load_stories(path: Path, n: int) -> list[dict]:
    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [{"id": f"ngec-{i}", "text": row["text"], "title": row.get("title"),
             "source": row.get("source")} for i, row in enumerate(rows[:n])]


def count_sentences(texts: list[str]) -> int:
    from spacy.lang.en import English

    splitter = English()
    splitter.add_pipe("sentencizer")
    return sum(len(list(doc.sents)) for doc in splitter.pipe(texts))


def comity_run(stories: list[dict], workers: int) -> dict:
    from comity.records import Document
    from comity.store import Store

    documents = [Document(id=s["id"], text=s["text"], date="2020-01-01", title=s["title"],
                          sources=[s["source"]] if s["source"] else []) for s in stories]
    first_batch: list[tuple[float, int]] = []

    def note_first_batch(report) -> None:
        if not first_batch:
            first_batch.append((time.perf_counter(), report.done))

    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.duckdb"
        with TreeMemory() as memory:
            started = time.perf_counter()
            with Store.open(db) as store:
                report = store.ingest(documents, workers=workers, on_progress=note_first_batch)
                counts = store.counts()
            finished = time.perf_counter()
    seconds = finished - started
    # Steady state: from the first committed batch on, once the workers have loaded the model;
    # what the corpus size can change (linearity) shows here, not in the fixed start-up.
    ready, done_then = first_batch[0] if first_batch else (started, 0)
    steady = (len(stories) - done_then) / (finished - ready) if finished > ready else 0.0
    return {"stories": len(stories), "seconds": round(seconds, 2),
            "stories_per_s": round(len(stories) / seconds, 2), "steady_stories_per_s": round(steady, 2),
            "startup_to_first_batch_s": round(ready - started, 2),
            "peak_rss_mb": round(memory.peak / 2**20),
            "events": counts.get("events"), "coded": report.coded, "failed": report.failed}


def bare_spacy_run(texts: list[str], workers: int) -> dict:
    import spacy

    from comity.parse import MODEL_PACKAGES

    nlp = None
    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    with TreeMemory() as memory:
        started = time.perf_counter()
        for _ in nlp.pipe(texts, n_process=workers, batch_size=64):
            pass
        seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 2), "stories_per_s": round(len(texts) / seconds, 2),
            "peak_rss_mb": round(memory.peak / 2**20), "pipeline": nlp.pipe_names}


def startup_seconds() -> float:
    """Wall time of a new process importing comity and loading its coder (model and data)."""
    code = "import time; t=time.perf_counter(); from comity.pipeline import Coder; Coder(); print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return round(float(out.stdout.strip().splitlines()[-1]), 2)


def profile(stories: list[dict], top: int = 12) -> list[dict]:
    """Where one process spends its time coding: cumulative seconds by stage."""
    from comity.pipeline import Coder
    from comity.records import Document

    coder = Coder()
    documents = [Document(id=s["id"], text=s["text"], date="2020-01-01") for s in stories]
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in coder.code(documents):
        pass
    profiler.disable()
    stats = pstats.Stats(profiler)
    stages = {
        "prefilter (tokenize, gazetteer)": ("prefilter.py", "apply"),
        "spaCy pipeline (tagger, parser, lemmatizer, rules)": ("language.py", "pipe"),
        "events (actors, patterns, mood, dates)": ("events.py", "code_sentence"),
        "transfers": ("transfers.py", "extract"),
        "claims": ("claims.py", "extract_claims"),
        "wire conventions": ("wire.py", "read_wire_conventions"),
    }
    total = sum(v[2] for v in stats.stats.values())
    rows = []
    for label, (filename, function) in stages.items():
        seconds = sum(v[3] for k, v in stats.stats.items() if k[0].endswith(filename) and k[2] == function)
        rows.append({"stage": label, "seconds": round(seconds, 2)})
    rows.append({"stage": "total (one process)", "seconds": round(total, 2)})
    return rows




def markdown(r: dict) -> str:
    big, small = r["comity"], r["comity_small"]
    lines = [START, "",
             f"Measured {r['date']} at commit `{r['commit']}` with `{r['command']}` on this machine "
             f"({os.cpu_count()} cores), {r['workers']} workers.", "",
             "| run | stories | seconds | stories/s (wall) | stories/s (after first batch) | sentences/s | peak RSS (process tree) |",
             "|---|---|---|---|---|---|---|",
             f"| comity ingest into DuckDB | {big['stories']} | {big['seconds']} | {big['stories_per_s']} | "
             f"{big['steady_stories_per_s']} | {r['sentences_per_s']} | {big['peak_rss_mb']} MB |",
             f"| comity ingest into DuckDB | {small['stories']} | {small['seconds']} | {small['stories_per_s']} | "
             f"{small['steady_stories_per_s']} | | {small['peak_rss_mb']} MB |",
             f"| bare spaCy `nlp.pipe(n_process={r['workers']})`, full pipeline | {big['stories']} | "
             f"{r['spacy']['seconds']} | {r['spacy']['stories_per_s']} | | | {r['spacy']['peak_rss_mb']} MB |",
             "",
             f"- ratio comity / bare spaCy (wall clock, both including their start-up): **{r['ratio']}**; "
             f"a day at this rate: {int(big['stories_per_s'] * 86400):,} stories",
             f"- linearity (rate after the first committed batch, i.e. without the workers' start-up of "
             f"{small['startup_to_first_batch_s']} s): {small['stories']} stories at "
             f"{small['steady_stories_per_s']}/s vs {big['stories']} at {big['steady_stories_per_s']}/s "
             f"({r['linearity_pct']}% apart)",
             f"- start-up of one process (import + model + data): {r['startup_s']} s",
             f"- sentences in the corpus: {r['sentences']}", "",
             "Profile of one process coding the first 300 stories (cumulative seconds):", "",
             "| stage | seconds |", "|---|---|"]
    lines += [f"| {row['stage']} | {row['seconds']} |" for row in r["profile"]]
    lines += ["", END]
    return "\n".join(lines)




def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "benchmarks" / "ngec_synthetic_events.csv")
    parser.add_argument("--n", type=int, default=4500)
    parser.add_argument("--small", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-markdown", action="store_true")
    args = parser.parse_args()
    stories = load_stories(args.corpus, args.n)
    texts = [s["text"] for s in stories]
    sentences = count_sentences(texts)
    result = {"date": date.today().isoformat(), "commit": commit(), "workers": args.workers,
              "command": f"python bench/throughput.py --n {args.n} --small {args.small} --workers {args.workers}",
              "sentences": sentences, "startup_s": startup_seconds()}
    result["comity_small"] = comity_run(stories[:args.small], args.workers)
    result["comity"] = comity_run(stories, args.workers)
    result["spacy"] = bare_spacy_run(texts, args.workers)
    result["sentences_per_s"] = round(sentences / result["comity"]["seconds"], 1)
    result["ratio"] = round(result["comity"]["stories_per_s"] / result["spacy"]["stories_per_s"], 2)
    a, b = result["comity_small"]["steady_stories_per_s"], result["comity"]["steady_stories_per_s"]
    result["linearity_pct"] = round(abs(a - b) / max(a, b) * 100, 1)
    result["profile"] = profile(stories[:300])
    out = ROOT / "bench" / "results" / "throughput.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    if not args.no_markdown:
        update_section("throughput", "Throughput", markdown(result))
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
