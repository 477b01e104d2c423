"""The corpus store: analysed documents kept in an embedded DuckDB database (a file, no
server; the default) or in PostgreSQL (``postgresql://USER@HOST:PORT/DB``), queried as
pandas DataFrames.

    from communique.store import Store
    store = Store("communique.duckdb")
    store.events(dyad=("RUS", "CHN"), since="2022-12-01")

The SQL is written once here and in :mod:`.schema`; :mod:`.backends` gives the few
fragments where DuckDB and PostgreSQL differ, and how each writes many rows. Writing is idempotent and crash-safe: a document is known by
the sha256 of its cleaned text, so storing the same input twice adds nothing; each batch
is one transaction, so a batch is either all stored or not at all, and everything stored
before it stays. Each document records the pipeline and dictionary versions it was
analysed with (:func:`pipeline_version`, :func:`dictionary_version`).
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from .. import __version__
from ..errors import CommuniqueError
from ..resources import data_path
from . import schema, stories
from .backends import connect, first_line as _first_line

DEFAULT_DB = "communique.duckdb"
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def pipeline_version() -> str:
    return f"communique {__version__}"


@lru_cache(maxsize=1)
def dictionary_version() -> str:
    """A digest of every shipped data file (dictionaries, patterns, lexicons): records
    analysed with other data say so."""
    digest = hashlib.sha256()
    root = data_path("")
    for path in sorted(p for p in Path(root).rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def parse_dyad(value: str) -> tuple[str, str]:
    """"A:B" -> ("A", "B"), the form --dyad and the API's dyad= take; ValueError otherwise."""
    sides = value.split(":")
    if len(sides) != 2 or not all(sides):
        raise ValueError(f"wants A:B (two actor codes), got {value!r}")
    return sides[0], sides[1]


def document_id(sha256: str) -> str:
    return "d" + sha256[:16]


