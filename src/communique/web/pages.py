"""The web app's pages, rendered on the server (Jinja2, autoescaped), with no script: Analyze,
Documents, Document, Actor, Dyad, Brief, the API's documentation, and the token form."""
from __future__ import annotations

import base64
import json
from typing import Optional

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from ..brief import brief_article, brief_window
from ..brief.chart import svg_timeline
from ..brief.html import STYLE, annotated_text, brief_body, focus_css, legend
from ..errors import CommuniqueError
from ..ingest.html import looks_like_html
from .api import Article, Refused, analyse, day, dyad_pair, rows
from .app import COOKIE, HERE

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(HERE / "templates"))
PAGE_SIZE = 25
WEB_STYLE = """
nav{display:flex;gap:1.2rem;align-items:baseline;border-bottom:1px solid #d0d7de;padding:.6rem 0;margin-bottom:1rem}
nav strong{margin-right:1rem}nav a{color:#0969da;text-decoration:none}
form.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;margin:1rem 0}
form.filters label{display:flex;flex-direction:column;font-size:.85rem;color:#57606a}
input,textarea,select,button{font:inherit}textarea{width:100%;min-height:12rem}
button{background:#1f883d;color:#fff;border:0;border-radius:6px;padding:.4rem 1rem;cursor:pointer}
.error{background:#ffebe9;border:1px solid #cf222e;padding:.6rem 1rem}.muted{color:#57606a}
.pager{display:flex;gap:1rem;margin:1rem 0}pre.json{max-height:24rem;overflow:auto;background:#f6f8fa;padding:1rem}
"""


def _core(request: Request):
    return request.app.state.core


def _page(request: Request, template: str, title: str, status: int = 200, page_css: str = "", **context):
    return templates.TemplateResponse(request, template, {"title": title, "page_css": page_css, **context},
                                      status_code=status)


def _guarded(request: Request):
    """The page's core, or a page asking for the token when reads are private."""
    core = _core(request)
    if core.private_reads and not core.authorised(request):
        return None
    return core


def _login_needed(request: Request):
    return _page(request, "login.html", "Token needed", status=401, next=request.url.path)


@router.get("/static/style.css")
def style() -> Response:
    return Response(STYLE + WEB_STYLE, media_type="text/css", headers={"cache-control": "max-age=3600"})


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    if _guarded(request) is None:
        return _login_needed(request)
    return _page(request, "analyze.html", "Analyze")


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_page(request: Request, text: str = Form(""), published: str = Form(""),
                       file: Optional[UploadFile] = File(None)):
    core = _guarded(request)
    if core is None:
        return _login_needed(request)
    body, name = text, "pasted text"
    if file is not None and file.filename:
        raw = await file.read(core.config.max_bytes + 1)
        body, name = raw.decode("utf-8", errors="replace"), file.filename
    html = looks_like_html(body)  # as `analyze` tells a saved page from text
    article = Article(id=name[:200], published=published or None, **({"html": body} if html else {"text": body}))
    try:
        from starlette.concurrency import run_in_threadpool

        record = await run_in_threadpool(analyse, core, article)
    except Refused as refused:
        return _page(request, "analyze.html", "Analyze", status=422, error=refused.body["error"], text=text)
    except CommuniqueError as error:
        return _page(request, "analyze.html", "Analyze", status=422, error=error.message, text=text)
    return _document_page(request, record, record["document"]["id"], analysed=True)


def _document_page(request: Request, record: dict, doc: str, analysed: bool = False):
    """The annotated document, each event's and statement's passage an anchor."""
    anchors = {tuple(e["evidence"]): f"s{e['evidence'][0]}-{e['evidence'][1]}" for e in record.get("events", [])}
    anchors.update({tuple(s["span"]): f"s{s['span'][0]}-{s['span'][1]}" for s in record.get("statements", [])})
    actors = {a["id"]: a for a in record.get("actors", [])}
    text = record["document"]["text"]
    events = [{**e, "source_actor": actors.get(e.get("source")), "target_actor": actors.get(e.get("target")),
               "passage": text[e["evidence"][0]:e["evidence"][1]], "anchor": anchors[tuple(e["evidence"])]}
              for e in record.get("events", [])]
    statements = [{**s, "speaker_actor": actors.get(s.get("speaker")), "said": text[s["content"][0]:s["content"][1]],
                   "anchor": anchors[tuple(s["span"])]} for s in record.get("statements", [])]
    brief, css = brief_body(brief_article(record, doc), {doc: record}) if analysed else (None, "")
    download = base64.b64encode(json.dumps(record, ensure_ascii=False, indent=2).encode()).decode()
    return _page(request, "document.html", record["document"].get("title") or doc,
                 page_css=focus_css(anchors.values()) + css, record=record, doc=doc, analysed=analysed,
                 annotated=annotated_text(record, anchors), legend=legend(), events=events, statements=statements,
                 actors=record.get("actors", []), brief=brief, download=download)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, q: str = Query("", max_length=1000), actor: str = Query("", max_length=64),
                   since: str = Query("", max_length=32), until: str = Query("", max_length=32),
                   page: int = Query(1, ge=1, le=100_000)):
    core = _guarded(request)
    if core is None:
        return _login_needed(request)
    try:
        with core.store_lock:
            frame = core.store().documents(q=q or None, actor=actor or None, since=day(since, "since"),
                                           until=day(until, "until"), limit=PAGE_SIZE + 1,
                                           offset=(page - 1) * PAGE_SIZE)
        error = None
    except CommuniqueError as exc:
        frame, error = None, exc.message
    found = rows(frame) if frame is not None else []
    return _page(request, "documents.html", "Documents", status=422 if error else 200, error=error,
                 documents=found[:PAGE_SIZE], more=len(found) > PAGE_SIZE, page=page,
                 filters={"q": q, "actor": actor, "since": since, "until": until})


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str):
    core = _guarded(request)
    if core is None:
        return _login_needed(request)
    try:
        with core.store_lock:
            record = core.store().record(doc_id)
    except CommuniqueError as exc:
        return _page(request, "message.html", "Not found", status=404, message=exc.message)
    return _document_page(request, record, doc_id)


