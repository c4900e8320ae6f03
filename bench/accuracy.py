"""Accuracy on every public suite in ../shared/benchmarks, the seed and our own example corpus.

Writes bench/results/accuracy.json and the accuracy table of BENCHMARKS.md (between the
`accuracy` markers), with the date, the commit and the command.

    .venv/bin/python bench/accuracy.py [--shared ../shared] [--no-markdown]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from comity.evaluate import evaluate, summarise  # noqa: E402
from report import commit, update_section  # noqa: E402
from comity.pipeline import Coder  # noqa: E402

#: (name, path under shared or the repo, suite, how it is used)
SUITES = [
    ("seed", "seed/gold.jsonl", "gold", "reference article (target)"),
    ("examples", "REPO:examples/gold.jsonl", "gold", "our own articles (tuning)"),
    ("heldout", "REPO:examples/heldout.jsonl", "gold", "our blind articles (held out, never tuned on)"),
    ("actor-checks", "REPO:examples/actor_checks.tsv", "actors", "our blind actor checks (tuned on since first measured)"),
    ("petr2-gsr", "benchmarks/petr2_gsr_validation.jsonl", "petr", "public suite (errors inspected)"),
    ("plover-gsr", "benchmarks/plover_gsr_cameo.json", "plover", "public suite (errors inspected)"),
    ("conflibert-class-train", "benchmarks/conflibert_cameo_class_train.tsv", "conflibert-class", "tuning"),
    ("conflibert-class-test", "benchmarks/conflibert_cameo_class_test.tsv", "conflibert-class", "held out"),
    ("conflibert-ner-test", "benchmarks/conflibert_cameo_ner_test.txt", "conflibert-ner", "held out"),
]

START, END = "<!-- accuracy:start -->", "<!-- accuracy:end -->"




def run(shared: Path, coder: Coder) -> dict:
    results = {"date": date.today().isoformat(), "commit": commit(),
               "command": "python bench/accuracy.py", "suites": {}}
    for name, relative, suite, use in SUITES:
        path = ROOT / relative.removeprefix("REPO:") if relative.startswith("REPO:") else shared / relative
        if not path.exists():
            print(f"skip {name}: {path} missing", file=sys.stderr)
            continue
        started = time.perf_counter()
        _, levels, cases = evaluate(path, suite, coder)
        seconds = time.perf_counter() - started
        results["suites"][name] = {"suite": suite, "use": use, "cases": cases,
                                   "seconds": round(seconds, 2), "levels": summarise(levels)}
        print(f"{name}: {cases} cases in {seconds:.1f}s", file=sys.stderr)
    return results


def prefilter_effect(with_filter: dict, without: dict) -> dict[str, dict[str, float]]:
    """Points gained (+) or lost (-) by the prefilter, per suite and level (F1 or accuracy)."""
    effect = {}
    for name, suite in with_filter["suites"].items():
        other = without["suites"].get(name)
        if other is None:
            continue
        effect[name] = {level: round(100 * (_main(score) - _main(other["levels"][level])), 1)
                        for level, score in suite["levels"].items()}
    return effect


def _main(score: dict) -> float:
    return score["accuracy"] if "accuracy" in score else score["f1"]


def headline(levels: dict) -> str:
    parts = []
    for level, score in levels.items():
        if "accuracy" in score:
            parts.append(f"{level} acc {score['accuracy']:.3f}")
        else:
            parts.append(f"{level} P {score['precision']:.3f} R {score['recall']:.3f} F1 {score['f1']:.3f}")
    return "; ".join(parts)


def markdown(results: dict) -> str:
    lines = [START, "",
             f"Measured {results['date']} at commit `{results['commit']}` with `{results['command']}`.",
             "", "| suite | use | cases | seconds | scores |", "|---|---|---|---|---|"]
    for name, suite in results["suites"].items():
        lines.append(f"| {name} | {suite['use']} | {suite['cases']} | {suite['seconds']} | "
                     f"{headline(suite['levels'])} |")
    effect = results.get("prefilter_effect")
    if effect:
        worst = min((v for levels in effect.values() for v in levels.values()), default=0.0)
        lines += ["", "The same suites coded without the prefilter (every sentence parsed): change in "
                  f"points caused by the prefilter, F1 or accuracy; largest loss {worst:+.1f}.", "",
                  "| suite | change by level |", "|---|---|"]
        for name, levels in effect.items():
            lines.append(f"| {name} | " + "; ".join(f"{level} {value:+.1f}" for level, value in levels.items()) + " |")
    lines += ["", END]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--no-markdown", action="store_true")
    args = parser.parse_args()
    results = run(args.shared, Coder())
    results["without_prefilter"] = run(args.shared, Coder(prefilter=False))["suites"]
    results["prefilter_effect"] = prefilter_effect(results, {"suites": results["without_prefilter"]})
    out = ROOT / "bench" / "results" / "accuracy.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    if not args.no_markdown:
        update_section("accuracy", "Accuracy", markdown(results))
    print(json.dumps({k: headline(v["levels"]) for k, v in results["suites"].items()}, indent=1))
    print(json.dumps({"prefilter effect (points)": results["prefilter_effect"]}, indent=1))


if __name__ == "__main__":
    main()