class Store:
    """A corpus store at ``path``: a DuckDB file (created on first use) or a PostgreSQL URL."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False, story_threshold: float = 0.6):
        self.backend = connect(str(path), read_only)
        self.path = self.backend.path
        self.story_threshold = story_threshold
        self._errors = self.backend.errors
        # An event's day: its date's first ten characters when they are one
        # ("2024-03-14T09:00+09:00"), else none (a week or a season: no day to count it on).
        self._day = self.backend.day("e.date")
        try:
            if not read_only:
                with self.backend.schema_lock():
                    self._create()
        except self._errors as exc:
            self.backend.close()
            raise CommuniqueError("C301", path=self.path, reason=_first_line(exc)) from None

    def _create(self) -> None:
        """The tables, made or brought to this schema version."""
        execute = self.backend.execute
        execute("CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT)")
        found = execute("SELECT value FROM store_meta WHERE key = 'schema'").fetchone()
        version = int(found[0]) if found else schema.SCHEMA_VERSION
        for statement in schema.tables(self.backend.blob, self.backend.double, self.backend.band_index):
            execute(statement)
        for old in range(version, schema.SCHEMA_VERSION):
            for statement in schema.UPGRADES[old]:
                execute(statement)
        execute("DELETE FROM store_meta WHERE key = 'schema'")
        execute("INSERT INTO store_meta VALUES ('schema', ?)", [str(schema.SCHEMA_VERSION)])

    @property
    def connection(self):
        """The backend's own connection (for what the store does not wrap)."""
        return self.backend.connection

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ writing
    def stored(self, sha256s: Iterable[str]) -> dict[str, str]:
        """sha256 -> the pipeline version it was analysed with, for those already stored."""
        wanted = list(dict.fromkeys(sha256s))
        if not wanted:
            return {}
        found = self.backend.execute(
            f"SELECT sha256, pipeline || ' / ' || dictionaries FROM documents WHERE sha256 IN "
            f"({', '.join('?' for _ in wanted)})", wanted).fetchall()
        return dict(found)

    def current(self) -> str:
        return f"{pipeline_version()} / {dictionary_version()}"

    def add(self, records: list[dict], replace: bool = False) -> int:
        """Store analysed records (communique/1 dicts) in one transaction; a record whose
        text is stored already is skipped, or, with ``replace``, stored anew. Returns how
        many were written. C303 (and nothing of this batch written) when the write fails.

        The batch's rows are gathered first and written with one statement per table
        (row-by-row inserts cost a statement each); the batch's near-duplicate candidates
        are read in one query, and the batch's own documents join them as it goes. The
        documents go first: a document another writer stored meanwhile (PostgreSQL) is left
        out, with its rows, so each text is stored exactly once."""
        execute = self.backend.execute
        rows: dict[str, list[tuple]] = {table: [] for table in ("story_bands", *schema.ITEM_TABLES)}
        documents: list[tuple] = []
        try:
            execute("BEGIN TRANSACTION")
            known = self.stored(r["document"]["sha256"] for r in records)
            fresh: dict[str, dict] = {}
            for record in records:  # the same text twice in one batch: stored once
                sha = record["document"]["sha256"]
                if (replace or sha not in known) and sha not in fresh:
                    fresh[sha] = record
            if replace and known:
                gone = [document_id(sha) for sha in fresh if sha in known]
                for table in (*schema.ITEM_TABLES, "story_bands", "documents"):
                    key = "id" if table == "documents" else "doc"
                    execute(f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(CAST(? AS TEXT[])))", [gone])
            signatures = {sha: stories.signature(r["document"]["text"]) for sha, r in fresh.items()}
            keys = {sha: stories.bands(sig) for sha, sig in signatures.items()}
            candidates = self._candidates(sorted({k for ks in keys.values() for k in ks}))
            stored_at = datetime.now(timezone.utc).replace(tzinfo=None)
            for sha, record in fresh.items():
                document, doc_id, sig = record["document"], document_id(sha), signatures[sha]
                story = self._story(doc_id, sig, keys[sha], candidates)
                for key in keys[sha]:
                    candidates.setdefault(key, []).append((story, sig))
                documents.append((
                    doc_id, sha, document.get("id"), document.get("url"), document.get("title"),
                    document.get("published"), document.get("source"), story, pipeline_version(),
                    dictionary_version(), stored_at, json.dumps(record, ensure_ascii=False), stories.pack(sig),
                    document["text"]))
                rows["story_bands"] += [(key, doc_id) for key in keys[sha]]
                for table, item_rows in schema.item_rows(doc_id, record).items():
                    rows[table].extend(item_rows)
            written = self.backend.insert("documents", schema.DOCUMENT_COLUMNS, documents, key="id")
            for table, table_rows in rows.items():
                self.backend.insert(table, schema.COLUMNS[table], [row for row in table_rows if row[1 if table ==
                                    "story_bands" else 0] in written])
            execute("COMMIT")
        except self._errors as exc:
            try:
                execute("ROLLBACK")
            except self._errors:
                pass
            raise CommuniqueError("C303", path=self.path, reason=_first_line(exc)) from None
        return len(written)

    def _candidates(self, keys: list[str]) -> dict[str, list[tuple[str, list[int]]]]:
        """Stored documents sharing a band key with the batch: key -> [(story, signature)]."""
        found: dict[str, list[tuple[str, list[int]]]] = {}
        if not keys:
            return found
        for key, story, blob in self.backend.execute(
                """SELECT b.band, d.story, d.signature FROM story_bands b JOIN documents d ON d.id = b.doc
                   WHERE b.band IN (SELECT unnest(CAST(? AS TEXT[]))) AND d.signature IS NOT NULL""",
                [keys]).fetchall():
            found.setdefault(key, []).append((story, stories.unpack(bytes(blob))))
        return found

    def _story(self, doc_id: str, sig: list[int], keys: list[str], candidates: dict) -> str:
        """The story of the most similar near-duplicate, else a new one (the document's id)."""
        best = max(((stories.similarity(sig, other), story) for key in keys for story, other in candidates.get(key, ())),
                   default=(0.0, None))
        return best[1] if best[1] is not None and best[0] >= self.story_threshold else doc_id

    # ------------------------------------------------------------------ reading
    def count(self) -> int:
        """How many documents the store holds."""
        return self.backend.execute("SELECT count(*) FROM documents").fetchone()[0]

    def record(self, doc_id: str) -> dict:
        """The stored communique/1 record of a document (C304 when there is none)."""
        row = self.backend.execute("SELECT record FROM documents WHERE id = ? OR input_id = ? ORDER BY id = ? DESC",
                                   [doc_id, doc_id, doc_id]).fetchone()
        if row is None:
            raise CommuniqueError("C304", doc_id=doc_id, path=self.path)
        return json.loads(row[0])

    def documents(self, q: str | None = None, actor: str | None = None, since: str | None = None,
                  until: str | None = None, limit: int | None = None, offset: int = 0):
        """Documents (id, title, published, url, story, counts), newest first; ``limit`` and
        ``offset`` give one page of them."""
        where, params = _window("d.published", since, until)
        if q:
            where.append("(d.title ILIKE ? OR d.text ILIKE ?)")
            params += [f"%{q}%", f"%{q}%"]
        if actor:
            where.append("d.id IN (SELECT doc FROM actors WHERE code LIKE ? OR country = ?)")
            params += [actor.upper() + "%", actor.upper()]
        sql = f"""SELECT d.id, d.input_id, d.title, d.published, d.url, d.story,
                (SELECT count(*) FROM actors a WHERE a.doc = d.id) AS actors,
                (SELECT count(*) FROM events e WHERE e.doc = d.id) AS events,
                (SELECT count(*) FROM statements s WHERE s.doc = d.id) AS statements
            FROM documents d {_where(where)} ORDER BY d.published DESC NULLS LAST, d.id"""
        return self.backend.frame(*_page(sql, params, limit, offset))

    def events(self, source: str | None = None, target: str | None = None, dyad: tuple[str, str] | None = None,
               code: str | None = None, plover: str | None = None, since: str | None = None,
               until: str | None = None, aggregate: bool = False, actor: str | None = None,
               limit: int | None = None, offset: int = 0):
        """Events with their document, date, codes, dyad and evidence span. An actor code
        matches by prefix ("RUS" matches "RUSGOV"); ``dyad`` is both directions; ``code``
        is a CAMEO prefix ("19" is every assault); ``actor`` is either side. ``aggregate``: one row per day, source,
        target and code with the number of mentions (once per story: syndicated copies of
        one story count once), sources (sites) and articles, as GDELT counts them."""
        where, params = self._event_filters(source, target, dyad, code, plover, since, until, actor)
        if aggregate:
            sql = f"""SELECT {self._day} AS day, e.source_code, e.target_code, e.cameo, min(e.plover) AS plover,
                    avg(e.goldstein) AS goldstein, count(DISTINCT coalesce(d.story, d.id)) AS mentions,
                    count(DISTINCT coalesce({self.backend.host('d.url')}, d.source)) AS sources,
                    count(DISTINCT e.doc) AS articles
                FROM events e JOIN documents d ON d.id = e.doc {_where(where)}
                GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4"""
            return self.backend.frame(*_page(sql, params, limit, offset))
        sql = f"""SELECT e.doc, e.id, e.date, e.source_code, e.source_name, e.target_code, e.target_name,
                e.cameo, e.plover, e.plover_mode, e.goldstein, e.quad_class, e.modality, e.voice,
                e.span_start, e.span_end, d.story,
                substr(d.text, e.span_start + 1, e.span_end - e.span_start) AS evidence, e.rule
            FROM events e JOIN documents d ON d.id = e.doc {_where(where)} ORDER BY e.date, e.doc, e.id"""
        return self.backend.frame(*_page(sql, params, limit, offset))

    def latest_day(self, actor: str | None = None, dyad: tuple[str, str] | None = None) -> str | None:
        """The latest day a (matching) event is dated to, or None ("2023" or "2023-SP" name no day)."""
        where, params = self._event_filters(None, None, dyad, None, None, None, None, actor)
        found = self.backend.execute(f"SELECT max({self._day}) FROM events e {_where(where)}", params).fetchone()
        return str(found[0])[:10] if found and found[0] is not None else None

    def timeline(self, a: str, b: str, by: str = "week", measure: str = "count", since: str | None = None,
                 until: str | None = None):
        """Per period (day, week or month): A -> B, B -> A and both, as event counts or
        mean Goldstein scores; periods with no events are left out."""
        if by not in ("day", "week", "month") or measure not in ("count", "goldstein"):
            raise ValueError(f"by must be day, week or month and measure count or goldstein, got {by!r}, {measure!r}")
        where, params = self._event_filters(None, None, (a, b), None, None, since, until)
        value = "count(*)" if measure == "count" else "avg(e.goldstein)"
        a_to_b = "e.source_code LIKE ? AND e.target_code LIKE ?"
        sql = f"""SELECT date_trunc('{by}', {self._day}) AS period,
                {value} FILTER (WHERE {a_to_b}) AS a_to_b, {value} FILTER (WHERE NOT ({a_to_b})) AS b_to_a,
                {value} AS total
            FROM events e {_where(where + [f"{self._day} IS NOT NULL"])} GROUP BY 1 ORDER BY 1"""
        pattern = [a.upper() + "%", b.upper() + "%"]
        frame = self.backend.frame(sql, pattern + pattern + params)
        if a.upper() == b.upper():  # an actor with itself (domestic events): one direction
            frame = frame.drop(columns="b_to_a")
        return frame.rename(columns={"a_to_b": f"{a.upper()}->{b.upper()}", "b_to_a": f"{b.upper()}->{a.upper()}"})

    def _event_filters(self, source, target, dyad, code, plover, since, until, actor=None) -> tuple[list[str], list]:
        where, params = _window("e.date", since, until)
        if actor:
            where.append("(e.source_code LIKE ? OR e.target_code LIKE ?)")
            params += [actor.upper() + "%"] * 2
        if source:
            where.append("e.source_code LIKE ?")
            params.append(source.upper() + "%")
        if target:
            where.append("e.target_code LIKE ?")
            params.append(target.upper() + "%")
        if dyad:
            a, b = (side.upper() + "%" for side in dyad)
            where.append("((e.source_code LIKE ? AND e.target_code LIKE ?) OR (e.source_code LIKE ? AND e.target_code LIKE ?))")
            params += [a, b, b, a]
        if code:
            where.append("e.cameo LIKE ?")
            params.append(code + "%")
        if plover:
            where.append("e.plover = ?")
            params.append(plover.upper())
        return where, params

    def statements(self, speaker: str | None = None, q: str | None = None, since: str | None = None,
                   until: str | None = None, limit: int | None = None, offset: int = 0):
        """Statements with their speaker, content and spans."""
        where, params = _window("d.published", since, until)
        if speaker:
            where.append("(s.speaker_code LIKE ? OR s.speaker_name ILIKE ?)")
            params += [speaker.upper() + "%", f"%{speaker}%"]
        if q:
            where.append("s.content ILIKE ?")
            params.append(f"%{q}%")
        sql = f"""SELECT s.doc, s.id, d.published, s.speaker_name, s.speaker_code, s.cue, s.direct, s.content,
                s.content_start, s.content_end, s.span_start, s.span_end, d.story FROM statements s JOIN documents d ON d.id = s.doc
            {_where(where)} ORDER BY d.published, s.doc, s.id"""
        return self.backend.frame(*_page(sql, params, limit, offset))


