"""The corpus store (DuckDB): ingest is idempotent and reports bad inputs without stopping,
`show` gives what `analyze` gives, queries filter by prefix codes and trace every row to
its text, and a locked or corrupt database is a coded error that changes nothing."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest


from communique.store import Store

from conftest import ROOT, run_cli, shared_path

ARTICLE = ROOT / "examples" / "flash-readout.txt"
RECORDS = [
    {"id": "a", "text": "Japan imposed sanctions on North Korea on Monday.", "published": "2024-05-02"},
    {"id": "b", "text": "The United States and Jordan signed a free-trade agreement on Tuesday.", "published": "2024-05-03"},
    {"id": "c", "text": "Jordan and the United States held talks in Amman.", "published": "2024-05-04"},
]


def batch(path: Path, records=RECORDS, extra_lines: tuple[str, ...] = ()) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + "".join(line + "\n" for line in extra_lines))
    return path


def test_ingest_is_idempotent_and_reports_bad_records(tmp_path, db):
    source = batch(tmp_path / "in.jsonl", extra_lines=("{not json",))
    first = run_cli("ingest", str(source), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "3 new, 0 already stored, 1 errors" in first.stderr and "C106" in first.stderr
    second = run_cli("ingest", str(source), str(tmp_path / "missing.txt"), "--db", str(db))
    assert "0 new, 3 already stored, 2 errors" in second.stderr and "C101" in second.stderr
    with Store(db, read_only=True) as store:
        assert len(store.documents()) == 3


def test_the_same_text_twice_in_one_batch_is_stored_once(tmp_path, db):
    source = batch(tmp_path / "in.jsonl", [RECORDS[0], {**RECORDS[0], "id": "copy"}])
    result = run_cli("ingest", str(source), "--db", str(db))
    assert "1 new, 1 already stored" in result.stderr


def test_show_prints_what_analyze_prints(tmp_path, db):
    assert run_cli("ingest", str(ARTICLE), "--db", str(db), "--published", "2024-03-14").returncode == 0
    analysed = run_cli("analyze", str(ARTICLE), "--published", "2024-03-14")
    with Store(db, read_only=True) as store:
        doc_id = store.documents().id[0]
    shown = run_cli("show", doc_id, "--db", str(db))
    assert shown.returncode == 0 and shown.stdout == analysed.stdout
    assert run_cli("show", "nothing-here", "--db", str(db)).returncode == 1


def test_events_by_prefix_and_dyad_both_ways_traced_to_the_text(tmp_path, db):
    with Store(db) as store:
        from communique.analyze import analyze_text
        store.add([analyze_text(r["text"], r["id"], published=r["published"]) for r in RECORDS])
        dyad = store.events(dyad=("USA", "JOR"))
        assert {("USA", "JOR"), ("JOR", "USA")} <= set(zip(dyad.source_code, dyad.target_code))
        sanctions = store.events(source="JP", code="16")
        assert list(sanctions.target_code) == ["PRK"] and list(sanctions.plover) == ["SANCTION"]
        assert store.events(dyad=("USA", "JOR"), until="2024-05-03").date.max() <= "2024-05-03"
        for row in store.events().itertuples():  # every row leads back to its passage
            text = store.record(row.doc)["document"]["text"]
            assert text[row.span_start:row.span_end] == row.evidence
    listed = run_cli("events", "--db", str(db), "--dyad", "USA:JOR", "--format", "jsonl")
    assert listed.returncode == 0 and all(json.loads(line)["doc"] for line in listed.stdout.splitlines())
    assert run_cli("events", "--db", str(db), "--dyad", "USA").returncode == 2


def test_reanalyze_only_what_another_version_stored(tmp_path, db):
    source = batch(tmp_path / "in.jsonl", RECORDS[:2])
    run_cli("ingest", str(source), "--db", str(db))
    with Store(db) as store:
        store.connection.execute("UPDATE documents SET pipeline = 'communique 0.0.1' WHERE input_id = 'a'")
    assert "0 new, 2 already stored" in run_cli("ingest", str(source), "--db", str(db)).stderr
    again = run_cli("ingest", str(source), "--db", str(db), "--reanalyze")
    assert "0 new, 1 already stored, 0 errors (1 re-analysed)" in again.stderr
    with Store(db, read_only=True) as store:
        assert len(store.documents()) == 2


def test_a_store_of_the_first_schema_is_brought_up_to_date(tmp_path):
    import duckdb

    from communique.analyze import analyze_text
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.add([analyze_text("Japan imposed sanctions on North Korea.", "x", published="2024-05-02")])
    with duckdb.connect(str(path)) as old:  # as schema version 1 left it: no text column
        old.execute("ALTER TABLE documents DROP COLUMN text")
        old.execute("UPDATE store_meta SET value = '1' WHERE key = 'schema'")
    with Store(path) as store:
        assert list(store.events().evidence) == ["Japan imposed sanctions on North Korea"]
        assert store.connection.execute("SELECT value FROM store_meta WHERE key = 'schema'").fetchone()[0] == "2"


def test_a_corrupt_database_is_c301_and_left_as_it_was(tmp_path):
    db = tmp_path / "bad.duckdb"
    db.write_bytes(b"this is not a database" * 100)
    before = db.read_bytes()
    result = run_cli("ingest", str(batch(tmp_path / "in.jsonl")), "--db", str(db))
    assert result.returncode == 1 and "C301" in result.stderr
    assert db.read_bytes() == before


def test_a_database_another_process_writes_is_c302(tmp_path):
    db = tmp_path / "c.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time, duckdb
        connection = duckdb.connect({str(db)!r})
        print("ready", flush=True)
        sys.stdin.readline()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = run_cli("ingest", str(batch(tmp_path / "in.jsonl")), "--db", str(db))
        assert result.returncode == 1 and "C302" in result.stderr
    finally:
        holder.communicate("\n", timeout=30)
    with Store(db, read_only=True) as store:
        assert len(store.documents()) == 0


def test_a_full_disk_is_c303_and_loses_nothing_already_stored(tmp_path):
    import resource

    db = tmp_path / "c.duckdb"
    run_cli("ingest", str(batch(tmp_path / "in.jsonl")), "--db", str(db))
    text = ARTICLE.read_text(encoding="utf-8")
    more = batch(tmp_path / "more.jsonl", [{"id": f"m{i}", "text": f"{text}\n\nNote {i}.", "published": "2024-05-03"}
                                            for i in range(40)])
    command = [str(Path(sys.executable).with_name("communique")), "ingest", str(more), "--db", str(db),
               "--batch-size", "20"]

    def disk_full() -> None:  # the kernel refuses to grow any file past 64 KiB, as a full disk would
        resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 16, 1 << 16))

    full = subprocess.run(command, capture_output=True, text=True, timeout=600, preexec_fn=disk_full)
    assert full.returncode == 1 and "C303" in full.stderr and "rolled back" in full.stderr
    with Store(db, read_only=True) as store:
        assert sorted(store.documents().input_id) == ["a", "b", "c"]
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0 and "40 new, 0 already stored, 0 errors" in again.stderr
    with Store(db, read_only=True) as store:
        assert len(store.documents()) == 43


def test_documents_filters_and_formats(tmp_path, db):
    run_cli("ingest", str(batch(tmp_path / "in.jsonl")), "--db", str(db))
    by_actor = run_cli("documents", "--db", str(db), "--actor", "PRK", "--format", "csv")
    lines = by_actor.stdout.strip().splitlines()
    assert lines[0].startswith("id,input_id,title,published") and len(lines) == 2 and ",a," in lines[1]
    assert "(none)" in run_cli("documents", "--db", str(db), "--since", "2025-01-01").stdout
    assert run_cli("documents", "--db", str(tmp_path / "absent.duckdb")).returncode == 1


def test_kill_9_mid_ingest_then_the_same_command_stores_every_input_once(tmp_path, db):
    import os
    import signal
    import time

    records = [{"id": f"r{i}", "text": f"Country {i} talks: Japan imposed sanctions on North Korea on day {i}.",
                "published": "2024-05-02"} for i in range(40)]
    source = batch(tmp_path / "in.jsonl", records)
    command = [str(Path(sys.executable).with_name("communique")), "ingest", str(source), "--db", str(db),
               "--batch-size", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(6)  # the pipeline loaded, some batches committed, one in hand
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    with Store(db, read_only=True) as store:
        stored = store.documents()
        assert sorted(stored.input_id) == sorted(r["id"] for r in records)  # each once, none lost
        assert stored.id.is_unique


def test_a_window_ends_at_the_end_of_its_last_day(tmp_path, db):
    from communique.analyze import analyze_text
    record = analyze_text("Japan imposed sanctions on North Korea.", "x", published="2024-05-06")
    record["events"][0]["date"] = "2024-05-06T09:00+09:00"  # an event dated to the minute, as times give it
    with Store(db) as store:
        store.add([record])
        assert len(store.events(source="JPN", since="2024-05-06", until="2024-05-06")) == 1
        assert len(store.events(source="JPN", until="2024-05-05")) == 0


def test_aggregate_and_timeline(tmp_path, db):
    from communique.analyze import analyze_text
    texts = [("x1", "Japan imposed sanctions on North Korea.", "2024-05-02"),
             ("x2", "Japan again imposed sanctions on North Korea, officials said.", "2024-05-02"),
             ("x3", "North Korea condemned Japan.", "2024-05-20")]
    with Store(db) as store:
        store.add([analyze_text(text, doc_id, published=day) for doc_id, text, day in texts])
        rows = store.events(source="JPN", target="PRK", code="16", aggregate=True)
        assert list(rows.mentions) == [2] and list(rows.articles) == [2] and str(rows.day[0])[:10] == "2024-05-02"
        assert list(store.timeline("JPN", "JPN").columns) == ["period", "JPN->JPN", "total"]  # with itself
        weekly = store.timeline("JPN", "PRK", by="week")
        assert list(weekly["JPN->PRK"]) == [2, 0] and list(weekly["PRK->JPN"]) == [0, 1]
        assert list(weekly.total) == [2, 1]
        tone = store.timeline("JPN", "PRK", by="month", measure="goldstein")
        assert len(tone) == 1 and tone.total[0] < 0  # sanctions and a condemnation: hostile
    shown = run_cli("timeline", "JPN", "PRK", "--db", db, "--by", "month", "--format", "csv")
    assert shown.returncode == 0 and shown.stdout.splitlines()[0] == "period,JPN->PRK,PRK->JPN,total"


def test_export_records_tables_and_plover(tmp_path, db):
    import duckdb
    run_cli("ingest", str(batch(tmp_path / "in.jsonl")), "--db", str(db))
    assert run_cli("export", "--db", str(db), "--format", "jsonl", "--out", str(tmp_path / "r.jsonl")).returncode == 0
    records = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text().splitlines()]
    assert sorted(r["document"]["id"] for r in records) == ["a", "b", "c"]
    assert run_cli("export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path / "pq")).returncode == 0
    events = sum(len(r["events"]) for r in records)
    assert duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'pq' / 'events.parquet'}'").fetchall()[0][0] == events
    run_cli("export", "--db", str(db), "--format", "plover", "--out", str(tmp_path / "p.jsonl"))
    plover = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]
    assert len(plover) == events and any(p["event_type"] == "SANCTION" and p["source"]["code"] == "JPN"
                                         and p["target"]["code"] == "PRK" for p in plover)
    bad = run_cli("export", "--db", str(db), "--format", "jsonl", "--out", str(tmp_path / "no" / "such" / "r.jsonl"))
    assert bad.returncode == 1 and "C113" in bad.stderr


def test_timeline_plot_is_a_self_contained_svg_or_a_png(tmp_path):
    import xml.etree.ElementTree as ElementTree

    from communique.brief.chart import svg_timeline
    from communique.analyze import analyze_text
    with Store(tmp_path / "c.duckdb") as store:
        store.add([analyze_text("Japan imposed sanctions on North Korea.", "x", published="2024-05-02"),
                   analyze_text("North Korea condemned Japan.", "y", published="2024-05-20")])
    chart = tmp_path / "t.svg"
    result = run_cli("timeline", "JPN", "PRK", "--db", str(tmp_path / "c.duckdb"), "--plot", str(chart))
    assert result.returncode == 0, result.stderr
    svg = ElementTree.parse(chart).getroot()
    texts = {t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")}
    assert {"JPN->PRK", "PRK->JPN", "total"} <= texts and len(list(svg.iter("{http://www.w3.org/2000/svg}circle"))) >= 4
    hostile = svg_timeline(["<b>"], {"<script>alert(1)</script>": [1.0]}, "<img src=x onerror=alert(1)>")
    assert "<script" not in hostile and "<img" not in hostile and "&lt;script&gt;" in hostile
    png = tmp_path / "t.png"
    assert run_cli("timeline", "JPN", "PRK", "--db", str(tmp_path / "c.duckdb"), "--plot", str(png)).returncode == 0
    from PIL import Image

    from communique.brief.chart import COLOURS, HEIGHT, WIDTH
    with Image.open(png) as image:  # the same chart as the SVG, at twice its size, its series in their colours
        assert image.format == "PNG" and image.size == (2 * WIDTH, 2 * HEIGHT)
        colours = {colour for _, colour in image.convert("RGB").getcolors(maxcolors=1 << 16)}
    assert all(tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) in colours for c in COLOURS)
    assert run_cli("timeline", "JPN", "PRK", "--db", str(tmp_path / "c.duckdb"), "--plot",
                   str(tmp_path / "t.pdf")).returncode == 2


def _bare_record(doc_id: str, text: str) -> dict:
    import hashlib
    return {"schema": "communique/1", "document": {"id": doc_id, "text": text, "published": "2020-01-01",
                                                   "sha256": hashlib.sha256(text.encode()).hexdigest()},
            "actors": [], "events": [], "statements": []}


def near_copies(texts: list[str]) -> list[str]:
    """A syndicated or re-crawled copy of each text: a new footer, a headline tag, or the
    last paragraph cut, in turn."""
    copies = []
    for i, text in enumerate(texts):
        paragraphs = text.split("\n\n")
        if i % 3 == 0:
            copies.append(text + "\n\nShare this article. Follow us for more news. (c) 2020 Example Wire.")
        elif i % 3 == 1:
            copies.append("UPDATE: " + text.replace(" said ", " told reporters ", 1))
        else:
            copies.append("\n\n".join(paragraphs[:-1]) if len(paragraphs) > 2 else text + " Reporting by staff.")
    return copies


def test_near_duplicates_share_a_story_and_distinct_articles_do_not(tmp_path, db):
    import gzip
    corpus = shared_path("corpus/news/wikinews_2019_2020.jsonl.gz")
    texts = [json.loads(line)["text"] for line in gzip.open(corpus, "rt")][:60]
    with Store(db) as store:
        store.add([_bare_record(f"o{i}", t) for i, t in enumerate(texts)])
        store.add([_bare_record(f"c{i}", t) for i, t in enumerate(near_copies(texts))])
        rows = store.connection.execute("SELECT input_id, story FROM documents").fetchall()
    story = dict(rows)
    recall = sum(story[f"c{i}"] == story[f"o{i}"] for i in range(len(texts))) / len(texts)
    originals = [story[f"o{i}"] for i in range(len(texts))]
    assert recall >= 0.95 and len(set(originals)) == len(originals)  # no two articles merged


def test_syndicated_copies_count_once_per_story(tmp_path, db):
    from communique.analyze import analyze_text
    story = ("Japan imposed new sanctions on North Korea on Monday over its missile launches, the foreign "
             "ministry in Tokyo said. The measures freeze the assets of four trading companies and ban port "
             "calls by ships that visited North Korean ports, officials added.")
    with Store(db) as store:
        store.add([analyze_text(story, "wire", published="2024-05-06"),
                   analyze_text(story + " Follow us for more news.", "site", published="2024-05-06")])
        rows = store.events(source="JPN", target="PRK", code="16", aggregate=True)
    assert list(rows.mentions) == [1] and list(rows.articles) == [2]


def test_ingest_in_two_workers_stores_what_one_process_stores(tmp_path):
    records = [{"id": f"w{i}", "text": f"Japan imposed sanctions on North Korea {i} times, officials said in Tokyo.",
                "published": "2024-05-02"} for i in range(12)]
    source = batch(tmp_path / "in.jsonl", records)
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    assert run_cli("ingest", str(source), "--db", str(one), "--batch-size", "3").returncode == 0
    result = run_cli("ingest", str(source), "--db", str(two), "--batch-size", "3", "--workers", "2")
    assert result.returncode == 0 and "12 new, 0 already stored, 0 errors" in result.stderr
    with Store(one, read_only=True) as a, Store(two, read_only=True) as b:
        rows = "SELECT input_id, record FROM documents ORDER BY input_id"
        assert a.connection.execute(rows).fetchall() == b.connection.execute(rows).fetchall()


def test_gdelt_export_has_the_61_columns_in_order(tmp_path, db):
    from communique.store import GDELT_COLUMNS
    run_cli("ingest", str(batch(tmp_path / "in.jsonl")), "--db", str(db))
    assert run_cli("export", "--db", str(db), "--format", "gdelt", "--out", str(tmp_path / "g.tsv")).returncode == 0
    rows = [line.split("\t") for line in (tmp_path / "g.tsv").read_text().splitlines()]
    assert rows and all(len(row) == 61 == len(GDELT_COLUMNS) for row in rows)
    assert GDELT_COLUMNS[26] == "EventCode" and GDELT_COLUMNS[-1] == "SOURCEURL"
    by_name = [dict(zip(GDELT_COLUMNS, row)) for row in rows]
    sanction = next(r for r in by_name if r["Actor1Code"] == "JPN" and r["EventRootCode"] == "16")
    assert sanction["Actor2CountryCode"] == "PRK" and sanction["Day"] == "20240429" and sanction["QuadClass"] == "4"
    assert len({r["GlobalEventID"] for r in by_name}) == len(rows)


PAGE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p>"
        "<p>The statement was issued on Monday after a meeting of the cabinet in the capital.</p></article>"
        "</body></html>")
FEED = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>{items}</channel></rss>")
ITEM = ("<item><title>{title}</title><link>{link}</link><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate>"
        "<description>{summary}</description></item>")


@pytest.fixture()
def site(tmp_path):
    """A local web server on 127.0.0.1 (a free port) serving a feed, two pages and nothing else."""
    import http.server
    import threading

    pages = {"/one.html": PAGE.format(title="Japan sanctions North Korea",
                                      body="Japan imposed sanctions on North Korea over its missile tests."),
             "/two.html": PAGE.format(title="Kenya hosts talks",
                                      body="Kenya hosted peace talks between Ethiopia and Sudan in Nairobi.")}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server interface
            base = f"http://127.0.0.1:{self.server.server_port}"
            if self.path == "/feed.xml":
                items = "".join(ITEM.format(title=t, link=base + p, summary="A summary.")
                                for p, t in (("/one.html", "One"), ("/two.html", "Two"), ("/gone.html", "Gone")))
                body, kind = FEED.format(items=items).encode(), "application/rss+xml"
            elif self.path in pages:
                body, kind = pages[self.path].encode(), "text/html"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_ingest_a_feed_url_fetches_its_entries(tmp_path, site):
    db = tmp_path / "c.duckdb"
    result = run_cli("ingest", f"{site}/feed.xml", "--db", str(db))
    assert result.returncode == 0, result.stderr
    # the entry whose page is gone is read from the feed's summary, with a warning
    assert "3 new, 0 already stored, 0 errors" in result.stderr
    with Store(db, read_only=True) as store:
        docs = store.documents()
        assert set(docs.url) == {f"{site}/one.html", f"{site}/two.html", f"{site}/gone.html"}
        assert set(docs.published) == {"2024-05-06"}
        assert ("JPN", "PRK") in set(zip(store.events().source_code, store.events().target_code))
        gone = store.record(f"{site}/gone.html")
        assert any("summary" in w for w in gone["document"]["warnings"])
    again = run_cli("ingest", f"{site}/feed.xml", f"{site}/missing.html", "--db", str(db))
    assert "0 new, 3 already stored, 1 errors" in again.stderr and "C102" in again.stderr


def test_ingest_a_warc_archive(tmp_path):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    archive = tmp_path / "crawl.warc.gz"
    with open(archive, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for name, body in (("a", "Japan imposed sanctions on North Korea on Monday."),
                           ("b", "Kenya hosted peace talks between Ethiopia and Sudan.")):
            html = PAGE.format(title=f"Story {name}", body=body).encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.org/{name}", "response",
                                                          payload=BytesIO(html), http_headers=headers))
    db = tmp_path / "c.duckdb"
    result = run_cli("ingest", str(archive), "--db", str(db), "--published", "2024-05-06")
    assert result.returncode == 0 and "2 new, 0 already stored, 0 errors" in result.stderr
    with Store(db, read_only=True) as store:
        assert set(store.documents().url) == {"https://example.org/a", "https://example.org/b"}


def test_two_writers_on_overlapping_sources_store_each_document_once(tmp_path, postgres_server):
    import uuid

    psycopg = pytest.importorskip("psycopg")
    name = "t" + uuid.uuid4().hex[:16]
    with psycopg.connect(f"{postgres_server}/postgres", autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    db = f"{postgres_server}/{name}"
    records = [{"id": f"r{i}", "text": f"Japan imposed sanctions on North Korea over test number {i}.",
                "published": "2024-05-02"} for i in range(45)]
    first, second = batch(tmp_path / "a.jsonl", records[:30]), batch(tmp_path / "b.jsonl", records[15:])
    command = [str(Path(sys.executable).with_name("communique")), "ingest", "--db", db, "--batch-size", "3"]
    writers = [subprocess.Popen([*command, str(source)], stderr=subprocess.PIPE, text=True)
               for source in (first, second)]
    reports = [writer.communicate(timeout=600)[1] for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], reports
    with Store(db, read_only=True) as store:
        stored = store.documents()
        assert sorted(stored.input_id) == sorted(r["id"] for r in records) and stored.id.is_unique
        events = store.events()
        assert len(events) == len(events.drop_duplicates(subset=["doc", "id"])) == len(records)
    new = [int(report.strip().splitlines()[-1].split()[0]) for report in reports]
    assert sum(new) == len(records)  # what each says it stored adds up: nothing counted twice
