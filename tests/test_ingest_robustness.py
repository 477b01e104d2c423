"""Ingest on hostile input (issue #10): no input crashes, stalls or leaks into the record.

- cost: long lines, many lines, long lists and crowded markup are handled by
  rules whose work is linear; checked here by results and by counting
  operations, never by the clock (timing is benchmarks/cleaning.py's job);
- markup: a page led by a long script is HTML, and never-rendered content
  (script, template, hidden) stays out of the text;
- other scripts: Chinese paragraphs are body, and the language is not 'en';
- encodings: UTF-16 and UTF-32 files are decoded, not refused as binary;
- files: every OS error on reading is a coded error with a printable name.
"""
from __future__ import annotations

import errno
import os
import pathlib

import pytest

from communique.errors import CommuniqueError
from communique.ingest import document_from_file, document_from_text
from communique.ingest import html as html_module
from communique.ingest import page_text
from communique.ingest.html import extract_html, looks_like_html
from communique.ingest.language import guess_language
from communique.ingest.page_text import clean_text
from communique.ingest.sources import read_file

SENTENCE = "Negotiators met again on Wednesday in Valletta to discuss night shifts and safety rules on the quays."
MAX = 50_000_000


# --- cost ---------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "a" * 100_000,                      # one huge token (was quadratic in the template-junk pattern)
    "a_" * 50_000,                      # underscores all along
    "word " * 20_000 + "end.",          # a huge paragraph
    "!" * 100_000,                      # punctuation
    "Über" + "ß" * 100_000,             # non-ASCII letters
])
def test_a_single_long_line_comes_out_whole(line):
    assert clean_text(line).text == line.strip()
    assert clean_text(line, extracted=True).text == line.strip()


def test_long_runs_of_any_white_space_become_one_space():
    text = "The talks" + " \t\u00a0\u2003" * 50_000 + "resumed on Monday, officials in Geneva said after a long night."
    assert clean_text(text).text == "The talks resumed on Monday, officials in Geneva said after a long night."


def test_many_wrapped_lines_join_into_one_paragraph():
    lines = ["The committee heard evidence"] + ["and went on in lower case"] * 20_000
    assert clean_text("\n".join(lines)).text == " ".join(lines)


def test_many_repeated_lines_and_many_short_lines_do_not_break_the_body():
    body = "\n".join([SENTENCE] * 5_000)
    assert clean_text(body).text == body
    menu = "\n".join(f"Section {chr(65 + i % 26)}" for i in range(5_000))
    assert clean_text(SENTENCE + "\n" + menu).text == SENTENCE


def test_a_long_tail_list_is_judged_once_per_list(monkeypatch):
    """Whether a bullet list is introduced by the body is asked once per list,
    not once per item (asking per item rescanned the list: quadratic)."""
    calls = []
    real = page_text._introduces
    monkeypatch.setattr(page_text, "_introduces", lambda line: calls.append(line) or real(line))
    items = [f"- Item {_letters(i)}" for i in range(10_000)]  # all different: repeated short lines are boilerplate
    introduced = clean_text(SENTENCE[:-1] + ", and they agreed on these points:\n" + "\n".join(items))
    assert introduced.text.split("\n")[1:] == items
    assert len(calls) == 1
    calls.clear()
    menu = clean_text(SENTENCE + "\n" + "\n".join(items))
    assert menu.text == SENTENCE and len(calls) == 1


def _letters(number: int) -> str:
    """A word of capital letters for ``number`` (no figures: a line with figures is a table row)."""
    word = ""
    while True:
        number, digit = divmod(number, 26)
        word = chr(65 + digit) + word
        if not number:
            return word


def test_a_paragraph_of_many_spans_keeps_all_its_words_in_order():
    words = [f"w{i}" for i in range(5_000)]
    page = "<html><body><article><p>" + " ".join(f"<span>{w}</span>" for w in words) + "</p></article></body></html>"
    assert extract_html(page).text.split() == words


def test_inline_runs_are_merged_with_one_join_per_parent():
    """5,000 spans under one parent leave one text node: reading it back stays linear."""
    tree = html_module._parse("<html><body><p>start " + "<b>x</b> " * 5_000 + "<br>end</p></body></html>")
    html_module._flatten_inline_runs(tree)
    paragraph = tree.find(".//p")
    assert [child.tag for child in paragraph] == ["br"]
    assert paragraph.text == "start " + "x " * 5_000 and paragraph[0].tail == "end"


