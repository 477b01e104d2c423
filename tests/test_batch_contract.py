"""The batch contract under hostile input: one output object per input line, in
order, each a record or a coded error object, and the batch always finishes.
Also the time budget (C112), long documents in pieces, and coded errors for
every input the CLI can be given."""
from __future__ import annotations

import json
import os
import subprocess
import time

import jsonschema
import pytest

from conftest import ROOT, run_cli

from communique import analyze
from communique.analyze import analyze_jsonl, analyze_text, text_pieces
from communique.errors import CommuniqueError
from communique.ingest import parse_published
from communique.ingest.jsonl import read_lines
from communique.settings import Config

ERROR_SCHEMA = json.loads((ROOT / "docs" / "error.schema.json").read_text())
GOOD = "The foreign ministers of Chile and Peru met in Lima on Tuesday to discuss water rights."


def _outputs(data, **config):
    return list(analyze_jsonl(data, Config(**config)))


def _good(record_id: str, **fields) -> bytes:
    return json.dumps({"id": record_id, "text": GOOD, **fields}).encode("utf-8")


def _check_one_per_line(outputs, lines, validate):
    assert len(outputs) == len(lines)
    for output in outputs:
        if "error" in output:
            jsonschema.validate(output, ERROR_SCHEMA)
        else:
            validate(output)
        json.dumps(output, ensure_ascii=False).encode("utf-8")  # writable as UTF-8


def test_hostile_records_each_get_their_own_line(validate):
    lines = [
        _good("first"),
        b'{"id": "\\ud800", "text": "' + GOOD.encode() + b'"}',  # a lone surrogate as a JSON escape
        b'{"id": "t", "title": "x\\udc00y", "text": "' + GOOD.encode() + b'"}',
        b'{"id": "big", "n": ' + b"9" * 5000 + b', "text": "' + GOOD.encode() + b'"}',  # past int()'s 4,300 digits
        b"",  # a blank line
        b"[" * 100_000,  # nesting deeper than the recursion limit
        b'{"id": "cr", "text": "Talks ended.\r' + GOOD.encode() + b'"}',  # a raw CR inside a record
        _good("not-utf8").replace(b"Lima", b"Li\xffma"),
        _good("last"),
    ]
    outputs = _outputs(b"\n".join(lines) + b"\n")
    _check_one_per_line(outputs, lines, validate)
    ids = [o.get("id") or o["document"]["id"] for o in outputs]
    assert ids == ["first", "\ufffd", "t", "big", "line-5", "line-6", "cr", "not-utf8", "last"]
    by_id = dict(zip(ids, outputs))
    assert by_id["t"]["document"]["title"] == "x\ufffdy"
    assert any(w.startswith("[W103]") for w in by_id["t"]["document"]["warnings"])
    assert by_id["line-5"]["code"] == "C106" and "blank" in by_id["line-5"]["error"]
    assert by_id["line-6"]["code"] == "C106"
    assert "\r" not in by_id["cr"]["document"]["text"] and "Talks ended." in by_id["cr"]["document"]["text"]
    assert any(w.startswith("[W101]") for w in by_id["not-utf8"]["document"]["warnings"])
    assert "error" not in by_id["big"] and "error" not in by_id["last"]


def test_line_ends_bom_and_str_input():
    data = b"\xef\xbb\xbf" + _good("a") + b"\r\n" + _good("b") + b"\n" + _good("c")  # BOM, CRLF, no final LF
    assert [o["document"]["id"] for o in _outputs(data)] == ["a", "b", "c"]
    as_text = [line.decode() + "\n" for line in (_good("x"), _good("y"))]
    assert [o["document"]["id"] for o in _outputs(as_text)] == ["x", "y"]


def test_an_over_long_line_is_skipped_as_it_is_read():
    import io
    huge = b'{"id": "huge", "text": "' + b"word " * 50_000 + b'"}'
    stream = io.BytesIO(_good("a") + b"\n" + huge + b"\n" + _good("b") + b"\n")
    lines = list(read_lines(stream, max_bytes=10_000))
    assert [line.number for line in lines] == [1, 2, 3]
    assert lines[1].error is not None and lines[1].error.code == "C103" and lines[1].text == ""
    assert lines[1].error.fields["size"] == len(huge) + 1
    outputs = _outputs(io.BytesIO(stream.getvalue()), max_bytes=10_000)
    assert [o.get("code") for o in outputs] == [None, "C103", None]


