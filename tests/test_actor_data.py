"""The actor language data in communique/data/actors — countries.csv, sectors.yml, igos.csv and
people.csv — loaded from the installed package and checked for form and consistency, and for the
key facts the recogniser relies on."""
from __future__ import annotations

import csv
import re
from datetime import date
from functools import lru_cache
from importlib.resources import files

import pytest
import yaml

ACTORS = files("communique") / "data" / "actors"

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
QID = re.compile(r"^Q[1-9]\d*$")
GROUPS_OF_THREE = re.compile(r"^(?:[A-Z]{3})+$")

PEOPLE_ROLES = {
    "head of state", "head of government", "deputy head of state", "crown prince", "foreign minister",
    "defence minister", "spokesperson", "chief of staff", "security council secretary",
    "deputy chairman of the security council", "senior official", "military commander",
    "intelligence chief", "group leader", "opposition leader", "secretary-general", "director-general",
    "managing director", "president", "executive director", "high commissioner", "high representative",
    "commissioner-general", "under-secretary-general", "prosecutor", "chairperson",
    "president of the general assembly", "president of the european commission",
    "president of the european council", "president of the european parliament",
}
# Offices with one holder at a time: terms of different people must not overlap unless one is acting.
SINGLE_HOLDER_ROLES = {"head of state", "head of government", "foreign minister", "defence minister"}


def read_csv(name: str) -> list[dict[str, str]]:
    text = (ACTORS / name).read_text(encoding="utf-8")
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    assert rows, f"{name} has no rows"
    return rows


@lru_cache(maxsize=None)
def countries() -> tuple[dict[str, str], ...]:
    return tuple(read_csv("countries.csv"))


@lru_cache(maxsize=None)
def igos() -> tuple[dict[str, str], ...]:
    return tuple(read_csv("igos.csv"))


@lru_cache(maxsize=None)
def people() -> tuple[dict[str, str], ...]:
    return tuple(read_csv("people.csv"))


@lru_cache(maxsize=None)
def sectors() -> dict:
    return yaml.safe_load((ACTORS / "sectors.yml").read_text(encoding="utf-8"))


def split(value: str) -> list[str]:
    return [part for part in value.split("|")] if value else []


@lru_cache(maxsize=None)
def country_forms() -> dict[str, str]:
    """Every surface form of every country, case-folded, to its code."""
    forms: dict[str, str] = {}
    for row in countries():
        for form in [row["name"], *split(row["aliases"]), *split(row["demonyms"]), *split(row["capitals"])]:
            forms.setdefault(form.casefold(), row["code"])
    return forms


# ---------------------------------------------------------------------------------------- countries

def test_countries_have_well_formed_unique_codes():
    rows = countries()
    assert len(rows) >= 240
    codes = [r["code"] for r in rows]
    iso2 = [r["iso2"] for r in rows]
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes), [c for c in codes if not re.fullmatch(r"[A-Z]{3}", c)]
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in iso2), [c for c in iso2 if not re.fullmatch(r"[A-Z]{2}", c)]
    assert len(set(codes)) == len(codes) and len(set(iso2)) == len(iso2)
    assert len({r["name"] for r in rows}) == len(rows)
    assert {"XKX", "PSE", "TWN", "USA", "RUS", "CHN", "GBR", "HKG", "ESH"} <= set(codes)


def test_country_fields_are_clean():
    for row in countries():
        for column in ("name", "aliases", "demonyms", "capitals"):
            for form in split(row[column]) if column != "name" else [row["name"]]:
                assert form and form == form.strip() and "  " not in form, (row["code"], column, form)
        assert not row["wikidata"] or QID.match(row["wikidata"]), row
    wikidata = [r["wikidata"] for r in countries() if r["wikidata"]]
    assert len(wikidata) == len(set(wikidata))


def test_no_surface_form_names_two_countries():
    owners: dict[str, set[str]] = {}
    for row in countries():
        for form in [row["name"], *split(row["aliases"]), *split(row["demonyms"]), *split(row["capitals"])]:
            owners.setdefault(form.casefold(), set()).add(row["code"])
    clashes = {form: codes for form, codes in owners.items() if len(codes) > 1}
    assert not clashes


