"""Briefs (communique-brief/1): every item cites its source, a quote is its cited span's text,
every number in an item's text occurs in what it cites (checked on the canonical article, the
shipped example and 100 articles of the shared news corpus); the writer's voice stays in its
own section; the HTML is self-contained and escapes hostile text."""
from __future__ import annotations

import gzip
import itertools
import json
import re
from html.parser import HTMLParser

import pytest

from communique.analyze import analyze_text
from communique.brief import brief_article, brief_window, integrity_problems, render_brief
from communique.brief.items import time_label
from communique.store import Store

from conftest import ROOT, run_cli, shared_path

EXAMPLE = ROOT / "examples" / "flash-readout.txt"


def problems_of(record: dict, brief: dict | None = None) -> list[str]:
    brief = brief or brief_article(record)
    names = tuple(a["name"] for a in record.get("actors", []))
    return integrity_problems(brief, {record["document"]["id"]: record["document"]["text"]}, names)


@pytest.fixture(scope="module")
def canonical() -> dict:
    text = shared_path("examples/putin-xi-call/article.txt").read_text(encoding="utf-8")
    return analyze_text(text, "putin-xi-call", published="2022-12-30")


def section(brief: dict, kind: str) -> list[dict]:
    return next((s["items"] for s in brief["sections"] if s.get("kind") == kind), [])


def test_canonical_brief_keeps_its_promises(canonical):
    brief = brief_article(canonical)
    assert brief["schema"] == "communique-brief/1" and problems_of(canonical, brief) == []
    text = canonical["document"]["text"]
    bottom = section(brief, "bottom_line")
    assert bottom and bottom[0]["text"].startswith("Vladimir Putin → Xi Jinping") and "video teleconference" in \
        bottom[0]["text"]
    quotes = [i for i in section(brief, "statements") if "quote" in i]
    assert any(i["quote"].startswith("demonstrates stability") and i["speaker"]["code"] == "RUSGOV" for i in quotes)
    for entry in quotes:  # verbatim, in quotation marks, and exactly its first cited span
        start, end = entry["citations"][0]["span"]
        assert text[start:end] == entry["quote"] and f"“{entry['quote']}”" in entry["text"]
    figures = {i["figure"]["written"]: i["figure"] for i in section(brief, "figures")}
    assert figures["200B USD"]["kind"] == "target" and figures["200B USD"]["value"] == 200e9
    assert figures["about 25%"]["approximate"] and figures["about 25%"]["stated_by"] == "Vladimir Putin"
    commitments = section(brief, "commitments")
    spring = [t for s in brief["sections"] for i in s["items"] for t in i.get("times", []) if t["text"] == "this Spring"]
    assert spring and spring[0]["label"] == "spring 2023"
    by_end_of_year = [t for i in commitments for t in i.get("times", []) if t["text"] == "the end of 2022"]
    assert by_end_of_year and by_end_of_year[0]["label"] == "31 December 2022"
    assert any("will continue to develop energy sector cooperation" in i["text"] for i in commitments)
    dates = [i["date"] for i in section(brief, "timeline")]
    assert dates == sorted(dates) and "2023" in dates


def test_the_writers_voice_is_kept_apart(canonical):
    brief = brief_article(canonical)
    assessment = " ".join(i["text"] for i in section(brief, "assessment"))
    assert "an apparent dig at the hegemony" in assessment and "All-in-all the call" in assessment
    reported = [i["text"] for s in brief["sections"] if s["kind"] != "assessment" for i in s["items"]]
    assert not any("apparent dig" in t or "All-in-all" in t or "Most interestingly" in t for t in reported)


def test_the_integrity_check_finds_what_breaks_the_contract(canonical):
    brief = json.loads(json.dumps(brief_article(canonical)))
    statements = section(brief, "statements")
    quoted = next(i for i in statements if "quote" in i)
    quoted["quote"] += " and more"
    statements[0]["text"] += " by 97 percent"
    section(brief, "figures")[0]["citations"] = []
    found = problems_of(canonical, brief)
    assert any("quote is not" in p for p in found) and any("number 97" in p for p in found)
    assert any("no citation" in p for p in found) and len(found) == 3


def test_time_labels():
    assert [time_label(v) for v in ("2023-SP", "2022-12-31", "2023", "2022-12-30TMO", "P11M", "P1Y", "2024-Q3",
                                    "PRESENT_REF")] == ["spring 2023", "31 December 2022", "2023",
                                                        "30 December 2022, morning", "11 months", "1 year",
                                                        "Q3 2024", None]


