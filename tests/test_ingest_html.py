"""Saved web pages through the real ingest (trafilatura, then our cleaning):
metadata, comments left out, the published date override, blocks one per line,
and a warning (not a crash) for a page that is not in English.

The pages are small, hand-written HTML in the shapes news sites use.
"""
from __future__ import annotations

import json

import pytest

from communique.errors import CommuniqueError
from communique.ingest import document_from_record, document_from_text

BODY = [
    "Negotiators from the port authority and the dockworkers' union met again on Wednesday in Valletta, "
    "ending a pause of nearly three weeks in talks over night shifts and safety rules on the container quays.",
    "The union said it wanted written guarantees on rest periods before any new rota takes effect, while the "
    "authority repeated that it could not raise the overtime budget this year.",
    "Both sides agreed to meet again next Tuesday. A mediator appointed by the labour ministry will chair that "
    "session, officials said after the meeting ended late in the evening.",
]
COMMENTS = [
    "Zorbulon says: this is the fourth round of talks and nothing ever changes at the quays, I have been waiting for years.",
    "Quillfeather replies: the mediator should have been appointed months ago, everyone at the harbour knows it.",
]

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour talks resume in Valletta | The Example Courier</title>
  <meta property="og:title" content="Harbour talks resume in Valletta">
  <meta name="author" content="Marta Vella">
  <meta property="article:published_time" content="2021-03-04T09:30:00Z">
  <link rel="canonical" href="https://courier.example.org/world/harbour-talks-resume">
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  <article>
    <h1>Harbour talks resume in Valletta</h1>
    <p class="byline">By Marta Vella</p>
    %s
  </article>
  <div id="comments" class="comments">
    <h3>Comments</h3>
    <ol class="commentlist">%s</ol>
  </div>
  <footer><p>Copyright 2021 The Example Courier. All rights reserved.</p></footer>
</body>
</html>
""" % ("\n    ".join(f"<p>{p}</p>" for p in BODY),
       "".join(f'<li class="comment"><p>{c}</p></li>' for c in COMMENTS))


@pytest.fixture(scope="module")
def page_doc():
    return document_from_text(PAGE, doc_id="courier")


def test_page_metadata_is_read(page_doc):
    assert page_doc.format == "html"
    assert page_doc.title == "Harbour talks resume in Valletta"
    assert page_doc.author == "Marta Vella"
    assert page_doc.published == "2021-03-04"
    assert page_doc.url == "https://courier.example.org/world/harbour-talks-resume"
    assert page_doc.language == "en" and page_doc.warnings == []


def test_body_is_the_article_one_paragraph_per_line(page_doc):
    assert page_doc.text.split("\n") == BODY
    for boilerplate in ("Home", "Sport", "Copyright", "By Marta Vella", "Harbour talks resume"):
        assert boilerplate not in page_doc.text


def test_comments_are_left_out(page_doc):
    for comment in COMMENTS:
        assert comment.split(":")[0] not in page_doc.text
    assert "Comments" not in page_doc.text


def test_published_override_wins_over_the_page_date():
    assert document_from_text(PAGE, published="2021-03-10").published == "2021-03-10"
    # A JSONL record: its own "published" beats the page, and --published beats both.
    line = json.dumps({"id": "r1", "html": PAGE, "published": "2021-03-07"})
    assert document_from_record(line, 1, 10_000_000).published == "2021-03-07"
    assert document_from_record(line, 1, 10_000_000, published="2021-03-12").published == "2021-03-12"
    with pytest.raises(CommuniqueError) as info:
        document_from_text(PAGE, published="4 March")
    assert info.value.code == "C110"


def test_given_metadata_beats_the_page():
    line = json.dumps({"id": "r2", "html": PAGE, "title": "Talks resume", "author": "Desk",
                       "url": "https://mirror.example.net/a/1"})
    doc = document_from_record(line, 1, 10_000_000)
    assert (doc.title, doc.author, doc.url) == ("Talks resume", "Desk", "https://mirror.example.net/a/1")
    assert doc.text.split("\n") == BODY


LIST_PAGE = """<html><head><title>Ferry timetable changes for the summer season</title></head><body>
<div class="content">
<h1>Ferry timetable changes for the summer season</h1>
<p>The island ferry operator published its summer timetable on Monday, with more crossings at weekends and a new late
departure on Fridays for commuters who work on the mainland.</p>
<h2>What changes</h2>
<p>The operator said the changes follow a survey of 3,000 passengers last autumn and will apply from the first of June:</p>
<ul><li>Two extra Saturday crossings</li><li>A Friday departure at 23:15</li><li>Bicycles carried free</li></ul>
</div></body></html>"""


def test_a_mid_body_heading_and_a_closing_list_are_kept():
    doc = document_from_text(LIST_PAGE, doc_id="ferry")
    lines = doc.text.split("\n")
    assert "What changes" in lines
    assert lines[-3:] == ["- Two extra Saturday crossings", "- A Friday departure at 23:15", "- Bicycles carried free"]
    assert not doc.text.startswith("Ferry timetable changes")


PORTUGUESE_PAGE = """<!DOCTYPE html>
<html lang="pt-BR"><head><meta charset="utf-8"><title>Prefeitura anuncia nova linha de ônibus</title></head>
<body><article><h1>Prefeitura anuncia nova linha de ônibus</h1>
<p>A prefeitura anunciou nesta segunda-feira uma nova linha de ônibus que vai ligar o centro da cidade aos bairros
da zona norte, com partidas a cada quinze minutos nos horários de pico.</p>
<p>Segundo a secretaria de transportes, a linha começa a funcionar no próximo mês e deve atender cerca de oito mil
passageiros por dia, que hoje precisam fazer duas baldeações para chegar ao trabalho.</p>
<p>Os moradores pediam a nova linha havia anos, e a associação do bairro disse que vai acompanhar o cumprimento dos
horários durante os primeiros meses de operação.</p>
</article></body></html>"""


def test_non_english_page_gives_a_warning_not_a_crash():
    doc = document_from_text(PORTUGUESE_PAGE, doc_id="pt-page")
    assert doc.language == "pt"
    assert len(doc.warnings) == 1 and "'pt'" in doc.warnings[0] and "not English" in doc.warnings[0]
    assert "nova linha de ônibus que vai ligar o centro" in doc.text
    assert doc.title == "Prefeitura anuncia nova linha de ônibus"


def test_page_without_text_is_a_coded_error():
    with pytest.raises(CommuniqueError) as info:
        document_from_text("<html><head><title>Empty</title></head><body><script>var a = 1;</script></body></html>")
    assert info.value.code == "C105"