@pytest.mark.parametrize("form, code", [
    ("Russia", "RUS"), ("Russian Federation", "RUS"), ("Russians", "RUS"), ("the Kremlin", "RUS"),
    ("Kremlin", "RUS"), ("Moscow", "RUS"),
    ("China", "CHN"), ("People's Republic of China", "CHN"), ("PRC", "CHN"), ("Chinese", "CHN"),
    ("Beijing", "CHN"), ("Zhongnanhai", "CHN"),
    ("United States", "USA"), ("United States of America", "USA"), ("U.S.", "USA"), ("US", "USA"),
    ("USA", "USA"), ("America", "USA"), ("American", "USA"), ("Americans", "USA"), ("Washington", "USA"),
    ("the White House", "USA"), ("White House", "USA"), ("Washington, D.C.", "USA"),
    ("United Kingdom", "GBR"), ("UK", "GBR"), ("U.K.", "GBR"), ("Britain", "GBR"), ("Great Britain", "GBR"),
    ("British", "GBR"), ("Briton", "GBR"), ("Britons", "GBR"), ("London", "GBR"), ("Downing Street", "GBR"),
    ("Whitehall", "GBR"), ("Northern Ireland", "GBR"),
    ("France", "FRA"), ("Paris", "FRA"), ("the Élysée", "FRA"), ("Elysee", "FRA"),
    ("Germany", "DEU"), ("Berlin", "DEU"), ("Japan", "JPN"), ("Tokyo", "JPN"),
    ("North Korea", "PRK"), ("DPRK", "PRK"), ("Pyongyang", "PRK"), ("North Korean", "PRK"),
    ("South Korea", "KOR"), ("Republic of Korea", "KOR"), ("ROK", "KOR"), ("Seoul", "KOR"),
    ("Burma", "MMR"), ("Myanmar", "MMR"),
    ("Côte d'Ivoire", "CIV"), ("Ivory Coast", "CIV"), ("Ivorian", "CIV"),
    ("Czechia", "CZE"), ("Czech Republic", "CZE"),
    ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Turkish", "TUR"), ("Ankara", "TUR"),
    ("UAE", "ARE"), ("Emirati", "ARE"), ("KSA", "SAU"), ("Saudi", "SAU"), ("Riyadh", "SAU"),
    ("Iran", "IRN"), ("Iranian", "IRN"), ("Iranians", "IRN"), ("Tehran", "IRN"),
    ("Israel", "ISR"), ("Israeli", "ISR"), ("Israelis", "ISR"), ("Jerusalem", "ISR"),
    ("Ukraine", "UKR"), ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Ukrainian", "UKR"),
    ("India", "IND"), ("New Delhi", "IND"), ("Delhi", "IND"), ("Pakistan", "PAK"), ("Islamabad", "PAK"),
    ("Kabul", "AFG"), ("Damascus", "SYR"), ("Baghdad", "IRQ"), ("Caracas", "VEN"), ("Havana", "CUB"),
    ("Taiwan", "TWN"), ("Republic of China", "TWN"), ("Taipei", "TWN"),
    ("Kosovo", "XKX"), ("Palestine", "PSE"), ("Palestinian", "PSE"), ("State of Palestine", "PSE"),
    ("Palestinian territories", "PSE"), ("Gaza", "PSE"), ("West Bank", "PSE"),
    ("Georgia", "GEO"), ("Guinea", "GIN"), ("Equatorial Guinea", "GNQ"), ("Guinea-Bissau", "GNB"),
    ("Congo", "COD"), ("DRC", "COD"), ("Republic of the Congo", "COG"), ("Hong Kong", "HKG"),
])
def test_key_country_forms_resolve(form, code):
    assert country_forms().get(form.casefold()) == code


@pytest.mark.parametrize("code, qid", [
    ("RUS", "Q159"), ("CHN", "Q148"), ("USA", "Q30"), ("UKR", "Q212"), ("GBR", "Q145"), ("FRA", "Q142"),
    ("DEU", "Q183"), ("IND", "Q668"), ("JPN", "Q17"), ("IRN", "Q794"), ("ISR", "Q801"),
])
def test_country_wikidata_ids(code, qid):
    assert {r["code"]: r["wikidata"] for r in countries()}[code] == qid


def test_ambiguous_countries_are_documented():
    notes = {r["code"]: r["notes"] for r in countries()}
    assert "US state" in notes["GEO"]
    assert "Gaza" in notes["PSE"] and "West Bank" in notes["PSE"]


# ---------------------------------------------------------------------------------------- sectors

def test_sector_codes_and_words_are_well_formed():
    data = sectors()
    assert {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "LEG", "MED", "EDU", "BUS", "CRM", "CVL",
            "REF", "LAB", "HLH", "ELI", "NGO", "INS", "AGR", "ENV", "HRI", "MOD", "RAD", "SEP", "UAF", "DEV",
            "IGO"} <= set(data["sectors"])
    for code, sector in data["sectors"].items():
        assert re.fullmatch(r"[A-Z]{3}", code), code
        assert sector["name"] and sector["words"], code
        assert sector["tier"] in {"primary", "party", "secondary", "tertiary", "international"}, code
        assert isinstance(sector["cameo_official"], bool), code
        for word in sector["words"]:
            assert isinstance(word, str) and word == word.strip().lower() and "  " not in word, (code, word)


def test_each_word_belongs_to_one_sector():
    owners: dict[str, list[str]] = {}
    for code, sector in sectors()["sectors"].items():
        for word in sector["words"]:
            owners.setdefault(word, []).append(code)
    assert not {word: codes for word, codes in owners.items() if len(codes) > 1}


def sector_of() -> dict[str, str]:
    return {word: code for code, sector in sectors()["sectors"].items() for word in sector["words"]}


def test_person_and_group_roles_split_the_words():
    data = sectors()
    persons, groups = data["person_roles"], data["group_roles"]
    assert len(set(persons)) == len(persons) and len(set(groups)) == len(groups)
    assert not set(persons) & set(groups)
    assert set(persons) | set(groups) == set(sector_of())


def test_roles_and_role_codes_are_consistent():
    data = sectors()
    words = sector_of()
    assert set(data["roles"]) == set(data["person_roles"])
    assert all(isinstance(role, str) and role for role in data["roles"].values())
    for word, code in data["role_codes"].items():
        assert word in words and code.startswith(words[word]) and GROUPS_OF_THREE.match(code), (word, code)
    assert set(data["modifiers"].values()) <= set(data["sectors"])