def test_an_oversized_tree_gets_the_plain_extraction(monkeypatch):
    monkeypatch.setattr(html_module, "MAX_TREE_ELEMENTS", 50)
    page = ("<html><head><title>Quay talks</title><script>var leaked = 1;</script></head><body>"
            "<nav><a href='/'>Home</a></nav><div>" + "".join(f"<p>Para {i}.</p>" for i in range(100))
            + "<template><p>inert</p></template></div><footer>Copyright</footer></body></html>")
    result = extract_html(page)
    assert result.text.split("\n") == [f"Para {i}." for i in range(100)]
    assert result.title == "Quay talks"


def test_deeply_nested_markup_is_not_a_crash():
    page = "<html><body>" + "<div>" * 5_000 + SENTENCE + "</div>" * 5_000 + "</body></html>"
    try:
        document_from_text(page)
    except CommuniqueError as error:  # the parser may cut the nesting: then nothing is left
        assert error.code == "C105"


# --- markup -------------------------------------------------------------------

ARTICLE = "<html><body><article>" + f"<p>{SENTENCE}</p>" * 3 + "</article></body></html>"
LEADS = {
    "script": "<script>" + "var secretToken = 'x';\n" * 500 + "</script>\n",
    "style": "<style>" + ".secretClass { color: red; }\n" * 500 + "</style>",
    "comment": "<!-- " + "secretComment " * 500 + "-->",
    "declarations": "<?xml version='1.0'?>\n<!DOCTYPE html>\n" + " " * 5_000 + "\n",
}


@pytest.mark.parametrize("lead", LEADS)
def test_a_page_led_by_a_long_script_style_or_comment_is_html(lead):
    page = LEADS[lead] + ARTICLE
    assert len(LEADS[lead]) > 4096 and looks_like_html(page)
    doc = document_from_text(page)
    assert doc.format == "html" and SENTENCE in doc.text
    assert "secret" not in doc.text


@pytest.mark.parametrize("text", [
    "Use the <p> element for a paragraph; the editor adds it for you.\nThat is all there is to it.",
    "Prices rose <5% in May, and <b>ad slots</b> sold out, the agency said in its monthly report.",
    "",
])
def test_prose_that_mentions_a_tag_stays_text(text):
    assert not looks_like_html(text)


def test_template_and_hidden_content_stay_out_of_the_text():
    page = ("<html><body><article>"
            f"<p>{SENTENCE} <template>inertTemplate</template>Then they left.</p>"
            "<template><p>The template paragraph, inert until a script copies it, must not appear.</p></template>"
            f"<p hidden>A hidden paragraph that no browser shows must not appear either, whatever it says.</p>"
            f"<p>{SENTENCE.replace('Wednesday', 'Thursday')}</p>"
            "</article></body></html>")
    text = document_from_text(page).text
    assert "Then they left." in text and "Thursday" in text
    for leaked in ("inertTemplate", "template paragraph", "hidden paragraph"):
        assert leaked not in text


# --- other scripts ------------------------------------------------------------

CHINESE = ("俄罗斯总统普京与中国国家主席习近平周五通电话，双方同意进一步加强两国在能源和安全领域的合作。\n\n"
           "克里姆林宫在声明中说，两国领导人讨论了乌克兰局势以及即将举行的上海合作组织峰会的筹备工作。\n\n"
           "中国外交部发言人表示，中俄关系处于历史最好时期，双方将继续在联合国等多边机制中密切协调。")


def test_chinese_paragraphs_are_body_and_the_text_is_not_english():
    doc = document_from_text(CHINESE)
    assert doc.text == CHINESE and doc.language == "zh"
    assert len(doc.warnings) == 1 and "W102" in doc.warnings[0]


def test_a_chinese_menu_at_the_foot_still_goes():
    cleaned = clean_text(CHINESE + "\n首页\n国际新闻\n联系我们")
    assert cleaned.text == CHINESE and cleaned.removed == ["联系我们", "国际新闻", "首页"]


