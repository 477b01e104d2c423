"""The corpus store's SQL, written once: the tables, and the rows a communique/1 record
becomes. Every row keeps its document id and, for what was read from the text, its
character span, so any row of any query leads back to the passage.

The tables:

- ``documents``: one row per stored document: our id (``d`` + the first 16 hex digits of
  the cleaned text's sha256), the input's own id, the metadata, the pipeline and
  dictionary versions it was analysed with, and the whole record (JSON) that ``show``
  prints;
- ``story_bands``: each document's MinHash band keys, to find its near-duplicates
  (:mod:`.stories`); ``documents.story`` is the story a document belongs to;
- ``actors``, ``events``, ``statements``: the record's items, flattened for queries,
  each with ``doc`` and its record id (``a1``, ``e3``, ``s2``); an event carries its
  source's and target's codes and names, so a dyad query needs no join.
"""
from __future__ import annotations

SCHEMA_VERSION = 2  # 2: documents.text (the cleaned text, for evidence and search without JSON)


def tables(blob: str = "BLOB", double: str = "DOUBLE", band_index: bool = False) -> tuple[str, ...]:
    """The CREATE statements, with the backend's names for binary and floating types;
    ``band_index``: an index for the near-duplicate lookup (a server's planner wants one;
    DuckDB joins the band keys by hashing)."""
    index = ("CREATE INDEX IF NOT EXISTS story_bands_band ON story_bands (band)",) if band_index else ()
    return (
        """CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT)""",
        f"""CREATE TABLE IF NOT EXISTS documents (
            id TEXT PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, input_id TEXT, url TEXT, title TEXT,
            published TEXT, source TEXT, story TEXT, pipeline TEXT NOT NULL, dictionaries TEXT NOT NULL,
            stored TIMESTAMP NOT NULL, record TEXT NOT NULL, signature {blob}, text TEXT)""",
        """CREATE TABLE IF NOT EXISTS story_bands (band TEXT NOT NULL, doc TEXT NOT NULL)""",
        """CREATE TABLE IF NOT EXISTS actors (
            doc TEXT NOT NULL, id TEXT NOT NULL, name TEXT, code TEXT, country TEXT, kind TEXT, role TEXT,
            PRIMARY KEY (doc, id))""",
        f"""CREATE TABLE IF NOT EXISTS events (
            doc TEXT NOT NULL, id TEXT NOT NULL, date TEXT, cameo TEXT NOT NULL, plover TEXT, plover_mode TEXT,
            goldstein {double}, quad_class INTEGER, modality TEXT, voice TEXT,
            source TEXT, source_code TEXT, source_name TEXT, target TEXT, target_code TEXT, target_name TEXT,
            span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, statement TEXT, rule TEXT,
            PRIMARY KEY (doc, id))""",
        """CREATE TABLE IF NOT EXISTS statements (
            doc TEXT NOT NULL, id TEXT NOT NULL, speaker TEXT, speaker_code TEXT, speaker_name TEXT, cue TEXT,
            direct BOOLEAN, content_start INTEGER, content_end INTEGER, content TEXT,
            span_start INTEGER, span_end INTEGER, PRIMARY KEY (doc, id))""",
        *index,
    )


# A store made by schema version 1 gains the text column, filled from each record (DuckDB:
# the only backend version 1 ran on).
UPGRADES = {1: ("ALTER TABLE documents ADD COLUMN IF NOT EXISTS text TEXT",
                "UPDATE documents SET text = json_extract_string(record, '$.document.text') WHERE text IS NULL")}

ITEM_TABLES = ("actors", "events", "statements")

ACTOR_COLUMNS = ("doc", "id", "name", "code", "country", "kind", "role")
EVENT_COLUMNS = ("doc", "id", "date", "cameo", "plover", "plover_mode", "goldstein", "quad_class", "modality",
                 "voice", "source", "source_code", "source_name", "target", "target_code", "target_name",
                 "span_start", "span_end", "statement", "rule")
STATEMENT_COLUMNS = ("doc", "id", "speaker", "speaker_code", "speaker_name", "cue", "direct", "content_start",
                     "content_end", "content", "span_start", "span_end")
DOCUMENT_COLUMNS = ("id", "sha256", "input_id", "url", "title", "published", "source", "story", "pipeline",
                    "dictionaries", "stored", "record", "signature", "text")
# What the csv and parquet exports give of a document (the record and the text are the jsonl export's).
EXPORTED_DOCUMENT_COLUMNS = tuple(c for c in DOCUMENT_COLUMNS if c not in ("record", "signature", "text"))

COLUMNS = {"documents": DOCUMENT_COLUMNS, "story_bands": ("band", "doc"), "actors": ACTOR_COLUMNS,
           "events": EVENT_COLUMNS, "statements": STATEMENT_COLUMNS}


def item_rows(doc_id: str, record: dict) -> dict[str, list[tuple]]:
    """The rows of a record's actors, events and statements."""
    text = record["document"]["text"]
    actors = {a["id"]: a for a in record.get("actors") or []}
    rows: dict[str, list[tuple]] = {"actors": [], "events": [], "statements": []}
    for actor in actors.values():
        rows["actors"].append((doc_id, actor["id"], actor.get("name"), actor.get("code"), actor.get("country"),
                               actor.get("kind"), actor.get("role")))
    for event in record.get("events") or []:
        source, target = actors.get(event.get("source")) or {}, actors.get(event.get("target")) or {}
        start, end = event["evidence"]
        rows["events"].append((
            doc_id, event["id"], event.get("date"), event["cameo"], event.get("plover"), event.get("plover_mode"),
            event.get("goldstein"), event.get("quad_class"), event.get("modality"), event.get("voice"),
            event.get("source"), source.get("code") or source.get("country"), source.get("name"),
            event.get("target"), target.get("code") or target.get("country"), target.get("name"),
            start, end, event.get("statement"), event.get("rule")))
    for statement in record.get("statements") or []:
        speaker = actors.get(statement.get("speaker")) or {}
        content = statement.get("content") or [None, None]
        span = statement.get("span") or [None, None]
        rows["statements"].append((
            doc_id, statement["id"], statement.get("speaker"), speaker.get("code") or speaker.get("country"),
            speaker.get("name"), statement.get("cue"), statement.get("direct"), content[0], content[1],
            text[content[0]:content[1]] if content[0] is not None else None, span[0], span[1]))
    return rows
