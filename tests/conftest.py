"""Shared fixtures: the real pipeline (loaded once), the ../shared folder, a CLI runner."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("COMMUNIQUE_SHARED", ROOT.parent / "shared")).resolve()
SCHEMA_PATH = ROOT / "docs" / "communique-1.schema.json"


def shared_path(relative: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the shared folder beside the checkout "
                    f"(or COMMUNIQUE_SHARED pointing at it)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from communique.nlp import load_pipeline
    return load_pipeline("sm")


@pytest.fixture(scope="session")
def validate():
    """Validate a communique/1 dict against the published JSON Schema."""
    import jsonschema
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)

    def check(record: dict) -> dict:
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
        return record

    return check


def run_cli(*args: str, stdin: str | None = None, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the installed `communique` command for real, in a subprocess."""
    full_env = {**os.environ, **(env or {})}
    exe = Path(sys.executable).with_name("communique")
    return subprocess.run([str(exe), *args], input=stdin, capture_output=True, text=True, env=full_env,
                          cwd=cwd or ROOT, timeout=600)


def score_dev_set(dataset: str, scorer: str, tmp_path: Path, *cli_args: str) -> str:
    """Run a ../shared/dev set through `communique analyze --jsonl` and its scorer, as
    ../shared/dev/README.md does; return the scorer's output (its last line is f1=...)."""
    data, make_input, score = shared_path(dataset), shared_path("eval/to_input.py"), shared_path(scorer)
    batch, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    batch.write_text(subprocess.run([sys.executable, str(make_input), str(data)], capture_output=True, text=True,
                                    check=True).stdout)
    result = run_cli("analyze", "--jsonl", str(batch), "--out", str(out), *cli_args)
    assert result.returncode == 0, result.stderr
    return subprocess.run([sys.executable, str(score), str(data), str(out)], capture_output=True, text=True,
                          check=True).stdout


def last_f1(scorer_output: str) -> float:
    return float(scorer_output.strip().splitlines()[-1].split("=")[1])


def component_pipeline(*components: str):
    """The spaCy model with communique's block boundaries and the given components only."""
    import spacy
    from communique.nlp import resolve_model
    nlp = spacy.load(resolve_model("sm"))
    nlp.add_pipe("communique_blocks", before="parser")
    for name in components:
        nlp.add_pipe(name)
    return nlp


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def scorer_json(scorer: Path, gold: Path, output: Path) -> dict:
    """Run a shared scorer with --json and return its report (a "f1=" line follows the JSON)."""
    result = subprocess.run([sys.executable, str(scorer), str(gold), str(output), "--json"],
                            capture_output=True, text=True, check=True, timeout=300)
    return json.JSONDecoder().raw_decode(result.stdout)[0]


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server for the session (store/throwaway.py; `.ci/run` installs
    Debian's postgresql package). Yields its URL without a database name."""
    from communique.store.throwaway import postgres_binaries, throwaway_postgres

    if postgres_binaries() is None:
        pytest.skip("PostgreSQL is not installed (Debian's postgresql package; .ci/run installs it)")
    with throwaway_postgres() as url:
        yield url


@pytest.fixture(params=["duckdb", "postgresql"])
def db(request, tmp_path) -> str:
    """A fresh, empty store location on each backend: a DuckDB file, or a new database on
    the throwaway PostgreSQL server."""
    if request.param == "duckdb":
        return str(tmp_path / "c.duckdb")
    import uuid

    psycopg = pytest.importorskip("psycopg")
    server = request.getfixturevalue("postgres_server")
    name = "t" + uuid.uuid4().hex[:16]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    return f"{server}/{name}"