@pytest.mark.parametrize("value", ["2022-01-01garbage", "20220101", "2022-13-01", "2022-01-01T25:00", "yesterday"])
def test_published_is_strict(value):
    with pytest.raises(CommuniqueError) as caught:
        parse_published(value)
    assert caught.value.code == "C110"


def test_published_accepts_dates_and_timestamps():
    assert parse_published("2022-01-31") == "2022-01-31"
    assert parse_published("2022-01-31T23:10:00+02:00") == "2022-01-31"
    assert parse_published("2022-01-31T23:10:00Z") == "2022-01-31"


def test_api_text_with_lone_surrogates_gives_a_record(validate):
    record = validate(analyze_text("Chile and Peru \ud800 met in Lima.", "s\udfff", published="2024-01-01"))
    assert "\ufffd" in record["document"]["text"] and record["document"]["id"] == "s\ufffd"
    assert any(w.startswith("[W103]") for w in record["document"]["warnings"])
    with pytest.raises(CommuniqueError) as caught:
        analyze_text(b"bytes are not text")
    assert caught.value.code == "C109"


def _slow_when_marked(original, seconds: float):
    def slow(*args, **kwargs):
        if any("SLOW" in str(getattr(a, "text", a)) for a in args):
            time.sleep(seconds)
        return original(*args, **kwargs)
    return slow


@pytest.mark.parametrize("stage", ["ingest", "analysis"])
def test_a_runaway_record_becomes_c112_and_the_batch_goes_on(monkeypatch, stage):
    target = "document_from_record" if stage == "ingest" else "build_record"
    monkeypatch.setattr(analyze, target, _slow_when_marked(getattr(analyze, target), 5))
    lines = [_good("a"), _good("slow", title="x").replace(b"Lima", b"SLOW Lima"), _good("b")]
    started = time.monotonic()
    outputs = _outputs(b"\n".join(lines), timeout=0.5, batch_size=3)
    assert time.monotonic() - started < 4  # the 5 s sleep was cut short
    assert [o.get("code") for o in outputs] == [None, "C112", None]
    assert stage in outputs[1]["error"] and "slow" in outputs[1]["error"] or "line 2" in outputs[1]["error"]


def test_text_pieces_cover_the_text_at_block_ends():
    text = "\n".join(f"Paragraph {i} says something about the talks." * 3 for i in range(3000))
    pieces = text_pieces(text, size=10_000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))  # contiguous, no gap, no overlap
    assert all(end - start <= 10_000 for start, end in pieces)
    assert all(text[end - 1] == "\n" for _, end in pieces[:-1])  # cut after a line break
    token = "x" * 25_000  # one unbroken token is cut where it must be
    assert [end - start for start, end in text_pieces(token, size=10_000)] == [10_000, 10_000, 5_000]


def test_a_long_document_analysed_in_pieces_matches_the_whole(monkeypatch, validate):
    paragraphs = [
        "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday.",
        "Putin said Russia will send 200 tonnes of grain to Egypt next month, officials said.",
        "Protesters in Santiago demanded the resignation of the interior minister on Sunday.",
    ]
    text = "\n".join(paragraphs[i % 3] for i in range(60))
    whole = validate(analyze_text(text, "whole", published="2024-03-14"))
    monkeypatch.setattr(analyze, "PIECE_CHARS", 1_000)
    monkeypatch.setattr(analyze, "text_pieces", lambda t, size=1_000: text_pieces(t, size))
    pieced = validate(analyze_text(text, "pieced", published="2024-03-14"))
    assert pieced["document"]["text"] == whole["document"]["text"]
    # Sentence-level results are the same; ids run through the whole document.
    for part in ("segments", "times", "quantities"):
        strip = [{k: v for k, v in item.items() if k not in ("id", "statement")} for item in whole[part]]
        assert [{k: v for k, v in item.items() if k not in ("id", "statement")} for item in pieced[part]] == strip, part
    assert [t["id"] for t in pieced["times"]] == [f"t{n}" for n in range(1, len(pieced["times"]) + 1)]
    ids = [a["id"] for a in pieced["actors"]]
    assert ids == [f"a{n}" for n in range(1, len(ids) + 1)]
    assert len({a["name"] for a in pieced["actors"] if a["name"] == "Vladimir Putin"}) == 1  # one actor across pieces
    events = {(e["cameo"], e["evidence"][0]) for e in pieced["events"]}
    assert events == {(e["cameo"], e["evidence"][0]) for e in whole["events"]}
    for event in pieced["events"]:
        assert event["source"] in ids and event["target"] in ids