def news_records(n: int) -> list[dict]:
    path = shared_path("corpus/news/wikinews_2019_2020.jsonl.gz")
    lines = (json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8"))
    chosen = itertools.islice((r for r in lines if r.get("text", "").strip()), n)
    return [analyze_text(r["text"], str(r["id"]), published=r.get("date")) for r in chosen]


def test_every_brief_of_100_news_articles_and_the_example_passes_the_integrity_check():
    records = news_records(100) + [analyze_text(EXAMPLE.read_text(encoding="utf-8"), "example",
                                                published="2024-03-14")]
    items = 0
    for record in records:
        brief = brief_article(record)
        assert problems_of(record, brief) == [], record["document"]["id"]
        items += sum(len(s["items"]) for s in brief["sections"])
        for output_format in ("md", "html"):  # both renderings draw every brief
            assert brief["title"] in render_brief(brief, {record["document"]["id"]: record}, output_format)
    assert items > 500  # the briefs are not empty


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.handlers, self.links = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        self.links += [value for name, value in attrs if name in ("href", "src") and value]


HOSTILE = ("Russia and China held talks in Moscow on Monday. <script>alert('x')</script> "
           "Putin said <img src=x onerror=alert(1)> that trade grew 25%. "
           "<a href=\"javascript:alert(2)\">click</a> <svg onload=alert(3)><circle r=1 /></svg>")


def test_the_html_brief_is_self_contained_and_escapes_hostile_text():
    record = analyze_text(HOSTILE, "hostile", published="2024-01-08")
    page = render_brief(brief_article(record), {"hostile": record}, "html")
    tags = _Tags()
    tags.feed(page)
    assert "script" not in tags.tags and "img" not in tags.tags and tags.handlers == []
    assert set(tags.tags) & {"link", "iframe", "object", "embed"} == set()
    assert all(link.startswith("#") for link in tags.links)  # citations only: nothing fetched, nowhere else
    assert "&lt;script&gt;" in page and "Content-Security-Policy" in page and "default-src 'none'" in page


def test_brief_cli_formats_and_usage(tmp_path):
    result = run_cli("brief", str(EXAMPLE), "--published", "2024-03-14", "--format", "json")
    assert result.returncode == 0, result.stderr
    brief = json.loads(result.stdout)
    assert brief["schema"] == "communique-brief/1" and brief["sources"][0]["published"] == "2024-03-14"
    markdown = run_cli("brief", str(EXAMPLE), "--published", "2024-03-14").stdout
    footnotes = re.findall(r"^\[\^(\d+)\]: ", markdown, flags=re.MULTILINE)
    assert footnotes and all(f"[^{n}]" in markdown.split("## Sources")[0] for n in footnotes)
    page = tmp_path / "b.html"
    assert run_cli("brief", str(EXAMPLE), "--format", "html", "--out", str(page)).returncode == 0
    assert page.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert run_cli("brief", str(EXAMPLE), "--dyad", "JPN:AUS").returncode == 2
    missing = run_cli("brief", str(tmp_path / "absent.txt"))
    assert missing.returncode == 1 and "absent.txt" in missing.stderr


WIRE = ("Japan imposed new sanctions on North Korea on Monday. Japanese Foreign Minister Yoko Kamikawa said "
        "\u201cwe will not tolerate further missile launches\u201d, adding that Tokyo would freeze 12 accounts.")


def test_window_brief_compares_windows_and_merges_syndicated_statements(tmp_path, db):
    with Store(db) as store:
        store.add([analyze_text("North Korea condemned Japan on Tuesday.", "old", published="2024-05-01"),
                   analyze_text("Japan will hold talks with North Korea in 2025.", "later", published="2024-05-02"),
                   analyze_text(WIRE, "wire", published="2024-05-13"),
                   analyze_text(WIRE + "\n\nReporting by the agency's Tokyo bureau.", "copy", published="2024-05-13"),
                   analyze_text("Japan and North Korea held talks in Beijing.", "talks", published="2024-05-12")])
        brief, records = brief_window(store, dyad=("JPN", "PRK"), until="2024-05-13")
        assert brief_window(store, dyad=("JPN", "PRK"))[0]["window"]["until"] == "2024-05-13"  # "2025" is no day
    texts = {doc: r["document"]["text"] for doc, r in records.items()}
    names = tuple(a["name"] for r in records.values() for a in r["actors"])
    assert integrity_problems(brief, texts, names) == []
    assert brief["window"] == {"since": "2024-05-07", "until": "2024-05-13"}
    changes = {i["text"]: i["change"] for i in section(brief, "changes")}
    assert changes["JPN → PRK"]["events"] >= 2 and changes["PRK → JPN"]["previous_events"] == 1
    quoted = [i for i in section(brief, "statements") if "quote" in i]
    assert len(quoted) == 1 and quoted[0]["copies"] == 2 and len(quoted[0]["citations"]) == 2
    assert any(i["figure"]["written"] == "12 accounts" or i["figure"]["value"] == 12 for i in section(brief, "figures"))
    chart = next(s for s in brief["sections"] if s["kind"] == "changes")["chart"]
    assert len(chart["periods"]) == 14 and sum(chart["series"]["total"]) >= 3
    cli = run_cli("brief", "--db", db, "--dyad", "JPN:PRK", "--until", "2024-05-13", "--format", "html")
    assert cli.returncode == 0 and "<svg" in cli.stdout and "Corpus brief: JPN:PRK" in cli.stdout


HIGHLIGHT = (255, 211, 61)  # the followed passage's background (brief/html.py)


def test_a_reader_follows_a_citation_to_its_highlighted_passage(canonical, tmp_path):
    import io
    import os

    from PIL import Image
    from selenium.webdriver.common.by import By

    from browser import chromium, save_artifact

    page = tmp_path / "brief.html"
    page.write_text(render_brief(brief_article(canonical), {"putin-xi-call": canonical}, "html"), encoding="utf-8")
    with chromium() as browser:
        browser.get(page.as_uri())
        top = browser.get_screenshot_as_png()
        before = Image.open(io.BytesIO(top)).convert("RGB")
        assert HIGHLIGHT not in {c for _, c in before.getcolors(1 << 20)}  # nothing is highlighted yet
        link = browser.find_element(By.CSS_SELECTOR, "#statements sup a")
        number = link.get_attribute("href").rsplit("#p", 1)[1]
        link.click()
        shot = browser.get_screenshot_as_png()
        passage = browser.find_elements(By.CSS_SELECTOR, f".p{number}")
        assert passage and browser.current_url.endswith(f"#p{number}")
        assert "".join(p.text for p in passage).replace("\n", " ").strip() in canonical["document"]["text"]
        assert passage[0].value_of_css_property("background-color") in ("rgb(255, 211, 61)", "rgba(255, 211, 61, 1)")
        y = browser.execute_script("return arguments[0].getBoundingClientRect().top", passage[0])
        assert 0 <= y < browser.execute_script("return window.innerHeight")  # scrolled to where it is seen
        legend = browser.find_element(By.CSS_SELECTOR, ".legend").text
        assert all(word in legend for word in ("actor", "statement", "event", "figure", "time", "writer"))
    after = Image.open(io.BytesIO(shot)).convert("RGB")
    assert sum(n for n, c in after.getcolors(1 << 20) if c == HIGHLIGHT) > 2000  # the passage, visibly marked
    save_artifact(top, "brief.png")
    save_artifact(shot, "brief-citation-followed.png")
    if os.environ.get("COMMUNIQUE_UPDATE_DOCS"):  # the rendered example the README shows
        (ROOT / "docs" / "brief-putin-xi-call.png").write_bytes(top)
        (ROOT / "docs" / "brief-putin-xi-call-passage.png").write_bytes(shot)


def test_nothing_in_a_hostile_article_runs_in_the_browser(tmp_path):
    from selenium.common.exceptions import NoAlertPresentException

    from browser import chromium

    record = analyze_text(HOSTILE, "hostile", published="2024-01-08")
    page = tmp_path / "hostile.html"
    page.write_text(render_brief(brief_article(record), {"hostile": record}, "html"), encoding="utf-8")
    with chromium() as browser:
        browser.get(page.as_uri())
        with pytest.raises(NoAlertPresentException):
            browser.switch_to.alert.text
        assert "<script>alert('x')</script>" in browser.find_element("css selector", ".text").text
        assert browser.find_elements("css selector", ".text img, .text svg, .text a") == []