@pytest.mark.parametrize("word, sector", [
    ("president", "GOV"), ("prime minister", "GOV"), ("premier", "GOV"), ("chancellor", "GOV"),
    ("minister", "GOV"), ("foreign minister", "GOV"), ("defence minister", "GOV"), ("defense minister", "GOV"),
    ("spokesperson", "GOV"), ("spokesman", "GOV"), ("spokeswoman", "GOV"), ("government", "GOV"),
    ("administration", "GOV"), ("cabinet", "GOV"), ("ministry", "GOV"), ("king", "GOV"), ("queen", "GOV"),
    ("emir", "GOV"),
    ("forces", "MIL"), ("troops", "MIL"), ("army", "MIL"), ("navy", "MIL"), ("air force", "MIL"),
    ("military", "MIL"), ("soldiers", "MIL"), ("general", "MIL"), ("admiral", "MIL"), ("commander", "MIL"),
    ("armed forces", "MIL"), ("marines", "MIL"),
    ("parliament", "LEG"), ("lawmaker", "LEG"), ("legislator", "LEG"), ("senator", "LEG"), ("congress", "LEG"),
    ("senate", "LEG"), ("mp", "LEG"), ("duma", "LEG"), ("knesset", "LEG"),
    ("court", "JUD"), ("judge", "JUD"), ("prosecutor", "JUD"), ("police", "COP"), ("security forces", "COP"),
    ("intelligence agency", "SPY"), ("opposition", "OPP"), ("opposition leader", "OPP"), ("rebels", "REB"),
    ("militants", "REB"), ("insurgents", "INS"), ("separatists", "SEP"), ("paramilitary", "UAF"),
    ("party", "PTY"), ("journalist", "MED"), ("students", "EDU"), ("civilians", "CVL"), ("refugees", "REF"),
    ("doctors", "HLH"), ("trade union", "LAB"), ("farmers", "AGR"), ("rights group", "HRI"),
    ("businessman", "BUS"), ("gang", "CRM"), ("oligarch", "ELI"), ("aid worker", "NGO"),
    ("peacekeepers", "IGO"),
])
def test_key_role_words(word, sector):
    assert sector_of()[word] == sector


@pytest.mark.parametrize("word, role", [
    ("president", "head of state"), ("prime minister", "head of government"), ("premier", "head of government"),
    ("chancellor", "head of government"), ("king", "head of state"), ("foreign minister", "foreign minister"),
    ("foreign secretary", "foreign minister"), ("secretary of state", "foreign minister"),
    ("defence minister", "defence minister"), ("secretary of defense", "defence minister"),
    ("spokesperson", "spokesperson"), ("spokesman", "spokesperson"), ("press secretary", "spokesperson"),
    ("lawmaker", "legislator"),
])
def test_person_words_have_normalised_roles(word, role):
    assert sectors()["roles"][word] == role


def test_person_and_group_examples():
    data = sectors()
    assert {"president", "minister", "spokesperson", "lawmaker", "general"} <= set(data["person_roles"])
    assert {"forces", "troops", "government", "parliament", "police"} <= set(data["group_roles"])
    assert data["role_codes"]["defence minister"] == "GOVMIL" and data["role_codes"]["peacekeepers"] == "IGOPKO"
    assert data["modifiers"]["former"] == "ELI"


def test_ambiguous_bare_words_are_not_role_words():
    words = sector_of()
    for word in ("intelligence", "speaker", "union", "officer", "activist"):
        assert word not in words


# ---------------------------------------------------------------------------------------- IGOs

def test_igo_rows_are_well_formed():
    for row in igos():
        code = row["code"]
        assert code[:3] in {"IGO", "NGO"} and GROUPS_OF_THREE.match(code), code
        assert row["name"], row
        assert row["cameo_official"] in {"true", "false"}, row
        assert not row["wikidata"] or QID.match(row["wikidata"]), row
        if row["cameo_official"] == "false":
            assert "invented" in row["notes"], row
        for alias in split(row["aliases"]):
            assert alias and alias == alias.strip(), row
    assert len({r["name"] for r in igos()}) == len(igos())


def test_igo_forms_are_unique_and_not_country_forms():
    owners: dict[str, set[str]] = {}
    for row in igos():
        for form in [row["name"], *split(row["aliases"])]:
            owners.setdefault(form.casefold(), set()).add(row["name"])
    assert not {form: names for form, names in owners.items() if len(names) > 1}
    assert not set(owners) & set(country_forms())


def igo_code(form: str) -> str | None:
    for row in igos():
        if form.casefold() in {f.casefold() for f in [row["name"], *split(row["aliases"])]}:
            return row["code"]
    return None


