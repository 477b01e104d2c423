"""Cheap gold for cleaning plain and scraped page text (communique.ingest.page_text):
for each page, snippets that must stay in the body and snippets that must leave it.

The pages are written here, each in a different style: a scraped page with its
title twice, a byline, a date line and a trailing menu; a press release with an
author bio; hard-wrapped newswire; a clean article; an article that ends on a
country's name. The canonical example from ../shared is checked last.
"""
from __future__ import annotations

import pytest

from communique.ingest import document_from_text
from communique.ingest.page_text import clean_text

from conftest import shared_path


def check(cleaned, must: list[str], must_not: list[str]) -> None:
    for snippet in must:
        assert snippet in cleaned.text, f"lost {snippet!r}; removed: {cleaned.removed}"
    for snippet in must_not:
        assert snippet not in cleaned.text, f"kept {snippet!r} in:\n{cleaned.text}"


SCRAPED_BLOG = """
Lighthouse Keepers Vote to Strike

Lighthouse Keepers Vote to Strike

By Oriel Banfield
Tuesday, March 2, 2021

Keepers at eleven lighthouses along the northern coast voted on Monday to strike over pay, the first such action in the service's history, their association said.
The association said the vote passed with a large majority and that the strike would begin at the end of the month unless talks resume.
The coastal authority called the decision regrettable and said automatic beacons would keep shipping safe during any stoppage.

Share on Facebook
Share on Twitter
- Advertisement -
{{ sidebar_widget }}
Related Stories
Tags: labour, coast
Copyright 2021 Coastline Media Group
"""


def test_scraped_page_loses_its_title_copies_byline_date_and_menu():
    cleaned = clean_text(SCRAPED_BLOG)
    assert cleaned.title == "Lighthouse Keepers Vote to Strike"
    assert cleaned.author == "Oriel Banfield"
    assert cleaned.date_line == "Tuesday, March 2, 2021"
    check(cleaned,
          must=["Keepers at eleven lighthouses along the northern coast voted on Monday",
                "automatic beacons would keep shipping safe during any stoppage."],
          must_not=["Lighthouse Keepers Vote to Strike", "By Oriel Banfield", "March 2, 2021", "Share on",
                    "Advertisement", "sidebar_widget", "Related Stories", "Tags:", "Copyright"])
    assert cleaned.text.split("\n") == [line for line in SCRAPED_BLOG.split("\n") if line.startswith(("Keepers", "The "))]


def test_date_line_gives_the_published_date_and_an_override_wins():
    assert document_from_text(SCRAPED_BLOG).published == "2021-03-02"
    assert document_from_text(SCRAPED_BLOG, published="2021-03-05").published == "2021-03-05"
    doc = document_from_text(SCRAPED_BLOG)
    assert doc.format == "scraped" and doc.author == "Oriel Banfield" and doc.title == "Lighthouse Keepers Vote to Strike"


PRESS_RELEASE = """Orchard cooperative opens its first cold store

Written by Ilse Marchetti

The Valley Orchard Cooperative opened a cold store for 4,000 tonnes of apples on Friday, letting its 230 growers sell through the winter instead of at harvest prices.

Building costs

The store cost 6.5 million euros, of which the regional development fund paid a third, the cooperative's chair told members at the opening.

Growers who joined after 2019 will pay a storage fee per crate for the first five years.

Ilse Marchetti is a freelance journalist covering farming and rural affairs in northern Italy.
"""


def test_closing_bio_that_starts_with_the_author_is_taken_out_and_a_mid_body_heading_stays():
    cleaned = clean_text(PRESS_RELEASE)
    assert cleaned.author == "Ilse Marchetti"
    assert cleaned.author_bio == "Ilse Marchetti is a freelance journalist covering farming and rural affairs in northern Italy."
    check(cleaned,
          must=["The Valley Orchard Cooperative opened a cold store", "\nBuilding costs\n",
                "Growers who joined after 2019 will pay a storage fee per crate for the first five years."],
          must_not=["Written by", "freelance journalist", "Orchard cooperative opens its first cold store"])


def test_a_known_authors_name_opening_a_body_paragraph_is_not_a_bio():
    text = ("The harbour counted more ships this winter than in any year since records began, port staff said on Sunday.\n"
            "Harbour Watch volunteers counted 40 ships on Sunday alone, the highest daily number this year.\n")
    cleaned = clean_text(text, author="Harbour Watch")
    assert cleaned.author_bio is None
    check(cleaned, must=["Harbour Watch volunteers counted 40 ships on Sunday alone"], must_not=[])


NEWSWIRE = """BRUSSELS, June 3 (Wirenews) - European Union fisheries ministers agreed
on Thursday to cut cod quotas in the Baltic by a fifth next year,
diplomats said, after scientists warned that stocks were close to
collapse.

The agreement, reached after talks that ran past midnight, also
closes two spawning grounds to trawlers from February to April.

Reaction from the industry

Fishing associations in Denmark and Poland said the cuts would cost
jobs in ports that depend on the cod catch, and asked for support
from the bloc's maritime fund.
"""


