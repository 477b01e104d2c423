"""Readable renderings of communique/1 records. Every line printed comes from the
document's own text; nothing is invented."""
from .rundown import render_markdown

__all__ = ["render_markdown"]