@pytest.mark.parametrize("form, code", [
    ("United Nations", "IGOUNO"), ("UN", "IGOUNO"), ("U.N.", "IGOUNO"), ("UNSC", "IGOUNO"),
    ("Security Council", "IGOUNO"), ("UN General Assembly", "IGOUNO"),
    ("NATO", "IGOWSTNAT"), ("North Atlantic Treaty Organization", "IGOWSTNAT"), ("Nato", "IGOWSTNAT"),
    ("EU", "IGOEUREEC"), ("European Union", "IGOEUREEC"), ("E.U.", "IGOEUREEC"), ("European Commission", "IGOEUREEC"),
    ("ASEAN", "IGOSEAASN"), ("African Union", "IGOAFRAFU"), ("Arab League", "IGOMEAARL"),
    ("OPEC", "IGOBUSOPC"), ("IMF", "IGOBUSIMF"), ("WTO", "IGOBUSWTO"), ("World Bank", "IGOUNODEVWBK"),
    ("WHO", "IGOUNOHLHWHO"), ("IAEA", "IGOUNOIAE"), ("ICC", "IGOJUDICC"), ("ICJ", "IGOUNOJUDICJ"),
    ("UNHCR", "IGOUNOREFHCR"), ("UNICEF", "IGOUNOKID"), ("WFP", "IGOUNOWFP"), ("Interpol", "IGOCOPITP"),
    ("ICRC", "NGOHLHIRC"),
])
def test_key_igos(form, code):
    assert igo_code(form) == code


def test_organisations_without_a_cameo_code_are_marked_invented():
    official = {r["name"]: r["cameo_official"] for r in igos()}
    for name in ("BRICS", "Group of Twenty", "Shanghai Cooperation Organisation", "Collective Security Treaty Organization",
                 "Eurasian Economic Union", "Quadrilateral Security Dialogue", "AUKUS", "Mercosur", "Caribbean Community"):
        assert official[name] == "false", name
    for name in ("United Nations", "North Atlantic Treaty Organization", "European Union",
                 "Association of Southeast Asian Nations"):
        assert official[name] == "true", name
    assert any(r["code"].startswith("IGO") and "BRICS" in r["name"] for r in igos())


# ---------------------------------------------------------------------------------------- people

def test_people_rows_are_well_formed():
    country_codes = {r["code"] for r in countries()}
    sector_codes = set(sectors()["sectors"])
    igo_codes = {r["code"] for r in igos()}
    for row in people():
        where = (row["name"], row["role"], row["start"])
        assert row["name"] and row["name"] == row["name"].strip(), where
        assert row["role"] in PEOPLE_ROLES, where
        code, country = row["code"], row["country"]
        assert GROUPS_OF_THREE.match(code), where
        if country:
            assert country in country_codes, where
            assert code.startswith(country) and code[3:6] in sector_codes, where
        else:
            assert code in igo_codes, where
        assert not row["wikidata"] or QID.match(row["wikidata"]), where


def test_people_titles_are_lower_case_phrases():
    for row in people():
        titles = split(row["title"])
        assert titles and all(t == t.strip().lower() and t for t in titles), (row["name"], row["title"])


def holders(country: str, title: str, on: str) -> list[str]:
    """Who held an office with this title on a day (partial dates count from their first day)."""
    def start_of(value: str) -> str:
        return value + "-01-01"[len(value) - 4:] if len(value) < 10 else value
    return sorted({r["name"] for r in people()
                   if r["country"] == country and title in split(r["title"])
                   and start_of(r["start"]) <= on and (not r["end"] or on < start_of(r["end"]))})


@pytest.mark.parametrize("country, title, on, names", [
    ("RUS", "president", "2022-12-30", ["Vladimir Putin"]),
    ("IRN", "president", "2025-06-01", ["Masoud Pezeshkian"]),
    ("IRN", "supreme leader", "2025-06-01", ["Ali Khamenei"]),
    ("USA", "secretary of state", "2023-01-01", ["Antony Blinken"]),
    ("USA", "president", "2019-06-01", ["Donald Trump"]),
    ("DEU", "chancellor", "2023-01-01", ["Olaf Scholz"]),
    ("CHN", "premier", "2024-01-01", ["Li Qiang"]),
    ("GBR", "prime minister", "2020-01-01", ["Boris Johnson"]),
    ("GBR", "foreign secretary", "2024-01-01", ["David Cameron"]),
    ("JPN", "prime minister", "2022-01-01", ["Fumio Kishida"]),
    ("ISR", "prime minister", "2022-01-01", ["Naftali Bennett"]),
    ("UKR", "president", "2023-01-01", ["Volodymyr Zelensky"]),
    ("SAU", "king", "2023-01-01", ["Salman bin Abdulaziz Al Saud"]),
])
def test_office_holder_by_country_title_and_date(country, title, on, names):
    assert holders(country, title, on) == names


def parse(value: str) -> date | None:
    return date.fromisoformat(value) if len(value) == 10 else None


def test_people_dates_are_valid_and_ordered():
    for row in people():
        where = (row["name"], row["role"], row["start"])
        assert DATE.match(row["start"]), where
        assert not row["end"] or DATE.match(row["end"]), where
        for value in (row["start"], row["end"]):
            if len(value) == 10:
                date.fromisoformat(value)
        if row["end"]:
            n = min(len(row["start"]), len(row["end"]))
            assert row["start"][:n] <= row["end"][:n], where


def test_people_aliases_are_not_bare_surnames_nor_shared():
    owner: dict[str, str] = {}
    for row in people():
        words = row["name"].split()
        for alias in split(row["aliases"]):
            assert alias and alias == alias.strip() and alias != row["name"], row
            assert alias not in {words[-1], words[0]} or len(words) == 1, (row["name"], alias)
            assert owner.setdefault(alias.casefold(), row["name"]) == row["name"], (alias, row["name"])
        assert row["short_name"] not in split(row["aliases"]), row
    wikidata: dict[str, str] = {}
    for row in people():
        if row["wikidata"]:
            assert wikidata.setdefault(row["wikidata"], row["name"]) == row["name"], row


