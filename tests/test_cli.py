"""The command line, run for real in a subprocess: outputs, bad inputs, exit codes."""
from __future__ import annotations

import gzip
import json

import pytest

from communique import __version__

from conftest import ROOT, run_cli

EXAMPLE = ROOT / "examples" / "flash-readout.txt"


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"communique {__version__}"


def test_analyze_one_file_prints_one_valid_record(validate):
    result = run_cli("analyze", str(EXAMPLE), "--published", "2024-03-14")
    assert result.returncode == 0, result.stderr
    record = validate(json.loads(result.stdout))
    document = record["document"]
    assert document["published"] == "2024-03-14"
    assert document["id"] == str(EXAMPLE)
    assert "Share" not in document["text"] and "More From This Author" not in document["text"]
    assert record["segments"], "the body is cut into segments"


def test_markdown_rundown_shows_title_author_and_body():
    result = run_cli("analyze", str(EXAMPLE), "--format", "md")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ")
    assert "**By:**" in result.stdout
    assert "- Both ministers condemned recent missile launches" in result.stdout


def test_several_files_give_json_lines_in_argument_order(tmp_path, validate):
    first, second = tmp_path / "b.txt", tmp_path / "a.txt"
    first.write_text("The ministers met in Geneva on Monday and agreed to meet again next month.\n")
    second.write_text("Protesters gathered outside parliament on Tuesday, police said.\n")
    result = run_cli("analyze", str(first), str(second))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [validate(r)["document"]["id"] for r in lines] == [str(first), str(second)]


def test_gzipped_input_is_read(tmp_path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(b"Officials said the border crossing would reopen on Friday after talks.\n"))
    result = run_cli("analyze", str(path))
    assert result.returncode == 0, result.stderr
    assert "border crossing" in json.loads(result.stdout)["document"]["text"]


@pytest.mark.parametrize("make_input, code", [
    (lambda d: d / "missing.txt", "C101"),
    (lambda d: d, "C102"),  # a directory
    (lambda d: _write(d / "empty.txt", b"  \n\n \n"), "C105"),
    (lambda d: _write(d / "image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256))), "C104"),
    (lambda d: _write(d / "nul.txt", b"some text\x00\x00\x01\x02 more"), "C104"),
    (lambda d: _write(d / "big.txt", b"word " * 400), "C103"),
])
def test_bad_input_gives_coded_error_and_nonzero_exit(tmp_path, make_input, code):
    path = make_input(tmp_path)
    result = run_cli("analyze", str(path), "--max-bytes", "1000")
    assert result.returncode == 1
    assert f"[{code}]" in result.stderr
    assert str(path) in result.stderr, "the message names the input"
    assert result.stdout == ""


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path, validate):
    path = _write(tmp_path / "latin1.txt", "The minister met the délégation in Paris on Monday to discuss trade.".encode("latin-1"))
    result = run_cli("analyze", str(path))
    assert result.returncode == 0, result.stderr
    assert "[W101]" in result.stderr
    record = validate(json.loads(result.stdout))
    assert "\ufffd" in record["document"]["text"]
    assert any(w.startswith("[W101]") for w in record["document"]["warnings"])


def test_non_english_input_warns_and_still_gives_a_record(tmp_path, validate):
    path = tmp_path / "de.txt"
    path.write_text("Die Regierung hat am Montag beschlossen, die Gespräche mit den Nachbarländern "
                    "fortzusetzen. Der Minister sagte, man sei zu einer Einigung bereit.\n", encoding="utf-8")
    result = run_cli("analyze", str(path))
    assert result.returncode == 0, result.stderr
    assert "[W102]" in result.stderr
    record = validate(json.loads(result.stdout))
    assert record["document"]["language"] != "en"


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The council voted on Wednesday to extend the mission by six months.\n")
    result = run_cli("analyze", str(tmp_path / "nope.txt"), str(good))
    assert result.returncode == 1
    assert "[C101]" in result.stderr
    assert json.loads(result.stdout)["document"]["id"] == str(good)


@pytest.mark.parametrize("args", [
    ("analyze",),
    ("analyze", "--jsonl", "in.jsonl", "x.txt"),
    ("analyze", "x.txt", "--out", "o.jsonl"),
])
def test_contradictory_or_missing_arguments_are_usage_errors(args):
    result = run_cli(*args)
    assert result.returncode == 2
    assert "error:" in result.stderr


def test_bad_published_date_is_refused(tmp_path):
    result = run_cli("analyze", str(EXAMPLE), "--published", "30/12/2022")
    assert result.returncode == 1
    assert "[C110]" in result.stderr and "30/12/2022" in result.stderr


def test_unknown_model_is_a_clear_error():
    result = run_cli("analyze", str(EXAMPLE), "--model", "no_such_pipeline_xyz")
    assert result.returncode == 1
    assert "[C201]" in result.stderr and "no_such_pipeline_xyz" in result.stderr


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_every_cli_option_is_documented_in_the_readme():
    import re
    help_text = run_cli("analyze", "--help").stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    options = set(re.findall(r"(--[a-z][a-z-]+)", help_text)) - {"--help"}
    assert options, "the help lists options"
    missing = sorted(o for o in options if o not in readme)
    assert not missing, f"options missing from the README: {missing}"
