"""communique: geopolitical news and readouts to attributed, source-linked event data.

The stages follow the data flow, one folder or module each:

    ingest/   sources (text, HTML, scraped page text, JSONL) -> Document
    nlp       the one spaCy pipeline, loaded once per process, nlp.pipe batches
    extract/  spaCy components on the Doc (registered by name)
    record    the communique/1 record: typed classes and serialisation
    analyze   the cascade that runs them, one document or a batch
    brief/    readable renderings of records (Markdown rundown)
    cli       the command line, a thin layer over the functions above
"""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("communique")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

SCHEMA = "communique/1"

__all__ = ["__version__", "SCHEMA"]