def terms(rows):
    out = []
    for row in rows:
        start, end = parse(row["start"]), parse(row["end"]) if row["end"] else date.max
        if start and end:
            out.append((start, end, row))
    return sorted(out, key=lambda term: term[0])


def test_a_person_does_not_hold_the_same_office_twice_at_once():
    by_office: dict[tuple, list] = {}
    for row in people():
        by_office.setdefault((row["name"], row["code"], row["role"]), []).append(row)
    for office, rows in by_office.items():
        spans = terms(rows)
        for (_, end, _), (start, _, _) in zip(spans, spans[1:]):
            assert start >= end, office


def test_single_holder_offices_do_not_overlap_except_acting_terms():
    by_office: dict[tuple, list] = {}
    for row in people():
        if row["role"] in SINGLE_HOLDER_ROLES and row["country"]:
            by_office.setdefault((row["country"], row["role"]), []).append(row)
    for office, rows in by_office.items():
        spans = terms(rows)
        for i, (start, _, row) in enumerate(spans):
            for _, earlier_end, earlier in spans[:i]:
                if start < earlier_end and earlier["name"] != row["name"]:
                    assert "acting" in (row["notes"] + earlier["notes"]).lower(), (office, earlier["name"], row["name"])


def person(name: str, **match) -> list[dict[str, str]]:
    rows = [r for r in people() if r["name"] == name and all(r[k] == v for k, v in match.items())]
    assert rows, (name, match)
    return rows


def test_key_people():
    # the office held now; earlier terms are rows of their own
    [putin] = [r for r in person("Vladimir Putin") if not r["end"]]
    assert (putin["country"], putin["code"], putin["role"], putin["start"], putin["end"], putin["wikidata"]) == \
        ("RUS", "RUSGOV", "head of state", "2012-05-07", "", "Q7747")
    assert any(r["role"] == "head of state" and r["end"].startswith("2008") for r in person("Vladimir Putin"))
    [xi] = [r for r in person("Xi Jinping") if not r["end"]]
    assert (xi["code"], xi["role"], xi["end"], xi["wikidata"]) == ("CHNGOV", "head of state", "", "Q15031")
    [peskov] = person("Dmitry Peskov")
    assert (peskov["code"], peskov["role"], peskov["start"][:4], peskov["end"]) == ("RUSGOV", "spokesperson", "2012", "")
    assert person("Sergey Lavrov", role="foreign minister")[0]["start"] == "2004-03-09"
    [shoigu] = person("Sergei Shoigu", role="defence minister")
    assert shoigu["code"] == "RUSGOVMIL" and shoigu["end"].startswith("2024-05")
    assert person("Andrei Belousov")[0]["start"].startswith("2024-05")
    assert [r["role"] for r in person("Dmitry Medvedev")][:2] == ["head of state", "head of government"]
    assert person("Li Keqiang")[0]["end"].startswith("2023-03")
    assert sorted(r["start"] for r in person("Wang Yi", role="foreign minister")) == ["2013-03-16", "2023-07-25"]
    assert [(r["start"], r["end"]) for r in person("Donald Trump")] == [("2017-01-20", "2021-01-20"), ("2025-01-20", "")]
    assert [(r["start"], r["end"]) for r in person("Joe Biden", role="head of state")] == [("2021-01-20", "2025-01-20")]
    assert person("Barack Obama")[0]["end"] == "2017-01-20"
    assert "Volodymyr Zelenskyy" in split(person("Volodymyr Zelensky")[0]["aliases"])
    assert person("Ebrahim Raisi")[0]["end"] == "2024-05-19"
    assert len(person("Benjamin Netanyahu", role="head of government")) == 3  # 1996-99, 2009-21, 2022-
    assert person("Kim Jong Un")[0]["code"] == "PRKGOV"
    assert person("Ismail Haniyeh")[0]["code"] == "PSEREBHMS"
    uk_pms = sorted((r["start"], r["name"]) for r in people() if r["country"] == "GBR" and r["role"] == "head of government")
    assert [name for start, name in uk_pms if start >= "2010"] == \
        ["David Cameron", "Theresa May", "Boris Johnson", "Liz Truss", "Rishi Sunak", "Keir Starmer"]
    assert [name for start, name in uk_pms if "1979" <= start < "2010"] == \
        ["Margaret Thatcher", "John Major", "Tony Blair", "Gordon Brown"]
    for name, code in (("António Guterres", "IGOUNO"), ("Mark Rutte", "IGOWSTNAT"), ("Ursula von der Leyen", "IGOEUREEC"),
                       ("Kaja Kallas", "IGOEUREEC")):
        assert any(r["code"] == code and r["country"] == "" for r in person(name)), name


def test_coverage_of_major_countries():
    covered = {(r["country"], r["role"]) for r in people()}
    g20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS", "SAU", "ZAF",
           "KOR", "TUR", "GBR", "USA"]
    for country in g20 + ["UKR", "ISR", "IRN", "SYR", "PRK", "TWN", "VEN", "BLR", "AZE", "ARM"]:
        assert (country, "foreign minister") in covered, country
        assert {(country, "head of state"), (country, "head of government")} & covered, country


# ---------------------------------------------------------------------------------------- groups