EXPORT_TABLES = ("documents", *schema.ITEM_TABLES)


def export(store: Store, output_format: str, out: Path) -> int:
    """Write the store out; returns how many rows (records for jsonl, events for plover).

    - ``jsonl``: one communique/1 record a line (the file ``out``);
    - ``csv`` and ``parquet``: one file per table in the folder ``out`` (documents without
      their record column, actors, events, statements), through DuckDB's own writers;
    - ``plover``: PLOVER/POLECAT-style JSON records, one event a line: type, mode,
      context, source and target actors with codes, the evidence text, date, document id;
    - ``gdelt``: the GDELT 2.0 event table, tab-separated, its 61 columns in order
      (:data:`GDELT_COLUMNS`, mapping in :func:`gdelt_rows`).
    """
    backend = store.backend
    if output_format in ("csv", "parquet"):
        out.mkdir(parents=True, exist_ok=True)
        total = 0
        for table in EXPORT_TABLES:
            columns = schema.EXPORTED_DOCUMENT_COLUMNS if table == "documents" else schema.COLUMNS[table]
            order = "id" if table == "documents" else "doc, id"
            backend.export_table(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}",
                                 out / f"{table}.{output_format}", output_format)
            total += backend.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return total
    rows = [(text, stored.strftime("%Y%m%d%H%M%S"))
            for text, stored in backend.execute("SELECT record, stored FROM documents ORDER BY id").fetchall()]
    written = 0
    with open(out, "w", encoding="utf-8") as handle:
        for text, stored in rows:
            record = json.loads(text)
            if output_format == "gdelt":  # tab-separated, no header, as GDELT ships it
                for row in gdelt_rows(record, stored, written + 1):
                    handle.write("\t".join(value.replace("\t", " ").replace("\n", " ") for value in row) + "\n")
                    written += 1
                continue
            if output_format == "jsonl":
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
                continue
            for line in plover_records(record):
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
                written += 1
    return written


