"""The REST API and the pages, in process (FastAPI's TestClient): the CLI's queries over
HTTP, writes behind the token, the coded error shape, 413 over the body limit, security
headers, and hostile source text escaped on every page that shows it."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from communique.settings import Config

from conftest import ROOT, run_cli

EXAMPLE = (ROOT / "examples" / "flash-readout.txt").read_text(encoding="utf-8")
TOKEN = "test-token-1234"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
HOSTILE_HTML = ("<html><head><title>Talks <script>document.title='pwned'</script></title></head><body>"
                "<p>Russia and China held talks in Moscow on Monday, officials said.</p>"
                "<p>Putin said <img src=x onerror=\"document.title='pwned'\"> that trade grew 25% this year.</p>"
                "<p><a href=\"javascript:document.title='pwned'\">more</a> <svg onload=\"document.title='pwned'\">"
                "<circle r='1'/></svg> &lt;script&gt;document.title='pwned'&lt;/script&gt;</p></body></html>")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from communique.web import create_app

    db = tmp_path_factory.mktemp("web") / "c.duckdb"
    app = create_app(Config(db=str(db), max_bytes=200_000), token=TOKEN)
    with TestClient(app) as test_client:
        stored = test_client.post("/api/documents", json={"id": "example", "text": EXAMPLE, "published": "2024-03-14"},
                                  headers=AUTH)
        assert stored.status_code == 201, stored.text
        test_client.doc_id = stored.json()["id"]
        yield test_client


def error_shape(response, status: int, code: str) -> dict:
    body = response.json()
    assert response.status_code == status and set(body) == {"id", "error", "code"}, (response.status_code, body)
    assert body["code"] == code and body["error"].startswith(f"[{code}] ")
    return body


def test_writes_need_the_token_and_storing_twice_adds_nothing(client):
    article = {"text": EXAMPLE, "published": "2024-03-14"}
    error_shape(client.post("/api/documents", json=article), 401, "C401")
    error_shape(client.post("/api/documents", json=article, headers={"Authorization": "Bearer wrong"}), 401, "C401")
    again = client.post("/api/documents", json=article, headers=AUTH)
    assert again.status_code == 201 and again.json() == {"id": client.doc_id, "new": False}
    assert client.get("/api/health").json()["documents"] == 1


def test_analyze_returns_the_record_analyze_gives_and_stores_nothing(client):
    import json

    from communique.analyze import analyze_jsonl

    article = {"id": "x", "text": EXAMPLE, "published": "2024-03-14"}
    record = client.post("/api/analyze", json=article).json()
    assert record == next(analyze_jsonl([json.dumps(article)], Config()))  # what `analyze --jsonl` writes
    assert client.get("/api/health").json()["documents"] == 1
    error_shape(client.post("/api/analyze", json={"id": "x"}), 422, "C108")
    error_shape(client.post("/api/analyze", json={"text": "x", "published": "soon"}), 422, "C110")
    error_shape(client.post("/api/analyze", json={"text": "x", "colour": "red"}), 422, "C422")


def test_queries_take_the_clis_options(client):
    events = client.get("/api/events", params={"dyad": "AUS:JPN"}).json()
    assert events and all({e["source_code"][:3], e["target_code"][:3]} == {"JPN", "AUS"} for e in events)
    text = client.get(f"/api/documents/{client.doc_id}").json()["document"]["text"]
    assert all(text[e["span_start"]:e["span_end"]] == e["evidence"] for e in events)  # traced to the text
    assert client.get("/api/events", params={"code": "04", "source": "JPN"}).json()[0]["cameo"].startswith("04")
    assert client.get("/api/events", params={"dyad": "JPN:AUS", "aggregate": True}).json()[0]["mentions"] >= 1
    said = client.get("/api/statements", params={"speaker": "AUS"}).json()
    assert said and all(s["speaker_code"].startswith("AUS") for s in said)
    assert client.get("/api/timeline", params={"a": "JPN", "b": "AUS", "by": "month"}).json()[0]["total"] >= 2
    pages = [client.get("/api/statements", params={"limit": 2, "offset": n}).json() for n in (0, 2)]
    assert len(pages[0]) == 2 and pages[0] != pages[1]
    assert client.get("/api/documents", params={"actor": "AUS"}).json()[0]["id"] == client.doc_id
    assert client.get("/api/documents", params={"q": "no such words anywhere"}).json() == []
    error_shape(client.get("/api/documents/nope"), 404, "C304")
    error_shape(client.get("/api/events", params={"dyad": "JPN"}), 422, "C422")
    error_shape(client.get("/api/events", params={"since": "yesterday"}), 422, "C110")
    error_shape(client.get("/api/nowhere"), 404, "C404")
    error_shape(client.delete("/api/events"), 405, "C405")


def test_brief_in_three_formats(client):
    brief = client.get("/api/brief", params={"dyad": "JPN:AUS"}).json()
    assert brief["schema"] == "communique-brief/1" and brief["sources"][0]["doc"] == client.doc_id
    assert client.get("/api/brief", params={"doc": client.doc_id, "format": "md"}).text.startswith("# Flash brief")
    page = client.get("/api/brief", params={"dyad": "JPN:AUS", "format": "html"})
    assert page.headers["content-type"].startswith("text/html") and "<svg" in page.text


def test_a_body_over_the_limit_is_413_before_it_is_read(client):
    error_shape(client.post("/api/analyze", content=b"x" * 300_000, headers={"content-type": "application/json"}),
                413, "C413")

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(30):
            yield b"y" * 10_000

    error_shape(client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"}),
                413, "C413")


def test_every_response_carries_the_security_headers(client):
    for response in (client.get("/"), client.get("/api/health"), client.get("/api/nowhere")):
        policy = response.headers["content-security-policy"]
        assert "script-src 'none'" in policy and "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
        assert response.headers["x-content-type-options"] == "nosniff"


class Markup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.handlers, self.links, self.styles = 0, [], [], []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        self.links += [value for name, value in attrs if name in ("href", "src", "action") and value]
        self.styles += [dict(attrs).get("nonce")] if tag == "style" else []


def test_hostile_pages_are_shown_as_text_on_every_page(client):
    stored = client.post("/api/documents", json={"id": "hostile", "html": HOSTILE_HTML, "published": "2024-01-08"},
                         headers=AUTH).json()
    views = [client.get(f"/documents/{stored['id']}"), client.post("/analyze", data={"text": HOSTILE_HTML}),
             client.get("/api/brief", params={"doc": stored["id"], "format": "html"}),
             client.get("/documents", params={"q": "talks"}), client.get("/actor/RUS"), client.get("/dyad/RUS/CHN")]
    for view in views:
        assert view.status_code == 200, view.text[:300]
        markup = Markup()
        markup.feed(view.text)
        assert markup.scripts == 0 and markup.handlers == [], view.url
        assert not [link for link in markup.links if link.lower().startswith("javascript:")], view.url
        nonce = re.search(r"'nonce-([^']+)'", view.headers["content-security-policy"]).group(1)
        assert all(n == nonce for n in markup.styles if n is not None)  # only our own style runs
    assert "&lt;script&gt;document.title" in views[0].text


def test_pages_answer(client):
    for path, expected in (("/", "Analyze an article"), ("/documents", "Japan and Australia"),
                           (f"/documents/{client.doc_id}", 'class="legend"'), ("/actor/JPN", "AUS"),
                           ("/dyad/JPN/AUS", "<svg"), ("/brief?dyad=JPN:AUS", "What changed"),
                           ("/docs", "/api/events")):
        page = client.get(path)
        assert page.status_code == 200 and expected in page.text, path
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/documents", params={"since": "nope"}).status_code == 422


def test_the_documents_page_pages(tmp_path):
    from fastapi.testclient import TestClient

    from communique.web import create_app
    from communique.web.pages import PAGE_SIZE

    with TestClient(create_app(Config(db=str(tmp_path / "p.duckdb")), token=TOKEN)) as paged:
        for n in range(PAGE_SIZE + 2):
            assert paged.post("/api/documents", json={"text": f"Japan imposed sanctions on North Korea, round {n}.",
                                                      "published": f"2024-05-{n % 28 + 1:02d}"},
                              headers=AUTH).status_code == 201
        first, second = paged.get("/documents"), paged.get("/documents", params={"page": 2})
        links = [re.findall(r'<tr><td><a href="/documents/(d[0-9a-f]+)"', page.text) for page in (first, second)]
        assert len(links[0]) == PAGE_SIZE and len(links[1]) == 2 and not set(links[0]) & set(links[1])
        assert 'id="next"' in first.text and 'id="previous"' in second.text and 'id="next"' not in second.text


def test_private_reads_need_the_token_too(tmp_path):
    from fastapi.testclient import TestClient

    from communique.web import create_app

    app = create_app(Config(db=str(tmp_path / "p.duckdb")), token=TOKEN, private_reads=True)
    with TestClient(app) as private:
        error_shape(private.get("/api/events"), 401, "C401")
        assert private.get("/api/events", headers=AUTH).status_code == 200
        assert private.get("/documents").status_code == 401
        login = private.post("/login", data={"token": TOKEN, "next": "/documents"}, follow_redirects=False)
        assert login.status_code == 303 and login.headers["location"] == "/documents"
        assert private.get("/documents").status_code == 200  # the cookie the form set


def test_serve_refuses_bad_options():
    result = run_cli("serve", "--port", "70000")
    assert result.returncode == 2
    result = run_cli("serve", "--max-bytes", "0")
    assert result.returncode == 1 and "C202" in result.stderr


def test_the_api_serves_either_backend(db):
    from fastapi.testclient import TestClient

    from communique.web import create_app

    with TestClient(create_app(Config(db=db), token=TOKEN)) as either:
        stored = either.post("/api/documents", json={"text": EXAMPLE, "published": "2024-03-14"}, headers=AUTH)
        assert stored.status_code == 201
        events = either.get("/api/events", params={"dyad": "JPN:AUS"}).json()
        assert events and events[0]["doc"] == stored.json()["id"]
        assert either.get("/api/timeline", params={"a": "JPN", "b": "AUS", "by": "month"}).json()[0]["total"] >= 2
        assert "What changed" in either.get("/brief", params={"dyad": "JPN:AUS"}).text