# Codes of the CAMEO codebook's actor-code list used whole in groups.csv (PAL codes written with
# PSE); every other code marked official is made only of a country and sectors.yml agent codes.
CODEBOOK_GROUP_CODES = {
    "AFGGOVTAL", "PSEREBHMS", "PSEREBISJ", "PSEREBPFL", "PSEREBDFL", "PSEREBAAM", "PSEREBPLF", "PSEREBANO",
    "PSEPLO", "LBNREBHEZ", "LBNREBASL", "IMGMOSALQ", "IMGSEAMOSASF", "IMGSEAMOSJMA", "IRQKURKDP", "EGYREBMBR",
    "GBRREBIRA", "TURREBPKK", "TURREBDSL", "TUROPPHDP", "UGAREBADF", "UGAREBLRA", "MARREBPLS", "DZAOPPFIS",
    "DZAREBFIS", "DZAREBGIA", "DZAREBGSP", "JOROPPIAF", "KHMREBKMR", "SLEREBRUF", "SENREBMDF", "SDNREBSPL",
}
# Prefixes a code may start with besides a country of countries.csv (documented in groups.csv).
GROUP_PREFIXES = {"IGO", "IMG", "NGO", "MNC"}
# CAMEO region, religion and ethnic codes that appear inside codebook codes (groups.csv header).
CAMEO_OTHER_CODES = {"SEA", "MOS", "KUR"}


@lru_cache(maxsize=None)
def groups() -> tuple[dict[str, str], ...]:
    return tuple(read_csv("groups.csv"))


def group_forms(row: dict[str, str]) -> list[str]:
    return [row["name"], *split(row["aliases"])]


def group_code(form: str) -> str | None:
    """The code of the row that lists this exact (case-sensitive) form."""
    found = {row["code"] for row in groups() if form in group_forms(row)}
    assert len(found) <= 1, (form, found)
    return found.pop() if found else None


def test_groups_file_has_the_expected_columns_and_size():
    text = (ACTORS / "groups.csv").read_text(encoding="utf-8")
    header = next(line for line in text.splitlines() if not line.startswith("#"))
    assert header == "code,name,aliases,country,kind,wikidata,cameo_official,notes"
    rows = groups()
    assert len(rows) >= 250
    kinds = [r["kind"] for r in rows]
    assert kinds.count("organization") >= 100 and kinds.count("group") >= 100


def test_group_rows_are_well_formed():
    country_codes = {r["code"] for r in countries()}
    agent_codes = set(sectors()["sectors"])
    for row in groups():
        code, country = row["code"], row["country"]
        assert re.fullmatch(r"[A-Z]{3,12}", code) and GROUPS_OF_THREE.match(code), row
        assert code[:3] in country_codes | GROUP_PREFIXES, row
        if code[:3] in country_codes:
            assert country == code[:3], row  # a country-coded group belongs to that country
            assert code in CODEBOOK_GROUP_CODES or code[3:6] in agent_codes | CAMEO_OTHER_CODES, row
        elif country:
            assert country in country_codes, row  # an IMG group may name the country it works in
        assert row["kind"] in {"organization", "group"}, row
        assert row["cameo_official"] in {"true", "false"}, row
        assert not row["wikidata"] or QID.match(row["wikidata"]), row
        assert row["name"] and row["name"] == row["name"].strip(), row
        aliases = split(row["aliases"])
        assert len(set(aliases)) == len(aliases) and row["name"] not in aliases, row
        for alias in aliases:
            assert alias and alias == alias.strip() and "  " not in alias, row


def test_official_group_codes_are_codebook_codes_or_plain_agent_codes():
    agent_codes = set(sectors()["sectors"])
    for row in groups():
        code = row["code"]
        chunks = [code[i:i + 3] for i in range(3, len(code), 3)]
        if row["cameo_official"] == "true":
            assert code in CODEBOOK_GROUP_CODES or set(chunks) <= agent_codes, row
        else:
            assert "invented" in row["notes"], row
            assert code not in CODEBOOK_GROUP_CODES, row


def test_armed_groups_and_criminals_are_groups():
    for row in groups():
        if row["code"][:3] == "IMG" or row["code"][3:6] in {"REB", "INS", "SEP", "UAF", "CRM"}:
            assert row["kind"] == "group", row


def test_group_names_are_unique_and_distinct_from_igo_names():
    names = [r["name"] for r in groups()]
    assert len(set(names)) == len(names)
    assert not set(names) & {r["name"] for r in igos()}  # both load as organisation entries by name


def test_each_group_form_belongs_to_one_row():
    owners: dict[str, set[str]] = {}
    for row in groups():
        for form in group_forms(row):
            owners.setdefault(form, set()).add(row["name"])
    assert not {form: names for form, names in owners.items() if len(names) > 1}


def test_no_group_form_maps_to_two_codes():
    codes: dict[str, set[str]] = {}
    for row in groups():
        for form in group_forms(row):
            codes.setdefault(form, set()).add(row["code"])
    assert not {form: found for form, found in codes.items() if len(found) > 1}


def test_group_forms_do_not_collide_with_country_or_igo_forms():
    igo_codes: dict[str, set[str]] = {}
    for row in igos():
        for form in [row["name"], *split(row["aliases"])]:
            igo_codes.setdefault(form.casefold(), set()).add(row["code"])
    for row in groups():
        for form in group_forms(row):
            assert form.casefold() not in country_forms(), (row["name"], form)
            assert igo_codes.get(form.casefold(), {row["code"]}) == {row["code"]}, (row["name"], form)


