"""The web app as a person and a program use it: `communique serve` started for real on a
free loopback port with a temporary store, driven by headless Chromium (Debian's chromium
and chromium-driver, through Selenium) and probed by schemathesis from its /openapi.json.
Screenshots of each page are kept as artifacts (COMMUNIQUE_ARTIFACTS)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from communique.store.throwaway import free_port

from conftest import ROOT, SHARED, run_cli

TOKEN = "live-test-token"
EXAMPLE = ROOT / "examples" / "flash-readout.txt"
CANONICAL = SHARED / "examples" / "putin-xi-call" / "article.txt"
STATEMENT_BLUE = (221, 244, 255)  # .statement (brief/html.py STYLE)
FOLLOWED = (255, 211, 61)  # the followed passage


def colour(element) -> tuple[int, ...]:
    """An element's background colour as (r, g, b), whichever way the browser writes it."""
    import re

    return tuple(int(n) for n in re.findall(r"\d+", element.value_of_css_property("background-color"))[:3])


def get(url: str, headers: dict | None = None, data: bytes | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A running server over a store holding the shipped example (and the canonical
    article, when ../shared is there); stopped with Ctrl-C's signal afterwards."""
    folder = tmp_path_factory.mktemp("live")
    db = folder / "live.duckdb"
    assert run_cli("ingest", str(EXAMPLE), "--published", "2024-03-14", "--db", str(db)).returncode == 0
    if CANONICAL.is_file():
        assert run_cli("ingest", str(CANONICAL), "--published", "2022-12-30", "--db", str(db)).returncode == 0
    port = free_port()
    log = open(folder / "server.log", "w")
    process = subprocess.Popen([str(Path(sys.executable).with_name("communique")), "serve", "--db", str(db),
                                "--port", str(port)], env={**os.environ, "COMMUNIQUE_TOKEN": TOKEN},
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if get(f"{base}/api/health")[0] == 200:
                break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail(f"the server did not start: {(folder / 'server.log').read_text()}")
    yield base
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0
    log.close()


def wait_for(browser, css: str, text: str = ""):
    """The first element matching `css` (holding `text`) once the page shows it: a click that
    sends a form returns before the next page is there."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def found(driver):
        return next((e for e in driver.find_elements(By.CSS_SELECTOR, css) if text in e.text), False)

    return WebDriverWait(browser, 90, poll_frequency=0.2).until(found)


def shoot(browser, name: str, docs: bool = False) -> None:
    from browser import save_artifact

    png = browser.get_screenshot_as_png()
    save_artifact(png, f"web-{name}.png")
    if docs and os.environ.get("COMMUNIQUE_UPDATE_DOCS"):
        (ROOT / "docs" / f"web-{name}.png").write_bytes(png)


def test_an_analyst_goes_from_an_article_to_a_cited_passage(server):
    from selenium.webdriver.common.by import By

    from browser import chromium

    if not CANONICAL.is_file():
        pytest.skip(f"{CANONICAL} is absent: this walk-through uses the canonical article")
    with chromium(1280, 1000) as browser:
        browser.get(server + "/")
        shoot(browser, "analyze-form")
        browser.find_element(By.ID, "text").send_keys(CANONICAL.read_text(encoding="utf-8"))
        browser.find_element(By.ID, "published").send_keys("2022-12-30")
        browser.find_element(By.ID, "submit").click()
        wait_for(browser, "#annotated")
        statements = browser.find_elements(By.CSS_SELECTOR, "#annotated .statement")
        assert len(statements) >= 10 and colour(statements[0]) == STATEMENT_BLUE
        assert "demonstrates stability" in browser.find_element(By.ID, "annotated").text
        shoot(browser, "analyzed", docs=True)

        browser.find_element(By.CSS_SELECTOR, "a.actor-link[href='/actor/RUSGOV']").click()
        wait_for(browser, "h1", "Actor RUSGOV")
        shoot(browser, "actor")
        browser.find_element(By.CSS_SELECTOR, "#counterparts a[href^='/dyad/RUSGOV/CHN']").click()
        chart = wait_for(browser, "figure.chart svg")
        assert chart.is_displayed() and chart.size["width"] > 300
        assert "events per week" in browser.find_element(By.CSS_SELECTOR, "figure.chart").text
        shoot(browser, "dyad", docs=True)

        browser.find_element(By.ID, "brief-link").click()
        wait_for(browser, "h1", "Corpus brief")
        shoot(browser, "brief")
        link = browser.find_element(By.CSS_SELECTOR, "#statements sup a")
        name = link.get_attribute("href").rsplit("#", 1)[1]
        link.click()
        passage = browser.find_elements(By.CSS_SELECTOR, f".{name}")
        assert passage and colour(passage[0]) == FOLLOWED
        y = browser.execute_script("return arguments[0].getBoundingClientRect().top", passage[0])
        assert 0 <= y < browser.execute_script("return window.innerHeight")
        shoot(browser, "brief-passage", docs=True)


def test_nothing_a_hostile_page_carries_runs_in_the_browser(server):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By

    from browser import chromium
    from test_web import HOSTILE_HTML

    status, body = get(f"{server}/api/documents", {"Authorization": f"Bearer {TOKEN}",
                                                   "Content-Type": "application/json"},
                       json.dumps({"id": "hostile", "html": HOSTILE_HTML, "published": "2024-01-08"}).encode())
    assert status == 201, body
    doc = json.loads(body)["id"]
    with chromium() as browser:
        for path in (f"/documents/{doc}", f"/brief?doc={doc}", f"/api/brief?doc={doc}&format=html"):
            browser.get(server + path)
            assert browser.title != "pwned", path
            with pytest.raises(NoAlertPresentException):
                browser.switch_to.alert.text
            assert browser.find_elements(By.CSS_SELECTOR, ".text img, .text svg, .text script, a[href^='javascript']") \
                == [], path
        browser.get(server + "/")
        browser.find_element(By.ID, "text").send_keys(HOSTILE_HTML)
        browser.find_element(By.ID, "submit").click()
        assert "document.title='pwned'" in wait_for(browser, "#annotated").text and browser.title != "pwned"
        shoot(browser, "hostile")


def test_every_endpoint_answers_within_its_schema_and_never_500(server):
    """schemathesis generates requests from /openapi.json, a bounded number per endpoint, and
    checks each response: no 500, a documented status and content type, a body that matches
    its schema. (Not whether every schema-valid article is accepted: an article of symbols
    only is valid JSON for the schema and still has no text to analyse, C105.)"""
    from hypothesis import given
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                                   status_code_conformance)

    checks = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

    schema = schemathesis.openapi.from_url(f"{server}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {f"{o.method.upper()} {o.path}" for o in operations} >= {
        "POST /api/analyze", "POST /api/documents", "GET /api/documents", "GET /api/documents/{doc_id}",
        "GET /api/events", "GET /api/statements", "GET /api/timeline", "GET /api/brief", "GET /api/health"}
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=12, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def probe(case):
            # Writes carry the token (a 401 is documented, but nothing past it would be probed).
            case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=checks, timeout=120)

        probe()
