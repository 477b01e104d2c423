"""Coded errors: one catalogue, so a message in a bug report can be searched.

Every error a user can meet carries a code ("C101") and names the input it is
about. The same shape goes into a batch's per-record error object:
``{"id": ..., "error": "[C104] ...", "code": "C104"}``.
"""
from __future__ import annotations


class Errors:
    """Message templates, formatted with keyword placeholders."""

    C101 = "Can't find the input file {path!r}."
    C102 = "Can't read {path!r}: {reason}."
    C103 = "{source} is {size:,} bytes, over the limit of {limit:,} bytes (raise it with --max-bytes)."
    C104 = "{source} looks like binary data, not text or HTML ({reason})."
    C105 = "{source} has no text left after cleaning: nothing to analyse."
    C106 = "{source}: record is not valid JSON ({reason})."
    C107 = "{source}: record must be a JSON object, got {kind}."
    C108 = "{source}: record needs a non-empty 'text' or 'html' field."
    C109 = "{source}: field {field!r} must be {expected}, got {got!r}."
    C110 = "{source}: 'published' must be a date as YYYY-MM-DD, got {got!r}."
    C111 = "{source}: processing failed: {reason}."
    C112 = "{source}: took longer than the time limit of {limit:g} s ({stage}); raise it with --timeout (0 = no limit)."
    C113 = "Can't write the output {path!r}: {reason}. Any earlier file there is unchanged."
    C199 = "Unexpected internal error ({reason}). This is a bug: please report it with the input that caused it."
    C201 = "Can't load the spaCy pipeline {model!r}: {reason}. Install it (see the README: 'make install' or 'make model-md') or give a path with --model."
    C202 = "Invalid setting {name}={value!r}: {reason}."
    C203 = "Can't read the config file {path!r}: {reason}."
    C204 = "Can't use the actors file {path!r}: {reason}."
    C205 = "The language data file {path!r} is invalid: {reason}."
    C301 = "Can't open the store {path!r}: {reason}. Nothing in it was changed."
    C302 = "The store {path!r} is in use by another process (it holds the write lock); try again when it is done."
    C303 = "Can't write to the store {path!r}: {reason}. The batch being written was rolled back; everything stored before it is intact."
    C304 = "No document {doc_id!r} in the store {path!r}."
    C401 = "{path} needs the token: send 'Authorization: Bearer <token>' (the token `communique serve` printed, or COMMUNIQUE_TOKEN)."
    C404 = "No page or resource at {path!r}."
    C405 = "{path} does not take {method} requests."
    C413 = "The request body is over the limit of {limit:,} bytes (raise it with --max-bytes)."
    C422 = "Invalid request: {where}: {reason}."


class Warnings:
    W101 = "{source} is not valid {encoding}; undecodable bytes were replaced (U+FFFD)."
    W102 = "{source} looks like {language!r}, not English: the English pipeline's output will be poor."
    W103 = "{source} holds lone surrogates (not valid Unicode) in {fields}; they were replaced (U+FFFD)."


class CommuniqueError(Exception):
    """An error with a code from :class:`Errors`, raised for bad input or setup."""

    def __init__(self, code: str, **fields):
        self.code = code
        self.fields = fields
        super().__init__(f"[{code}] " + getattr(Errors, code).format(**fields))

    @property
    def message(self) -> str:
        return self.args[0]

    def __reduce__(self):  # pickled by code and fields: it travels back from worker processes
        return _rebuild_error, (self.code, self.fields)


def _rebuild_error(code: str, fields: dict) -> CommuniqueError:
    return CommuniqueError(code, **fields)


def warning_text(code: str, **fields) -> str:
    return f"[{code}] " + getattr(Warnings, code).format(**fields)


def error_object(record_id, error: BaseException) -> dict:
    """The one shape of a per-record error, in a JSONL batch and elsewhere. Both
    strings are made writable: an id or a message may quote the bad input."""
    from .ingest.unicode_safety import printable

    record_id = printable(str(record_id))
    if not isinstance(error, CommuniqueError):
        error = CommuniqueError("C111", source=f"record {record_id!r}", reason=f"{type(error).__name__}: {error}")
    return {"id": record_id, "error": printable(error.message), "code": error.code}