# The GDELT 2.0 event table's 61 columns, in order (GDELT 2.0 Event Codebook).
_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                 "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
                 *(f"Actor1{f}" for f in _ACTOR_FIELDS), *(f"Actor2{f}" for f in _ACTOR_FIELDS),
                 "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                 "NumMentions", "NumSources", "NumArticles", "AvgTone",
                 *(f"Actor1Geo_{f}" for f in _GEO_FIELDS), *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
                 *(f"ActionGeo_{f}" for f in _GEO_FIELDS), "DATEADDED", "SOURCEURL")


def gdelt_rows(record: dict, stored: str, first_id: int) -> list[list[str]]:
    """A record's events as GDELT 2.0 event rows. The mapping: Actor*Code is our CAMEO
    actor code, Actor*CountryCode its country, Actor*Type1Code the sector after the
    country (RUSGOV -> GOV), Actor*KnownGroupCode an IGO's code; EventCode, base and
    root from the CAMEO code; IsRootEvent 1 when the event is read in the lead (the first
    paragraph); one mention, source and article per row (each row is one mention; the
    store's --aggregate counts them); DATEADDED when it was stored; SOURCEURL the
    document's URL. Empty: ethnic and religion codes, tone, and every Geo field (we do
    not geocode)."""
    document, text = record["document"], record["document"]["text"]
    actors = {a["id"]: a for a in record.get("actors") or []}
    lead_end = text.find("\n\n") if "\n\n" in text else len(text)

    def actor_fields(actor_id) -> list[str]:
        actor = actors.get(actor_id) or {}
        code, country = actor.get("code") or actor.get("country") or "", actor.get("country") or ""
        sector = code[len(country):len(country) + 3] if country and code.startswith(country) else ""
        group = code if code.startswith(("IGO", "NGO")) else ""
        return [code, (actor.get("name") or "").upper(), country, group, "", "", "", sector, "", ""]

    rows = []
    for number, event in enumerate(record.get("events") or []):
        day = next((d[:10] for d in (event.get("date"), document.get("published")) if d and ISO_DAY.match(d)), "")
        digits = day.replace("-", "")
        fraction = f"{int(digits[:4]) + (int(digits[4:6]) - 1) / 12 + (int(digits[6:]) - 1) / 365:.4f}" if digits else ""
        rows.append([str(first_id + number), digits, digits[:6], digits[:4], fraction,
                     *actor_fields(event.get("source")), *actor_fields(event.get("target")),
                     "1" if event["evidence"][0] < lead_end else "0", event["cameo"], event["cameo"][:3],
                     event["cameo"][:2], str(event.get("quad_class") or ""), f"{event.get('goldstein', 0):g}",
                     "1", "1", "1", "", *([""] * 24), stored, document.get("url") or ""])
    return rows


