"""The web app and REST API (`communique serve`): the same core as the CLI — analyse,
the corpus store, briefs — over HTTP, with pages rendered on the server and no script.
`create_app(config)` builds the FastAPI application."""
from .app import create_app

__all__ = ["create_app"]
