"""The command line: a thin layer over communique.analyze and communique.ingest.

Exit status: 0 when every input was analysed; 1 when an input could not be (the
message names it and says why); 2 for a usage error. In a JSONL batch a bad
record is an error object on its own line and does not change the exit status.
"""
from __future__ import annotations

import contextlib
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import click
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from . import __version__
from .analyze import analyze_documents, analyze_jsonl, to_json_line
from .brief import render_markdown
from .errors import CommuniqueError
from .extract.gazetteer import load_gazetteer
from .ingest import document_from_file, parse_published
from .ingest.unicode_safety import printable, printable_path
from .output_file import AtomicOutput
from .settings import SETTING_BY_NAME, Config, load_config
from .time_limit import time_limit

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Geopolitical news and readouts to attributed, source-linked event data (communique/1).")
stderr = Console(stderr=True)


class OutputFormat(str, Enum):
    json = "json"
    md = "md"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"communique {__version__}")
        raise typer.Exit()


@app.callback()
def root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                      help="Print the version and exit.")) -> None:
    """communique: news and readouts to communique/1 records."""


def _help(name: str) -> str:
    setting = SETTING_BY_NAME[name]
    return f"{setting.help} [env: {setting.env}; default: {setting.default}]"


@app.command()
def analyze(
    files: Optional[list[Path]] = typer.Argument(None, help="Text or HTML files (.gz accepted).", show_default=False),
    jsonl: Optional[Path] = typer.Option(None, "--jsonl", help="JSONL batch: records with id, text or html, "
                                         "published?, title?, url?  ('-' reads standard input)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Where --jsonl writes its output (default: standard output)."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD; overrides any date found."),
    output_format: OutputFormat = typer.Option(OutputFormat.json, "--format", help="json (communique/1) or md (a rundown)."),
    model: Optional[str] = typer.Option(None, "--model", help=_help("model")),
    workers: Optional[int] = typer.Option(None, "--workers", help=_help("workers")),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", help=_help("batch_size")),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help=_help("max_bytes")),
    actors: Optional[list[Path]] = typer.Option(None, "--actors", help=_help("actors")),
    timeout: Optional[float] = typer.Option(None, "--timeout", help=_help("timeout")),
    reference_date: Optional[str] = typer.Option(None, "--reference-date", help=_help("reference_date")),
    config_file: Optional[Path] = typer.Option(None, "--config", help="TOML config file with a [communique] table."),
) -> None:
    """Analyse files (one communique/1 object each) or a JSONL batch (--jsonl)."""
    try:
        config = load_config(config_file, model=model, workers=workers, batch_size=batch_size, max_bytes=max_bytes,
                             timeout=timeout, reference_date=reference_date, actors=tuple(map(str, actors)) if actors else None)
        published = parse_published(published)
        load_gazetteer(config.actors)  # a bad --actors file fails here, before any work is done
        if jsonl is not None:
            if files:
                _fail("give FILE arguments or --jsonl, not both", usage=True)
            if output_format is not OutputFormat.json:
                _fail("--jsonl writes communique/1 JSON lines; --format md is for FILE arguments", usage=True)
            _analyze_batch(jsonl, out, config, published)
            return
        if not files:
            _fail("give at least one FILE, or --jsonl IN.jsonl", usage=True)
        if out is not None:
            _fail("--out goes with --jsonl; FILE output goes to standard output", usage=True)
        if config.workers > 1:
            _say("warning: --workers applies to --jsonl batches; files are analysed in this process")
        failed = _analyze_files(files, config, published, output_format)
    except CommuniqueError as exc:
        _fail(exc.message)
    except KeyboardInterrupt:  # workers are already stopped and the output discarded
        _say("error: interrupted; no output was written over an earlier one")
        raise typer.Exit(130) from None
    if failed:
        raise typer.Exit(1)


def _analyze_files(files: list[Path], config: Config, published: str | None, output_format: OutputFormat) -> int:
    """Analyse each file; print its record; report each one that fails. Returns the failures."""
    documents, failed = [], 0
    for path in files:
        try:
            with time_limit(config.timeout, printable_path(path), "ingest"):
                documents.append(document_from_file(path, config.max_bytes, published))
        except CommuniqueError as exc:
            _say(f"error: {exc.message}")
            failed += 1
    records = analyze_documents(documents, config) if documents else []
    for record in records:
        if "error" in record:
            _say(f"error: {record['error']}")
            failed += 1
            continue
        _warn(record)
        if output_format is OutputFormat.md:
            _stdout_write(render_markdown(record))
        elif len(files) == 1:
            _stdout_write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        else:  # several files: JSON Lines, one record a line
            _stdout_write(to_json_line(record))
    return failed


def _analyze_batch(source: Path, out: Optional[Path], config: Config, published: str | None) -> None:
    to_file = out is not None and str(out) != "-"
    # Checked before any work: an output that cannot be written fails now, not
    # after the whole batch has run.
    sink = AtomicOutput(out) if to_file else None
    try:
        lines, total = _open_batch(source)
        write = sink.write if sink else _stdout_write
        errors = written = 0
        columns = (TextColumn("analyse"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        bar = Progress(*columns, console=stderr, transient=False, disable=not stderr.is_terminal and total is None)
        with lines as stream, bar:
            task = bar.add_task("records", total=total)
            for result in analyze_jsonl(stream, config, published, progress=lambda n: bar.advance(task, n)):
                if "error" in result:
                    errors += 1
                    _say(f"error: {result['error']}")
                else:
                    _warn(result)
                write(to_json_line(result))
                written += 1
        if sink:
            sink.commit()
    except BaseException:
        if sink:
            sink.discard()
        raise
    _say(f"{written} records written, {errors} with errors" + (f" -> {printable_path(out)}" if to_file else ""))


def _open_batch(source: Path):
    """The batch as a binary stream (split on LF only, decoded line by line) and
    its number of lines for the progress bar (None for standard input)."""
    if str(source) == "-":
        return contextlib.nullcontext(sys.stdin.buffer), None
    shown = printable_path(source)
    try:
        if source.is_dir():
            raise CommuniqueError("C102", path=shown, reason="it is a directory")
        handle = source.open("rb")
    except FileNotFoundError:
        raise CommuniqueError("C101", path=shown) from None
    except OSError as exc:
        raise CommuniqueError("C102", path=shown, reason=exc.strerror or str(exc)) from None
    return handle, _count_lines(handle)


def _count_lines(handle) -> int | None:
    """Lines in a seekable file (read once in blocks, then rewound)."""
    try:
        count, last = 0, b"\n"
        for block in iter(lambda: handle.read(1 << 20), b""):
            count += block.count(b"\n")
            last = block[-1:]
        handle.seek(0)
    except OSError:
        return None
    return count + (last != b"\n")


def _stdout_write(text: str) -> None:
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:  # a terminal or pipe that is not UTF-8
        sys.stdout.buffer.write(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise CommuniqueError("C113", path="standard output", reason=exc.strerror or str(exc)) from None


class TableFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"


def _db_config(db: Optional[str], config_file: Optional[Path] = None, **values) -> Config:
    return load_config(config_file, db=db, **values)


def _open_store(config: Config, read_only: bool = False):
    from .store import Store

    return Store(config.db, read_only=read_only, story_threshold=config.story_threshold)


def _reading(db: Optional[str]):
    """The store named by --db (or the setting), open for the query commands."""
    return _open_store(_db_config(db), read_only=True)


# The options every query command shares.
DB_OPTION = typer.Option(None, "--db", help=_help("db"))
SINCE_OPTION = typer.Option(None, "--since", help="On or after YYYY-MM-DD (an event's date; a document's "
                            "publication date).")
UNTIL_OPTION = typer.Option(None, "--until", help="On or before YYYY-MM-DD.")
FORMAT_OPTION = typer.Option(TableFormat.table, "--format")


@app.command()
def ingest(
    sources: list[str] = typer.Argument(..., help="Files, folders (recursive: .txt, .html, .htm, .jsonl, and .gz), "
                                        "glob patterns, JSONL batches.", show_default=False),
    db: Optional[str] = DB_OPTION,
    published: Optional[str] = typer.Option(None, "--published", help="Publication date YYYY-MM-DD for every input."),
    reanalyze: bool = typer.Option(False, "--reanalyze", help="Analyse again what an older pipeline or dictionary "
                                   "version stored."),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", help=_help("batch_size")),
    workers: Optional[int] = typer.Option(None, "--workers", help=_help("workers")),
    story_threshold: Optional[float] = typer.Option(None, "--story-threshold", help=_help("story_threshold")),
    dask: Optional[str] = typer.Option(None, "--dask", help=_help("dask")),
    config_file: Optional[Path] = typer.Option(None, "--config", help="TOML config file with a [communique] table."),
) -> None:
    """Analyse sources and store them in the corpus store (idempotent: what is stored is skipped)."""
    from .store.ingest import ingest as ingest_sources

    config = _db_config(db, config_file, batch_size=batch_size, workers=workers, story_threshold=story_threshold,
                        dask=dask)
    if config.dask and config.workers > 1:
        _say("warning: --dask runs the analysis on the cluster; --workers is not used")
    when = parse_published(published) if published else None
    with _open_store(config) as store:
        with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), console=stderr,
                      transient=True, disable=not stderr.is_terminal) as bar:
            task = bar.add_task("ingest", total=None)
            report = ingest_sources(sources, store, config, when, reanalyze,
                                    progress=lambda n: bar.advance(task, n))
    for error in report.errors:
        _say(f"error: {error['error']}")
    _say(report.summary())
    if report.errors and not (report.new or report.already or report.reanalysed):
        raise typer.Exit(1)


@app.command()
def documents(
    db: Optional[str] = DB_OPTION,
    q: Optional[str] = typer.Option(None, "--q", help="Text the title or body contains."),
    actor: Optional[str] = typer.Option(None, "--actor", help="An actor code (prefix: RUS matches RUSGOV)."),
    since: Optional[str] = SINCE_OPTION,
    until: Optional[str] = UNTIL_OPTION,
    output_format: TableFormat = FORMAT_OPTION,
) -> None:
    """The stored documents: id, title, published, url, story and counts."""
    with _reading(db) as store:
        _print_frame(store.documents(q=q, actor=actor, since=_day(since), until=_day(until)), output_format)


@app.command()
def show(doc_id: str = typer.Argument(..., help="A document id (as `documents` lists it, or the input's own id)."),
         db: Optional[str] = DB_OPTION) -> None:
    """Print a stored document's communique/1 record, as `analyze` prints it."""
    with _reading(db) as store:
        _stdout_write(json.dumps(store.record(doc_id), ensure_ascii=False, indent=2) + "\n")


@app.command()
def events(
    db: Optional[str] = DB_OPTION,
    source: Optional[str] = typer.Option(None, "--source", help="Source actor code (prefix)."),
    target: Optional[str] = typer.Option(None, "--target", help="Target actor code (prefix)."),
    dyad: Optional[str] = typer.Option(None, "--dyad", help="A:B, both directions (prefixes)."),
    code: Optional[str] = typer.Option(None, "--code", help="CAMEO code prefix (19: every assault)."),
    plover: Optional[str] = typer.Option(None, "--plover", help="PLOVER type."),
    since: Optional[str] = SINCE_OPTION,
    until: Optional[str] = UNTIL_OPTION,
    aggregate: bool = typer.Option(False, "--aggregate", help="One row per day, source, target and code: "
                                   "mentions, sources and articles, as GDELT counts them."),
    output_format: TableFormat = FORMAT_OPTION,
) -> None:
    """Stored events, each with its document and evidence span."""
    pair = _dyad(dyad) if dyad else None
    with _reading(db) as store:
        _print_frame(store.events(source=source, target=target, dyad=pair, code=code, plover=plover,
                                  since=_day(since), until=_day(until), aggregate=aggregate), output_format)


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"
    gdelt = "gdelt"


@app.command("export")
def export_store(
    output_format: ExportFormat = typer.Option(..., "--format", help="jsonl (records), csv or parquet (a folder, "
                                               "a file per table), plover (one event a line), gdelt "
                                               "(the GDELT 2.0 event table, tab-separated)."),
    out: Path = typer.Option(..., "--out", help="The file (jsonl, plover) or folder (csv, parquet) to write."),
    db: Optional[str] = DB_OPTION,
) -> None:
    """Write the store out as records, tables or PLOVER event records."""
    from .store import export

    with _reading(db) as store:
        try:
            count = export(store, output_format.value, out)
        except OSError as exc:
            raise CommuniqueError("C113", path=str(out), reason=exc.strerror or str(exc)) from None
    _say(f"{count:,} {'rows' if output_format.value in ('csv', 'parquet') else 'lines'} written to {printable_path(out)}")


class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"


class Measure(str, Enum):
    count = "count"
    goldstein = "goldstein"


@app.command()
def timeline(
    a: str = typer.Argument(..., help="An actor code (prefix)."),
    b: str = typer.Argument(..., help="Another actor code (prefix)."),
    db: Optional[str] = DB_OPTION,
    by: Period = typer.Option(Period.week, "--by"),
    measure: Measure = typer.Option(Measure.count, "--measure"),
    since: Optional[str] = SINCE_OPTION,
    until: Optional[str] = UNTIL_OPTION,
    output_format: TableFormat = FORMAT_OPTION,
    plot: Optional[Path] = typer.Option(None, "--plot", help="Also draw the chart to this .svg or .png file."),
) -> None:
    """Events between A and B per period, both directions and their sum (count or mean Goldstein)."""
    if plot is not None and plot.suffix.lower() not in (".svg", ".png"):
        _fail(f"--plot draws SVG or PNG: give a file ending in .svg or .png, got {printable_path(plot)}", usage=True)
    with _reading(db) as store:
        frame = store.timeline(a, b, by.value, measure.value, _day(since), _day(until))
    _print_frame(frame, output_format)
    if plot is not None:
        from .brief.chart import png_timeline, svg_timeline

        series = {name: [None if v != v else float(v) for v in frame[name]] for name in frame.columns[1:]}
        title = f"{a.upper()} and {b.upper()}: events per {by.value}" + (
            " (mean Goldstein)" if measure is Measure.goldstein else "")
        sink = AtomicOutput(plot)  # the chart appears whole or not at all
        try:
            periods = [str(p)[:10] for p in frame.period]
            if plot.suffix.lower() == ".png":
                sink.write_bytes(png_timeline(periods, series, title))
            else:
                sink.write(svg_timeline(periods, series, title))
            sink.commit()
        except BaseException:
            sink.discard()
            raise


class BriefFormat(str, Enum):
    md = "md"
    html = "html"
    json = "json"


@app.command()
def brief(
    file: Optional[Path] = typer.Argument(None, help="An article (text or HTML) to brief; without it, a window "
                                          "of the store (--db).", show_default=False),
    db: Optional[str] = DB_OPTION,
    actor: Optional[list[str]] = typer.Option(None, "--actor", help="An actor code (prefix); repeat for more."),
    dyad: Optional[str] = typer.Option(None, "--dyad", help="A:B, both directions (prefixes)."),
    since: Optional[str] = typer.Option(None, "--since", help="The window's first day (default: a week "
                                        "before --until)."),
    until: Optional[str] = typer.Option(None, "--until", help="The window's last day (default: the latest "
                                        "matching event's)."),
    published: Optional[str] = typer.Option(None, "--published", help="FILE's publication date YYYY-MM-DD."),
    output_format: BriefFormat = typer.Option(BriefFormat.md, "--format", help="md, html (one self-contained "
                                              "file) or json (communique-brief/1)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Write the brief to this file (default: standard output)."),
) -> None:
    """A flash brief that cites a source span for every line: of one article (FILE), or of a
    window of the corpus store (--db, --actor, --dyad, --since, --until)."""
    from .brief import brief_article, brief_window, render_brief

    if file is not None:
        if actor or dyad or since or until:
            _fail("--actor, --dyad, --since and --until choose a window of the store; give them without FILE",
                  usage=True)
        config = load_config(None)
        document = document_from_file(file, config.max_bytes, parse_published(published) if published else None)
        record = analyze_documents([document], config)[0]
        if "error" in record:
            _fail(record["error"])
        _warn(record)
        document_brief, records = brief_article(record), {record["document"]["id"]: record}
    else:
        if published:
            _fail("--published goes with FILE", usage=True)
        pair = _dyad(dyad) if dyad else None
        with _reading(db) as store:
            document_brief, records = brief_window(store, tuple(actor or ()), pair, _day(since), _day(until))
    text = render_brief(document_brief, records, output_format.value)
    if out is None:
        _stdout_write(text)
        return
    sink = AtomicOutput(out)  # the brief appears whole or not at all
    try:
        sink.write(text)
        sink.commit()
    except BaseException:
        sink.discard()
        raise


@app.command()
def serve(
    db: Optional[str] = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="The address to listen on (default: this machine only)."),
    port: int = typer.Option(8000, "--port", help="The port, 1 to 65535."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help="Largest request body accepted, in bytes "
                                            "(larger: 413). " + _help("max_bytes")),
    private_reads: Optional[bool] = typer.Option(None, "--private-reads/--open-reads", help=_help("private_reads")),
    config_file: Optional[Path] = typer.Option(None, "--config", help="TOML config file with a [communique] table."),
) -> None:
    """The web app and REST API over the store: pages to analyse, search, follow actors and
    dyads and read briefs; /api/... for programs (documented at /docs and /openapi.json)."""
    import secrets

    import uvicorn

    from .analyze import analyze_text
    from .web import create_app

    if not 0 < port < 65536:
        _fail(f"--port must be 1 to 65535, got {port}", usage=True)
    config = _db_config(db, config_file, max_bytes=max_bytes, private_reads=private_reads)
    token = config.token or secrets.token_urlsafe(24)
    if not config.token:
        _say(f"token for writes{' and reads' if config.private_reads else ''}: {token}  (set COMMUNIQUE_TOKEN to "
             "choose it)")
    if host not in ("127.0.0.1", "::1", "localhost"):
        _say(f"warning: listening on {host}: other machines can reach this server"
             + ("" if config.private_reads else "; its reads are open (--private-reads to close them)"))
    analyze_text("The pipeline is loaded before the first request.", "warm-up", config)
    application = create_app(config, token, config.private_reads)
    _say(f"communique serving {printable(config.db)} on http://{host}:{port}/ (Ctrl-C stops it)")
    uvicorn.run(application, host=host, port=port, log_level="warning", timeout_graceful_shutdown=5)


@app.command()
def statements(
    db: Optional[str] = DB_OPTION,
    speaker: Optional[str] = typer.Option(None, "--speaker", help="A speaker's name or actor code."),
    q: Optional[str] = typer.Option(None, "--q", help="Text the statement contains."),
    since: Optional[str] = SINCE_OPTION,
    until: Optional[str] = UNTIL_OPTION,
    output_format: TableFormat = FORMAT_OPTION,
) -> None:
    """Stored statements: who said what, with the content and its span."""
    with _reading(db) as store:
        _print_frame(store.statements(speaker=speaker, q=q, since=_day(since), until=_day(until)), output_format)


def _dyad(value: str) -> tuple[str, str]:
    from .store import parse_dyad

    try:
        return parse_dyad(value)
    except ValueError as error:
        _fail(f"--dyad {error}", usage=True)


def _day(value: Optional[str]) -> Optional[str]:
    return parse_published(value, "--since/--until") if value else None


def _print_frame(frame, output_format: TableFormat) -> None:
    if output_format is TableFormat.csv:
        _stdout_write(frame.to_csv(index=False))
    elif output_format is TableFormat.jsonl:
        _stdout_write("".join(json.dumps(row, ensure_ascii=False, default=str) + "\n"
                              for row in frame.to_dict(orient="records")))
    else:
        with __import__("pandas").option_context("display.max_colwidth", 60, "display.width", 200):
            _stdout_write((frame.to_string(index=False) if len(frame) else "(none)") + "\n")


dictionaries_app = typer.Typer(no_args_is_help=True, help="The field's dictionaries (PETRARCH2/Phoenix), imported.")
app.add_typer(dictionaries_app, name="dictionaries")


@dictionaries_app.command("build")
def dictionaries_build(
    source: Path = typer.Option(..., "--from", help="The PETRARCH2 dictionaries folder "
                                "(e.g. ../shared/dictionaries/petrarch2)."),
    to: Optional[Path] = typer.Option(None, "--to", help="Where the data files go (default: the package's data folder)."),
    parts: Optional[list[str]] = typer.Option(None, "--part", help="Build only these (verbs, actors, agents, discards)."),
) -> None:
    """Import the PETRARCH2/Phoenix dictionaries into communique's own data files."""
    from .dictionaries.build import DATA_DIR, PARTS, build

    unknown = [p for p in parts or () if p not in PARTS]
    if unknown:
        _fail(f"unknown part(s) {', '.join(unknown)} (known: {', '.join(PARTS)})", usage=True)
    report = build(source, to or DATA_DIR, tuple(parts) if parts else PARTS)
    for part, counts in report.items():
        _say(f"{part}: " + ", ".join(f"{key} {value:,}" if isinstance(value, int) else f"{key} {value}"
                                      for key, value in counts.items()))


def _warn(record: dict) -> None:
    for message in record["document"].get("warnings", []):
        _say(f"warning: {message}")


def _say(message: str) -> None:
    """A message on stderr, never wrapped (one line each, for grep and logs)."""
    typer.echo(printable(message), err=True)


def _fail(message: str, usage: bool = False) -> None:
    _say(f"error: {message}")
    raise typer.Exit(2 if usage else 1)


def main() -> None:
    """The console script: every failure ends in a coded message and a non-zero exit."""
    try:
        status = app(standalone_mode=False)
    except click.exceptions.Exit as exc:
        status = exc.exit_code
    except click.exceptions.Abort:  # Ctrl-C at a prompt, or EOF
        _say("error: interrupted")
        sys.exit(130)
    except click.ClickException as exc:  # a usage error
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _say("error: interrupted")
        sys.exit(130)
    except BrokenPipeError:  # the reader went away (| head): stop quietly, as other tools do
        _quiet_stdout()
        sys.exit(141)
    except CommuniqueError as exc:
        _say(f"error: {exc.message}")
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - the last guard: a coded message, not a traceback
        _say(f"error: {CommuniqueError('C199', reason=f'{type(exc).__name__}: {exc}').message}")
        if os.environ.get("COMMUNIQUE_DEBUG"):
            raise
        sys.exit(1)
    _flush_stdout()
    sys.exit(status if isinstance(status, int) else 0)


def _flush_stdout() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(141)
    except OSError as exc:
        _say(f"error: {CommuniqueError('C113', path='standard output', reason=exc.strerror or str(exc)).message}")
        _quiet_stdout()
        sys.exit(1)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's own flush at exit cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    main()