def test_group_wikidata_ids_are_unique_across_files():
    ids = [r["wikidata"] for r in groups() if r["wikidata"]]
    assert len(ids) == len(set(ids))
    assert not set(ids) & {r["wikidata"] for r in (*countries(), *igos()) if r["wikidata"]}


@pytest.mark.parametrize("form, code", [
    ("Hamas", "PSEREBHMS"), ("Qassam Brigades", "PSEREBHMS"), ("Hezbollah", "LBNREBHEZ"), ("Hizbollah", "LBNREBHEZ"),
    ("Pentagon", "USAMIL"), ("the Pentagon", "USAMIL"), ("Department of Defense", "USAMIL"),
    ("State Department", "USAGOV"), ("CIA", "USASPY"), ("FBI", "USACOP"), ("NSA", "USASPY"),
    ("Congress", "USALEG"), ("U.S. Senate", "USALEG"), ("US House of Representatives", "USALEG"),
    ("Supreme Court of the United States", "USAJUD"), ("SCOTUS", "USAJUD"), ("the Fed", "USABUS"),
    ("GOP", "USAPTY"), ("Republicans", "USAPTY"), ("Democrats", "USAPTY"),
    ("State Duma", "RUSLEG"), ("Duma", "RUSLEG"), ("FSB", "RUSSPY"), ("GRU", "RUSMILSPY"), ("Gazprom", "RUSBUS"),
    ("Rosneft", "RUSBUS"), ("United Russia", "RUSPTY"), ("Wagner Group", "RUSUAFWAG"), ("TASS", "RUSMED"),
    ("RT", "RUSMED"), ("People's Liberation Army", "CHNMIL"), ("PLA", "CHNMIL"), ("CCP", "CHNGOVPTY"),
    ("Communist Party of China", "CHNGOVPTY"), ("National People's Congress", "CHNLEG"), ("Xinhua", "CHNMED"),
    ("Global Times", "CHNMED"), ("Knesset", "ISRLEG"), ("IDF", "ISRMIL"), ("Israel Defense Forces", "ISRMIL"),
    ("Mossad", "ISRSPY"), ("Shin Bet", "ISRSPY"), ("Likud", "ISRPTYLKD"),
    ("IRGC", "IRNMIL"), ("Islamic Revolutionary Guard Corps", "IRNMIL"), ("Revolutionary Guards", "IRNMIL"),
    ("Quds Force", "IRNMIL"), ("Majlis", "IRNLEG"), ("IRNA", "IRNMED"),
    ("Bundestag", "DEULEG"), ("Bundeswehr", "DEUMIL"), ("FCDO", "GBRGOV"), ("MI6", "GBRSPY"), ("MI5", "GBRSPY"),
    ("Labour", "GBRPTY"), ("Tories", "GBRPTY"), ("BBC", "GBRMED"), ("Reuters", "GBRMED"), ("AP", "USAMED"),
    ("AFP", "FRAMED"), ("Verkhovna Rada", "UKRLEG"), ("Rada", "UKRLEG"), ("SBU", "UKRSPY"),
    ("Armed Forces of Ukraine", "UKRMIL"), ("Lok Sabha", "INDLEG"), ("BJP", "INDPTY"), ("Congress party", "INDPTY"),
    ("ISI", "PAKSPY"), ("PTI", "PAKPTY"), ("Tatmadaw", "MMRMIL"), ("Saudi Aramco", "SAUBUS"),
    ("Al Jazeera", "QATMED"), ("Yonhap", "KORMED"), ("Kyodo", "JPNMED"), ("KCNA", "PRKMED"),
    ("Anadolu Agency", "TURMED"), ("WAFA", "PSEMED"), ("SANA", "SYRMED"),
    ("Palestinian Islamic Jihad", "PSEREBISJ"), ("Fatah", "PSEPTYFTA"), ("Palestinian Authority", "PSEGOV"),
    ("PLO", "PSEPLO"), ("Houthis", "YEMREBHTH"), ("Ansar Allah", "YEMREBHTH"), ("Taliban", "AFGGOVTAL"),
    ("the Taliban", "AFGGOVTAL"), ("Pakistani Taliban", "PAKREBTTP"), ("ISIS", "IMGMOSISI"),
    ("Islamic State", "IMGMOSISI"), ("Daesh", "IMGMOSISI"), ("al-Qaeda", "IMGMOSALQ"), ("AQAP", "YEMREBALQ"),
    ("AQIM", "DZAREBALQ"), ("al-Shabaab", "SOMREBSHB"), ("Boko Haram", "NGAREBBOK"), ("ISWAP", "NGAREBISI"),
    ("JNIM", "MLIREBJNM"), ("PKK", "TURREBPKK"), ("YPG", "SYRREBYPG"), ("SDF", "SYRREBSDF"),
    ("Hayat Tahrir al-Sham", "SYRREBHTS"), ("Free Syrian Army", "SYRREBFSA"), ("Rapid Support Forces", "SDNREBRSF"),
    ("RSF", "SDNREBRSF"), ("Sudanese Armed Forces", "SDNMIL"), ("M23", "CODREBMAR"),
    ("Allied Democratic Forces", "UGAREBADF"), ("FARC", "COLREBFAR"), ("ELN", "COLREBELN"), ("Shining Path", "PERREBSLU"),
    ("Tamil Tigers", "LKASEPLTT"), ("Muslim Brotherhood", "EGYREBMBR"), ("Azov", "UKRMIL"),
    ("Kataib Hezbollah", "IRQREBKTH"), ("Popular Mobilization Forces", "IRQUAFPMF"), ("Hashd al-Shaabi", "IRQUAFPMF"),
    ("Polisario Front", "MARREBPLS"), ("ETA", "ESPSEPETA"), ("Provisional IRA", "GBRREBIRA"),
    ("Lord's Resistance Army", "UGAREBLRA"), ("Janjaweed", "SDNUAFJJW"), ("Arakan Army", "MMRREBARA"),
    ("Kachin Independence Army", "MMRREBKIA"), ("Karen National Union", "MMRREBKNU"), ("TTP", "PAKREBTTP"),
    ("Balochistan Liberation Army", "PAKSEPBLA"), ("Lashkar-e-Taiba", "PAKREBLET"), ("Jaish-e-Mohammed", "PAKREBJEM"),
    ("Abu Sayyaf", "IMGSEAMOSASF"), ("New People's Army", "PHLREBNPA"), ("Zapatistas", "MEXREBEZL"),
    ("AKP", "TURPTYAKP"), ("CHP", "TURPTYCHP"), ("ANC", "ZAFPTY"), ("ZANU-PF", "ZWEPTY"), ("Fidesz", "HUNPTY"),
    ("PiS", "POLPTY"), ("Law and Justice", "POLPTY"), ("AfD", "DEUPTY"), ("CDU", "DEUPTY"), ("SPD", "DEUPTY"),
    ("National Rally", "FRAPTY"), ("Rassemblement National", "FRAPTY"), ("Sinn Féin", "IRLPTY"),
    ("Kuomintang", "TWNPTY"), ("KMT", "TWNPTY"), ("Democratic Progressive Party", "TWNPTY"),
    ("Workers' Party of Korea", "PRKGOVPTY"), ("LDP", "JPNPTY"), ("PML-N", "PAKPTY"),
])
def test_key_group_forms(form, code):
    assert group_code(form) == code