def test_hard_wrapped_newswire_lines_are_joined_into_paragraphs():
    cleaned = clean_text(NEWSWIRE)
    assert cleaned.removed == []
    # The wire dateline is a block of its own (kept; tests/test_ingest_dateline.py).
    assert cleaned.dateline is not None and cleaned.dateline.place == "BRUSSELS"
    assert [line for line in cleaned.text.split("\n") if line] == [
        "BRUSSELS, June 3 (Wirenews) -",
        "European Union fisheries ministers agreed on Thursday to cut cod quotas in the "
        "Baltic by a fifth next year, diplomats said, after scientists warned that stocks were close to collapse.",
        "The agreement, reached after talks that ran past midnight, also closes two spawning grounds to trawlers "
        "from February to April.",
        "Reaction from the industry",
        "Fishing associations in Denmark and Poland said the cuts would cost jobs in ports that depend on the cod "
        "catch, and asked for support from the bloc's maritime fund.",
    ]


def test_hard_wrapped_table_rows_stay_apart():
    text = ("The ministry published these harvest figures for the season on Monday, in\n"
            "thousands of tonnes, compared with the previous season:\n"
            "Wheat 412 vs 398\n"
            "Barley 120 vs 131\n"
            "Maize 88 vs 90\n")
    lines = clean_text(text).text.split("\n")
    assert lines[0].endswith("compared with the previous season:")
    assert lines[1:] == ["Wheat 412 vs 398", "Barley 120 vs 131", "Maize 88 vs 90"]


def test_closing_rows_of_figures_are_body_not_a_menu():
    rows = ["Shr 1.05 dlrs vs 88 cts", "Net 12.6 mln vs 10.1 mln", "Revs 337.3 mln vs 315.2 mln"]
    text = ("Harbour Freight Lines Inc said its first quarter profit rose on higher container\n"
            "volumes and lower fuel costs.\n" + "\n".join(rows) + "\n\nMore Business News\nMarkets\n")
    cleaned = clean_text(text)
    assert cleaned.text.split("\n") == [
        "Harbour Freight Lines Inc said its first quarter profit rose on higher container volumes and lower fuel costs.",
        *rows]
    assert cleaned.removed == ["Markets", "More Business News"]


CLEAN_ARTICLE = """The city council approved a new budget on Wednesday that raises spending on public transport by 12 percent and freezes parking fees for two years.

Council members voted 31 to 9 in favour after a debate that lasted most of the afternoon. Opponents said the plan relied on optimistic forecasts of ticket sales.

The mayor said the first new tram lines would open in 2024, and that bus routes in the outer districts would run every ten minutes at peak hours.

"We are putting the money where people travel," she told reporters after the vote."""


def test_clean_article_comes_out_unchanged():
    cleaned = clean_text(CLEAN_ARTICLE)
    assert cleaned.removed == []
    assert cleaned.text == CLEAN_ARTICLE
    assert cleaned.title is None and cleaned.author is None and cleaned.author_bio is None
    assert document_from_text(CLEAN_ARTICLE).format == "text"


@pytest.mark.parametrize("last", [
    "Russia is expected to respond within days, a senior analyst said.",
    "China is a major contributor to the fund and has not yet said how it will vote.",
    "North Korea is expected to test another missile before the talks, a senior defence analyst said.",
])
def test_final_paragraph_starting_with_a_country_is_body_not_a_bio(last):
    text = ("Foreign ministers from the group met in Vienna on Monday to discuss the new sanctions package, "
            "which targets banks and shipping firms.\n\n" + last + "\n")
    cleaned = clean_text(text)
    assert cleaned.author_bio is None and cleaned.author is None
    check(cleaned, must=[last], must_not=[])


def test_list_introduced_by_the_body_is_kept_at_the_end():
    text = ("The update released on Monday brings three changes for users of the app:\n"
            "- Faster sync\n- Offline maps\n- Fewer crashes\n")
    check(clean_text(text), must=["- Faster sync", "- Offline maps", "- Fewer crashes"], must_not=[])


def test_short_heading_in_the_head_is_not_a_byline():
    text = ("By the numbers\n\nThe survey of 2,000 households found that one in four had cut back on heating "
            "this winter, the statistics office said.\n")
    cleaned = clean_text(text)
    assert cleaned.author is None
    check(cleaned, must=["The survey of 2,000 households"], must_not=[])


def test_extracted_text_keeps_its_lines_and_short_endings():
    text = ("Release notes for the spring version of the game, out today on all platforms and stores\n"
            "New levels in the desert world\n"
            "- Better Android support\n"
            "- Bugs fixed")
    cleaned = clean_text(text, extracted=True)
    assert cleaned.text == text and cleaned.removed == []


@pytest.mark.corpus
def test_canonical_putin_xi_example():
    article = shared_path("examples/putin-xi-call/article.txt")
    cleaned = clean_text(article.read_text(encoding="utf-8"))
    assert cleaned.title == "Putin and Xi Jinping Pledge Deeper Cooperation"
    assert cleaned.author == "Tessaron"
    assert cleaned.author_bio and cleaned.author_bio.startswith("Former United States Marine Corps Intelligence Officer")
    check(cleaned,
          must=["At approximately 0355 EST, President Putin of the Russian Federation",
                "possibly with Russian aircraft and ships as well."],
          must_not=["Sponsor", "spot_img", "Week's Top Stories", "More In This Category", "Tessaron"])
    assert cleaned.text.rstrip().endswith("possibly with Russian aircraft and ships as well.")
    assert cleaned.text.count("Putin and Xi Jinping Pledge Deeper Cooperation") == 0
