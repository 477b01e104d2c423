"""Regression gate on the canonical example (examples/putin-xi-call in ../shared),
scored by the shared scorer exactly as the evaluation runs it."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import run_cli, shared_path
from gates import floor

# Per-category floors: the canonical_* gates of tests/gates.toml.
CATEGORIES = ("document", "actors", "statements", "voice", "quantities", "times", "events", "events_strict")


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    gold = shared_path("examples/putin-xi-call/gold.json")
    article = shared_path("examples/putin-xi-call/article.txt")
    scorer = shared_path("eval/score.py")
    published = json.loads(gold.read_text())["input"]["published"]
    result = run_cli("analyze", str(article), "--published", published, "--format", "json")
    assert result.returncode == 0, result.stderr
    out = tmp_path_factory.mktemp("canonical") / "out.json"
    out.write_text(result.stdout, encoding="utf-8")
    scored = subprocess.run([sys.executable, str(scorer), str(gold), str(out), "--json"],
                            capture_output=True, text=True, check=True)
    report, _ = json.JSONDecoder().raw_decode(scored.stdout)  # a "min_f1=" line follows
    print("\ncanonical example:", {k: v["f1"] for k, v in report["scores"].items()})
    return report


@pytest.mark.corpus
@pytest.mark.parametrize("category", CATEGORIES)
def test_category_meets_its_floor(scores, category):
    f1, minimum = scores["scores"][category]["f1"], floor(f"canonical_{category}")
    assert f1 >= minimum, f"{category} f1={f1} < {minimum}; missed: {scores['misses'].get(category)}"


@pytest.mark.corpus
def test_output_validates(validate):
    article = shared_path("examples/putin-xi-call/article.txt")
    result = run_cli("analyze", str(article), "--published", "2022-12-30")
    record = validate(json.loads(result.stdout))
    assert record["document"]["author_bio"].startswith("Former United States Marine Corps")
