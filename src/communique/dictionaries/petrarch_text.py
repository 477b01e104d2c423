"""What the PETRARCH2 dictionary formats share: ``#`` comments, phrases written with
underscores, regular plurals (FORMAT.rst, "General Rules" and "Synsets")."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path


def lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of each line with its ``#`` comment and trailing blanks
    removed; blank lines skipped. The files are ASCII in principle and Latin-1 in places."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            text = raw.split("#", 1)[0].rstrip()
            if text.strip():
                yield number, text


def phrase(text: str) -> str:
    """A dictionary phrase as we write it: lower case, underscores as spaces."""
    return " ".join(text.replace("_", " ").split()).lower()


def plural(word: str) -> str:
    """The regular plural PETRARCH generates: +S, Y -> IES, SS -> SSES."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("ss", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


def source_ref(path: Path, number: int) -> str:
    """The ``source`` value of an entry: the dictionary file and its line."""
    return f"petrarch2/{path.name}:{number}"


def mit_notice(source_dir: Path) -> list[str]:
    """The MIT licence text of the dictionaries, as header comment lines."""
    text = (source_dir / "LICENSE").read_text(encoding="utf-8")
    return [f"#   {line}".rstrip() for line in text.splitlines()]


def write_csv(path: Path, header: Iterable[str], columns: Iterable[str], rows: Iterable[dict]) -> None:
    """One imported data file: the comment ``header`` lines, then the CSV (LF line ends, the
    same bytes for the same rows), its folder made if need be."""
    out = io.StringIO()
    for line in header:
        out.write(line.rstrip("\n") + "\n")
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue().encode("utf-8"))