def plover_records(record: dict) -> list[dict]:
    """A record's events as PLOVER/POLECAT-style records."""
    document, text = record["document"], record["document"]["text"]
    actors = {a["id"]: a for a in record.get("actors") or []}

    def side(actor_id):
        actor = actors.get(actor_id)
        if actor is None:
            return None
        return {"text": actor.get("name"), "code": actor.get("code") or actor.get("country"),
                "country": actor.get("country"), "kind": actor.get("kind")}
    out = []
    for event in record.get("events") or []:
        start, end = event["evidence"]
        out.append({"id": f"{document['id']}:{event['id']}", "doc": document["id"], "date": event.get("date"),
                    "event_type": event.get("plover"), "mode": event.get("plover_mode"), "context": [],
                    "cameo": event["cameo"], "modality": event.get("modality"),
                    "source": side(event.get("source")), "target": side(event.get("target")),
                    "text": text[start:end], "span": [start, end], "url": document.get("url")})
    return out


def _window(column: str, since: str | None, until: str | None) -> tuple[list[str], list]:
    """Days compared as days: "2024-03-14T09:00+09:00" is on or before 2024-03-14."""
    where, params = [], []
    if since:
        where.append(f"substr({column}, 1, 10) >= ?")
        params.append(since)
    if until:
        where.append(f"substr({column}, 1, 10) <= ?")
        params.append(until)
    return where, params


def _page(sql: str, params: list, limit: int | None, offset: int) -> tuple[str, list]:
    """The query cut to one page (the web app's and the API's pagination)."""
    if limit is None:
        return sql, params
    return f"{sql} LIMIT ? OFFSET ?", [*params, int(limit), int(offset)]


def _where(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""