# --- the command line: coded errors, never a traceback -------------------------------------


def _coded_failure(result, code: str):
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert f"[{code}]" in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_jsonl_that_is_a_directory(tmp_path):
    _coded_failure(run_cli("analyze", "--jsonl", str(tmp_path)), "C102")


def test_out_that_is_a_directory_fails_before_the_batch(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(_good("a") + b"\n")
    result = run_cli("analyze", "--jsonl", str(source), "--out", str(tmp_path))
    _coded_failure(result, "C113")
    assert "records written" not in result.stderr  # nothing was analysed


def test_a_file_name_too_long_and_not_utf8(tmp_path):
    _coded_failure(run_cli("analyze", str(tmp_path / ("x" * 300))), "C102")
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(GOOD.encode())
    exe = ROOT / ".venv" / "bin" / "communique"
    result = subprocess.run([os.fsencode(exe) if exe.exists() else b"communique", b"analyze", name],
                            capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["document"]["id"].endswith("caf\ufffd.txt")


def test_a_config_whose_communique_key_is_not_a_table(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text('communique = "md"\n')
    _coded_failure(run_cli("analyze", "--config", str(config), str(tmp_path / "x.txt")), "C203")


@pytest.mark.parametrize("entry, problem", [
    ("- {name: 123, kind: person}", "needs a name"),
    ("- {name: Atlantis, kind: country}", "without a code"),
    ("- {name: X Corp, kind: organization, code: [1, 2]}", "'code' as a list"),
])
def test_bad_actor_entries_are_coded(tmp_path, entry, problem):
    actors = tmp_path / "actors.yml"
    actors.write_text(entry + "\n")
    result = run_cli("analyze", "--actors", str(actors), str(tmp_path / "x.txt"))
    _coded_failure(result, "C204")
    assert problem in result.stderr


def test_a_bogus_model_with_workers(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_bytes(_good("a") + b"\n")
    _coded_failure(run_cli("analyze", "--jsonl", str(source), "--model", "bogus", "--workers", "2"), "C201")


def test_standard_output_that_is_full(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text(GOOD)
    exe = ROOT / ".venv" / "bin" / "communique"
    with open("/dev/full", "w") as full:
        result = subprocess.run([str(exe) if exe.exists() else "communique", "analyze", str(source)],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=300)
    _coded_failure(result, "C113")


@pytest.fixture
def tiny_disk(tmp_path):
    """A 64 KiB file system (tmpfs), where the machine lets us mount one (root)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root and a machine that allows it")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_disk_full_while_writing_keeps_the_earlier_output(tmp_path, tiny_disk):
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"\n".join(_good(f"d{i}") for i in range(150)) + b"\n")  # ~150 records of ~1.5 KB
    out = tiny_disk / "out.jsonl"
    out.write_text("earlier output\n")
    _coded_failure(run_cli("analyze", "--jsonl", str(source), "--out", str(out)), "C113")
    assert out.read_text() == "earlier output\n"
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["out.jsonl"]


def test_standard_input_with_bytes_that_are_not_utf8(validate):
    exe = ROOT / ".venv" / "bin" / "communique"
    data = _good("a").replace(b"Lima", b"Li\xff\xfema") + b"\n\n" + _good("b") + b"\n"
    result = subprocess.run([str(exe) if exe.exists() else "communique", "analyze", "--jsonl", "-"],
                            input=data, capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr
    outputs = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [o.get("code") for o in outputs] == [None, "C106", None]
    assert "[W101]" in result.stderr.decode() and validate(outputs[0])["document"]["warnings"]
