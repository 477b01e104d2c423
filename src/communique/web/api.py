"""The REST API: the CLI's commands over HTTP, with the CLI's options as query parameters
and the project's coded error shape. Documented by its OpenAPI schema (/openapi.json)."""
from __future__ import annotations

import json
from typing import Any, Literal, Optional

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, PlainTextResponse
from pydantic import BaseModel, ConfigDict, Field

from .. import __version__
from ..errors import CommuniqueError, error_object
from ..ingest import parse_published

router = APIRouter(prefix="/api", tags=["api"])


class ErrorBody(BaseModel):
    """The project's one error shape: what was asked, the coded message, the code."""
    id: str
    error: str = Field(pattern=r"^\[[CW][0-9]{3}\] ")
    code: str = Field(pattern=r"^C[0-9]{3}$")


class Article(BaseModel):
    """An article to analyse: its text or its HTML, and what is known of it (the fields of
    a JSONL batch record)."""
    model_config = ConfigDict(extra="forbid",
                              json_schema_extra={"anyOf": [{"required": ["text"]}, {"required": ["html"]}]})
    id: Optional[str] = Field(None, max_length=1000)
    text: Optional[str] = Field(None, pattern=r"\S", description="The article's text (or give html).")
    html: Optional[str] = Field(None, pattern=r"\S", description="The article's HTML (or give text).")
    published: Optional[str] = Field(None, description="YYYY-MM-DD or an ISO timestamp")
    title: Optional[str] = None
    url: Optional[str] = None
    author: Optional[str] = None


class Stored(BaseModel):
    id: str = Field(description="The store's document id (communique show ID).")
    new: bool = Field(description="False when the same text was stored already (nothing was added).")


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    documents: int


Record = dict[str, Any]
Rows = list[dict[str, Any]]
ERRORS = {code: {"model": ErrorBody} for code in (404, 413, 422, 503)}
WRITE_ERRORS = {**ERRORS, 401: {"model": ErrorBody}}


def core(request: Request):
    return request.app.state.core


def reader(request: Request):
    """Reads are open unless the `private_reads` setting asks for the token."""
    state = core(request)
    if state.private_reads and not state.authorised(request):
        raise CommuniqueError("C401", path=request.url.path)
    return state


def writer(request: Request):
    state = core(request)
    if not state.authorised(request):
        raise CommuniqueError("C401", path=request.url.path)
    return state


def day(value: Optional[str], name: str) -> Optional[str]:
    return parse_published(value, name) if value else None


def dyad_pair(value: Optional[str]) -> Optional[tuple[str, str]]:
    from ..store import parse_dyad

    if not value:
        return None
    try:
        return parse_dyad(value)
    except ValueError as error:
        raise CommuniqueError("C422", where="dyad", reason=str(error)) from None


def rows(frame) -> Rows:
    """A DataFrame as JSON rows (missing values null, timestamps ISO)."""
    return json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))


def analyse(state, article: Article) -> Record:
    """One article through the pipeline (one at a time: the pipeline is shared)."""
    from ..analyze import analyze_documents
    from ..ingest import document_from_record

    line = json.dumps(article.model_dump(exclude_none=True) | {"id": article.id or "api"}, ensure_ascii=False)
    try:
        document = document_from_record(line, 1, state.config.max_bytes)
    except CommuniqueError as error:  # it names "line 1": say which article instead
        raise Refused(error_object(article.id or "api", error)) from None
    with state.analysis_lock:
        [record] = analyze_documents([document], state.config)
    if "document" not in record:  # the pipeline's error object, as a batch would write it
        raise Refused(record)
    return record


class Refused(Exception):
    """A request refused with an error object already made (the app answers with it)."""

    def __init__(self, body: dict):
        super().__init__(body["error"])
        self.body = body


PAGE = Query(50, ge=1, le=1000, description="Rows per page.")
OFFSET = Query(0, ge=0, le=10_000_000, description="Rows to skip.")
SINCE = Query(None, description="On or after YYYY-MM-DD.")
UNTIL = Query(None, description="On or before YYYY-MM-DD.")


@router.post("/analyze", response_model=Record, responses=ERRORS,
             summary="Analyse an article (text or HTML) into a communique/1 record; stores nothing")
def post_analyze(article: Article, state=Depends(reader)) -> Record:
    return analyse(state, article)


@router.post("/documents", response_model=Stored, responses=WRITE_ERRORS, status_code=201,
             summary="Analyse an article and store it (needs the token); the same text again adds nothing")