def _weekly(frame, title: str) -> str | None:
    """A chart of the frame's events per week (from their dates)."""
    import pandas as pd

    days = pd.to_datetime(frame.date.str[:10], errors="coerce", format="%Y-%m-%d").dropna()
    if days.empty:
        return None
    weeks = days.dt.to_period("W").dt.start_time.value_counts().sort_index()
    weeks = weeks.reindex(pd.date_range(weeks.index.min(), weeks.index.max(), freq="7D"), fill_value=0)
    return svg_timeline([str(w)[:10] for w in weeks.index], {"events": [float(v) for v in weeks.values]}, title)


@router.get("/actor/{code}", response_class=HTMLResponse)
def actor_page(request: Request, code: str):
    core = _guarded(request)
    if core is None:
        return _login_needed(request)
    code = code.upper()[:64]
    with core.store_lock:
        events = core.store().events(actor=code)
        said = core.store().statements(speaker=code, limit=200)
    counterparts = []
    if len(events):
        other = events.target_code.where(events.source_code.fillna("").str.startswith(code), events.source_code)
        grouped = events.assign(other=other.fillna("?")).groupby("other")
        counterparts = sorted(({"code": name, "events": len(group), "goldstein": round(float(group.goldstein.mean()), 1)
                                if group.goldstein.notna().any() else None} for name, group in grouped),
                              key=lambda row: -row["events"])
    return _page(request, "actor.html", f"Actor {code}", code=code, counterparts=counterparts,
                 statements=rows(said), events=rows(events.tail(100)) if len(events) else [],
                 chart=_weekly(events, f"{code}: events per week") if len(events) else None)


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, a: str, b: str, since: str = Query("", max_length=32),
              until: str = Query("", max_length=32)):
    core = _guarded(request)
    if core is None:
        return _login_needed(request)
    a, b = a.upper()[:64], b.upper()[:64]
    try:
        window = day(since, "since"), day(until, "until")
    except CommuniqueError as exc:
        return _page(request, "message.html", "Invalid request", status=422, message=exc.message)
    with core.store_lock:
        store = core.store()
        events = store.events(dyad=(a, b), since=window[0], until=window[1])
        counts = store.timeline(a, b, "week", "count", *window)
        tone = store.timeline(a, b, "week", "goldstein", *window)
        docs = set(events.doc)
        said = [s for code in (a, b) for s in rows(store.statements(speaker=code, since=window[0], until=window[1]))
                if s["doc"] in docs]
    charts = []
    for frame, title in ((counts, f"{a} and {b}: events per week"), (tone, f"{a} and {b}: mean Goldstein per week")):
        if len(frame):
            series = {name: [None if v != v else float(v) for v in frame[name]] for name in frame.columns[1:]}
            charts.append(svg_timeline([str(p)[:10] for p in frame.period], series, title))
    return _page(request, "dyad.html", f"{a} and {b}", a=a, b=b, charts=charts, events=rows(events),
                 statements=said, since=since, until=until)


@router.get("/brief", response_class=HTMLResponse)
def brief_page(request: Request, dyad: str = Query("", max_length=130), actor: str = Query("", max_length=64),
               since: str = Query("", max_length=32), until: str = Query("", max_length=32),
               doc: str = Query("", max_length=200)):
    core = _guarded(request)
    if core is None:
        return _login_needed(request)
    form = {"dyad": dyad, "actor": actor, "since": since, "until": until}
    try:
        with core.store_lock:
            if doc:
                record = core.store().record(doc)
                brief, records = brief_article(record, doc), {doc: record}
            else:
                brief, records = brief_window(core.store(), tuple(a for a in actor.split(",") if a),
                                              dyad_pair(dyad), day(since, "since"), day(until, "until"))
    except CommuniqueError as exc:
        return _page(request, "brief.html", "Brief", status=422, error=exc.message, form=form)
    body, css = brief_body(brief, records)
    return _page(request, "brief.html", brief["title"], page_css=css, brief=brief, body=body, form=form)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """The API's documentation, drawn here from its OpenAPI schema (FastAPI's own page
    loads its script from a CDN)."""
    schema = request.app.openapi()
    endpoints = [{"method": method.upper(), "path": path, **operation}
                 for path, methods in schema["paths"].items() for method, operation in methods.items()]
    return _page(request, "docs.html", "API", endpoints=endpoints, version=schema["info"]["version"])


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = Query("/", max_length=300)):
    return _page(request, "login.html", "Token", next=next)


@router.post("/login")
def login(request: Request, token: str = Form(..., max_length=500), next: str = Form("/", max_length=300)):
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response