def test_ambiguous_bare_forms_are_left_out():
    for form in ("Senate", "House", "House of Representatives", "Supreme Court", "Foreign Office", "Treasury",
                 "National Assembly", "IRA", "PA", "CCTV", "IS", "Workers' Party", "Labor", "Democrat",
                 "Republican", "Tory", "Greens", "Diet", "Politburo", "KGB", "PPP", "APC", "DPP", "ADF", "AIS", "IAF",
                 "OPM", "Security Service", "National Liberation Army", "Fed"):
        assert group_code(form) is None, form
    # metonyms that countries.csv already owns stay there
    for form in ("Kremlin", "the Kremlin", "White House", "Downing Street", "Zhongnanhai", "Élysée", "Westminster"):
        assert group_code(form) is None and form.casefold() in country_forms(), form


def test_group_kinds_and_countries():
    by_name = {r["name"]: r for r in groups()}
    for name in ("Hamas", "Hezbollah", "Houthis", "Taliban", "Islamic State", "Al-Qaeda", "Wagner Group",
                 "Rapid Support Forces", "Kurdistan Workers' Party", "Muslim Brotherhood"):
        assert by_name[name]["kind"] == "group", name
    for name in ("Pentagon", "Central Intelligence Agency", "State Duma", "Chinese Communist Party",
                 "Bharatiya Janata Party", "Saudi Aramco", "Xinhua", "Islamic Revolutionary Guard Corps"):
        assert by_name[name]["kind"] == "organization", name
    assert by_name["Islamic State"]["country"] == "" and by_name["Al-Qaeda"]["country"] == ""
    assert by_name["Hamas"]["country"] == "PSE" and by_name["Abu Sayyaf"]["country"] == "PHL"


def test_time_dependent_codes_are_documented():
    by_name = {r["name"]: r for r in groups()}
    taliban = by_name["Taliban"]
    assert taliban["code"] == "AFGGOVTAL" and "AFGREBTAL" in taliban["notes"] and "2021" in taliban["notes"]
    # multi-party countries' parties are date-free PTY codes; one-party states' rulers are GOVPTY
    for row in groups():
        if row["code"][3:6] == "PTY":
            assert row["kind"] == "organization", row
    assert by_name["Likud"]["code"] == "ISRPTYLKD" and "ISRGOVLKD" in by_name["Likud"]["notes"]
    assert by_name["Labour Party"]["code"] == "GBRPTY" and "2024" in by_name["Labour Party"]["notes"]
    for name in ("Chinese Communist Party", "Workers' Party of Korea", "Communist Party of Vietnam",
                 "Communist Party of Cuba"):
        assert by_name[name]["code"].endswith("GOVPTY"), name
    assert by_name["Hayat Tahrir al-Sham"]["notes"] and "2025" in by_name["Hayat Tahrir al-Sham"]["notes"]


def test_group_wikidata_ids():
    qids = {r["name"]: r["wikidata"] for r in groups()}
    assert qids["Taliban"] == "Q42418" and qids["Al-Qaeda"] == "Q34490" and qids["Islamic State"] == "Q2429253"
    assert qids["United States Congress"] == "Q11268" and qids["Central Intelligence Agency"] == "Q37230"
