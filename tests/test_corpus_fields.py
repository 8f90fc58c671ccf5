"""Record corpora with their own column names; user gazetteer files with format faults."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rafah.corpus import LoadOptions, load_corpus, options_key
from rafah.errors import CorpusError, RafahError
from rafah.gazetteer import GazetteerFormatError, load_entries, parse_entries

STORY = "Officials said 12 people were killed in Rafah on Monday."


def write_csv(path: Path, rows: int = 3) -> None:
    lines = ["id,story,pubdate,heading"]
    lines += [f'{i},"{STORY} Row {i}.",2024-03-0{i + 1},Heading {i}' for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_named_fields_are_read(tmp_path: Path) -> None:
    write_csv(tmp_path / "stories.csv")
    options = LoadOptions(text_field="Story", date_field="pubdate", title_field="heading")
    result = load_corpus(tmp_path, options=options)
    assert [a.id for a in result.articles] == ["stories.csv#1", "stories.csv#2", "stories.csv#3"]
    first = result.articles[0]
    assert (first.date, first.title, first.text) == ("2024-03-01", "Heading 0", f"{STORY} Row 0.")
    assert not result.skipped and result.has_text


def test_missing_text_field_is_one_warning_per_file_naming_the_columns(tmp_path: Path) -> None:
    write_csv(tmp_path / "a.csv", rows=300)
    (tmp_path / "b.jsonl").write_text(
        "\n".join(json.dumps({"story": STORY, "when": "2024-03-01"}) for _ in range(4)) + "\n")
    (tmp_path / "good.txt").write_text(f"Date: 2024-03-01\n\n{STORY}\n")
    result = load_corpus(tmp_path)
    assert [a.id for a in result.articles] == ["good.txt"]
    assert [(s.path, s.reason) for s in result.skipped] == [
        ("a.csv", "300 records with no text field (text, body, content, article, full_text, "
                  "maintext); fields found: id, story, pubdate, heading; name the text with "
                  "--text-field"),
        ("b.jsonl", "4 records with no text field (text, body, content, article, full_text, "
                    "maintext); fields found: story, when; name the text with --text-field"),
    ]


def test_nothing_readable_is_an_error_before_any_analysis(tmp_path: Path) -> None:
    write_csv(tmp_path / "a.csv")
    with pytest.raises(CorpusError, match=r"no readable article .*1 file\(s\) skipped: a\.csv: "
                                          r"3 records with no field 'body' \(--text-field\); "
                                          r"fields found: id, story, pubdate, heading"):
        load_corpus(tmp_path, options=LoadOptions(text_field="body"))
    (tmp_path / "a.csv").write_text("id,text\n1,  \n2, \n")
    assert not load_corpus(tmp_path).has_text


def test_field_options_are_part_of_the_file_index_key() -> None:
    assert options_key(LoadOptions()) != options_key(LoadOptions(text_field="story"))
    assert options_key(LoadOptions(date_field="a")) != options_key(LoadOptions(title_field="a"))


def test_cp1252_gazetteer_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "names.csv"
    path.write_bytes("name,type,aliases\nGaza,GPE,\nCaf\u00e9 Hillel,FAC,\n".encode("cp1252"))
    with pytest.raises(GazetteerFormatError) as caught:
        load_entries((str(path),))
    message = str(caught.value)
    assert message == (f"gazetteer {str(path)!r} line 3: expected UTF-8 text, found byte 0xe9 "
                       "at column 4 (saved as cp1252/Latin-1?); save it as UTF-8")
    assert "\n" not in message and isinstance(caught.value, RafahError)


@pytest.mark.parametrize(("text", "csv_format", "expected"), [
    ("Gaza,GPE\nRafah\n", True,
     "gazetteer 'g' line 2: expected name,type[,alias;alias...] (2 or 3 columns), found 1 column"),
    ("Gaza,GPE,Gaza City,extra\n", True,
     "gazetteer 'g' line 1: expected name,type[,alias;alias...] (2 or 3 columns), found 4 "
     "columns"),
    (",GPE\n", True, "gazetteer 'g' line 1: expected name,type[,alias;alias...] (2 or 3 "
                     "columns), found an empty name or type"),
    ('{"name": "Gaza", "type": "GPE"}\n["Rafah", "GPE"]\n', False,
     'gazetteer \'g\' line 2: expected a JSON object {"name", "type", "aliases": [...]} or '
     '{"label", "pattern", "id"} per line, found list'),
    ('{"name": "Gaza", "type": "GPE", "aliases": "Gaza City"}\n', False,
     "gazetteer 'g' line 1: expected \"aliases\" to be a list of names, found str"),
    ('{"title": "Gaza"}\n', False,
     'gazetteer \'g\' line 1: expected a JSON object {"name", "type", "aliases": [...]} or '
     '{"label", "pattern", "id"} per line; found keys title'),
])
def test_wrong_shaped_gazetteer_lines(text: str, csv_format: bool, expected: str) -> None:
    with pytest.raises(GazetteerFormatError) as caught:
        parse_entries(text, "'g'", csv_format=csv_format)
    assert str(caught.value) == expected


def test_well_formed_gazetteer_csv_still_reads() -> None:
    entries = parse_entries("name,type,aliases\nGaza City,gpe,Gaza; Ghazza\n\n", "'g'",
                            csv_format=True)
    assert [(e.name, e.type, e.aliases) for e in entries] == [("Gaza City", "GPE",
                                                              ("Gaza", "Ghazza"))]