def post_document(article: Article, state=Depends(writer)) -> Stored:
    from ..store import document_id

    record = analyse(state, article)
    with state.store_lock:
        written = state.store().add([record])
    return Stored(id=document_id(record["document"]["sha256"]), new=bool(written))


@router.get("/documents", response_model=Rows, responses=ERRORS, summary="Stored documents, newest first")
def get_documents(q: Optional[str] = Query(None, max_length=1000), actor: Optional[str] = Query(None, max_length=64),
                  since: Optional[str] = SINCE, until: Optional[str] = UNTIL, limit: int = PAGE,
                  offset: int = OFFSET, state=Depends(reader)) -> Rows:
    with state.store_lock:
        return rows(state.store().documents(q=q, actor=actor, since=day(since, "since"), until=day(until, "until"),
                                            limit=limit, offset=offset))


@router.get("/documents/{doc_id}", response_model=Record, responses=ERRORS,
            summary="A stored document's communique/1 record")
def get_document(doc_id: str, state=Depends(reader)) -> Record:
    with state.store_lock:
        return state.store().record(doc_id)


@router.get("/events", response_model=Rows, responses=ERRORS, summary="Stored events (or --aggregate counts)")
def get_events(source: Optional[str] = Query(None, max_length=64), target: Optional[str] = Query(None, max_length=64),
               dyad: Optional[str] = Query(None, max_length=130, description="A:B, both directions"),
               code: Optional[str] = Query(None, max_length=8), plover: Optional[str] = Query(None, max_length=32),
               since: Optional[str] = SINCE, until: Optional[str] = UNTIL, aggregate: bool = False,
               limit: int = PAGE, offset: int = OFFSET, state=Depends(reader)) -> Rows:
    with state.store_lock:
        return rows(state.store().events(source=source, target=target, dyad=dyad_pair(dyad), code=code, plover=plover,
                                         since=day(since, "since"), until=day(until, "until"), aggregate=aggregate,
                                         limit=limit, offset=offset))


@router.get("/statements", response_model=Rows, responses=ERRORS, summary="Stored statements")
def get_statements(speaker: Optional[str] = Query(None, max_length=200), q: Optional[str] = Query(None, max_length=1000),
                   since: Optional[str] = SINCE, until: Optional[str] = UNTIL, limit: int = PAGE,
                   offset: int = OFFSET, state=Depends(reader)) -> Rows:
    with state.store_lock:
        return rows(state.store().statements(speaker=speaker, q=q, since=day(since, "since"),
                                             until=day(until, "until"), limit=limit, offset=offset))


@router.get("/timeline", response_model=Rows, responses=ERRORS,
            summary="Events between A and B per period, both directions and their sum")
def get_timeline(a: str = Query(..., min_length=1, max_length=64), b: str = Query(..., min_length=1, max_length=64),
                 by: Literal["day", "week", "month"] = "week", measure: Literal["count", "goldstein"] = "count",
                 since: Optional[str] = SINCE, until: Optional[str] = UNTIL, state=Depends(reader)) -> Rows:
    with state.store_lock:
        return rows(state.store().timeline(a, b, by, measure, day(since, "since"), day(until, "until")))


@router.get("/brief", responses={**ERRORS, 200: {"content": {"application/json": {}, "text/markdown": {},
                                                             "text/html": {}}}},
            summary="The brief of a window of the store (or of one stored document), as json, md or html")
def get_brief(actor: list[str] = Query([], max_length=20), dyad: Optional[str] = Query(None, max_length=130),
              since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
              doc: Optional[str] = Query(None, max_length=200, description="One stored document's flash brief"),
              format: Literal["json", "md", "html"] = "json", state=Depends(reader)):
    from ..brief import brief_article, brief_window, render_brief

    with state.store_lock:
        if doc:
            record = state.store().record(doc)
            brief, records = brief_article(record, doc), {doc: record}
        else:
            brief, records = brief_window(state.store(), tuple(actor), dyad_pair(dyad), day(since, "since"),
                                          day(until, "until"))
    if format == "json":
        return brief
    text = render_brief(brief, records, format)
    if format == "md":
        return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")
    return HTMLResponse(text)


@router.get("/health", response_model=Health, summary="The server is up; its version and how many documents it holds")
def get_health(state=Depends(core)) -> Health:
    with state.store_lock:
        count = state.store().count()
    return Health(status="ok", version=__version__, documents=count)
