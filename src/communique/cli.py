"""The command line: a thin layer over communique.analyze and communique.ingest.

Exit status: 0 when every input was analysed; 1 when an input could not be (the
message names it and says why); 2 for a usage error. In a JSONL batch a bad
record is an error object on its own line and does not change the exit status.
"""
from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from . import __version__
from .analyze import analyze_documents, analyze_jsonl
from .brief import render_markdown
from .errors import CommuniqueError
from .extract.gazetteer import load_gazetteer
from .ingest import document_from_file, parse_published
from .settings import SETTING_BY_NAME, Config, load_config

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
    config_file: Optional[Path] = typer.Option(None, "--config", help="TOML config file with a [communique] table."),
) -> None:
    """Analyse files (one communique/1 object each) or a JSONL batch (--jsonl)."""
    try:
        config = load_config(config_file, model=model, workers=workers, batch_size=batch_size, max_bytes=max_bytes,
                             actors=tuple(map(str, actors)) if actors else None)
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
    if failed:
        raise typer.Exit(1)


def _analyze_files(files: list[Path], config: Config, published: str | None, output_format: OutputFormat) -> int:
    """Analyse each file; print its record; report each one that fails. Returns the failures."""
    documents, failed = [], 0
    for path in files:
        try:
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
            sys.stdout.write(render_markdown(record))
        elif len(files) == 1:
            sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        else:  # several files: JSON Lines, one record a line
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return failed


def _analyze_batch(source: Path, out: Optional[Path], config: Config, published: str | None) -> None:
    if str(source) == "-":
        lines, total = sys.stdin, None
    else:
        if not source.is_file():
            raise CommuniqueError("C101", path=str(source))
        total = _count_records(source)
        lines = source.open(encoding="utf-8", errors="replace")
    to_file = out is not None and str(out) != "-"
    # Written beside the target and moved over it at the end, so a failed run
    # never leaves a half-written file in place of an earlier good one.
    partial = out.with_name(out.name + ".partial") if to_file else None
    sink = _open_out(partial) if to_file else sys.stdout
    errors = written = 0
    columns = (TextColumn("analyse"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=stderr, transient=False, disable=not stderr.is_terminal and total is None) as bar:
        task = bar.add_task("records", total=total)
        for result in analyze_jsonl(lines, config, published, progress=lambda n: bar.advance(task, n)):
            if "error" in result:
                errors += 1
                _say(f"error: {result['error']}")
            else:
                _warn(result)
            sink.write(json.dumps(result, ensure_ascii=False) + "\n")
            written += 1
    if to_file:
        sink.close()
        os.replace(partial, out)
    _say(f"{written} records written, {errors} with errors" + (f" -> {out}" if out else ""))


def _open_out(out: Path):
    try:
        return out.open("w", encoding="utf-8")
    except OSError as exc:
        raise CommuniqueError("C102", path=str(out), reason=exc.strerror or str(exc)) from None


def _count_records(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def _warn(record: dict) -> None:
    for message in record["document"].get("warnings", []):
        _say(f"warning: {message}")


def _say(message: str) -> None:
    """A message on stderr, never wrapped (one line each, for grep and logs)."""
    typer.echo(message, err=True)


def _fail(message: str, usage: bool = False) -> None:
    _say(f"error: {message}")
    raise typer.Exit(2 if usage else 1)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