@pytest.mark.parametrize("text", [
    "这是一个中文句子，它以英文句号结尾.",
    "日本の首相は月曜日に記者会見を開き、新しい経済対策を発表した.",
    "Президент заявил в понедельник, что переговоры продолжатся на следующей неделе.",
    "قال الرئيس إن المحادثات ستستمر الأسبوع المقبل في العاصمة.",
])
def test_texts_in_other_scripts_are_not_english(text):
    assert guess_language(text) != "en"
    assert guess_language(text * 20) != "en"


@pytest.mark.parametrize("text", ["Talks resume.", "Quay talks resume in Valletta on Monday.", SENTENCE])
def test_short_english_texts_are_english(text):
    assert guess_language(text) == "en"


# --- encodings ----------------------------------------------------------------

TEXT = SENTENCE + "\n\nBoth sides said they would meet again next Tuesday, with a mediator from the ministry.\n"


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-16"),                              # with a BOM (little-endian here)
    lambda t: b"\xfe\xff" + t.encode("utf-16-be"),             # BOM, big-endian
    lambda t: t.encode("utf-16-le"),                           # no BOM
    lambda t: t.encode("utf-16-be"),
    lambda t: t.encode("utf-32"),
    lambda t: ("<html><body><article><p>" + t + "</p></article></body></html>").encode("utf-16"),
], ids=["utf16-bom", "utf16be-bom", "utf16le", "utf16be", "utf32-bom", "utf16-html"])
def test_utf16_and_utf32_files_are_decoded(tmp_path, encode):
    path = tmp_path / "article.txt"
    path.write_bytes(encode(TEXT))
    doc = document_from_file(path, MAX)
    assert SENTENCE in doc.text and doc.warnings == []


def test_utf16_text_holding_nul_characters_is_still_binary(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(("abc\x00" * 500).encode("utf-16"))
    with pytest.raises(CommuniqueError) as info:
        read_file(path, MAX)
    assert info.value.code == "C104"


def test_binary_with_nul_bytes_on_both_sides_is_not_taken_for_utf16(tmp_path):
    path = tmp_path / "blob.bin"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(CommuniqueError) as info:
        read_file(path, MAX)
    assert info.value.code == "C104"


# --- files --------------------------------------------------------------------

def test_a_file_in_an_unreadable_directory_is_a_coded_error(tmp_path, monkeypatch):
    locked = tmp_path / "locked" / "article.txt"
    real_stat = pathlib.Path.stat

    def stat(self, *args, **kwargs):  # what a directory without search permission gives (also as root)
        if self == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "stat", stat)
    with pytest.raises(CommuniqueError) as info:
        read_file(locked, MAX)
    assert info.value.code == "C102" and "Permission denied" in info.value.message


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any directory")
def test_a_really_unreadable_directory_is_a_coded_error(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "article.txt").write_text(TEXT)
    locked.chmod(0)
    try:
        with pytest.raises(CommuniqueError) as info:
            read_file(locked / "article.txt", MAX)
        assert info.value.code == "C102"
    finally:
        locked.chmod(0o700)


@pytest.mark.parametrize("name, code", [("x" * 300, "C102"), ("missing.txt", "C101"), ("article.txt/below", "C101")])
def test_bad_names_are_coded_errors(tmp_path, name, code):
    (tmp_path / "article.txt").write_text(TEXT)
    with pytest.raises(CommuniqueError) as info:
        read_file(tmp_path / name, MAX)
    assert info.value.code == code


def test_a_read_error_is_a_coded_error(tmp_path, monkeypatch):
    path = tmp_path / "article.txt"
    path.write_text(TEXT)

    def broken_open(self, *args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(pathlib.Path, "open", broken_open)
    with pytest.raises(CommuniqueError) as info:
        read_file(path, MAX)
    assert info.value.code == "C102" and "Input/output error" in info.value.message


def test_a_non_utf8_file_name_prints_on_utf8(tmp_path):
    raw = os.fsencode(tmp_path) + b"/r\xe9sum\xe9.txt"
    with open(raw, "wb") as handle:
        handle.write(TEXT.encode("utf-8"))
    for name in (raw, os.fsdecode(raw), pathlib.Path(os.fsdecode(raw))):
        raw_text = read_file(name, MAX)
        assert raw_text.source.encode("utf-8") and "\ufffd" in raw_text.source
    with pytest.raises(CommuniqueError) as info:
        read_file(os.fsdecode(raw) + ".missing", MAX)
    assert info.value.message.encode("utf-8") and info.value.code == "C101"
