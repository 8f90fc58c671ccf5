"""Seed facts and model-independent properties, with the real spaCy pipeline."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from rafah.cli import cli
from rafah.corpus import load_corpus

from .conftest import SEEDS

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def rafah_json(shared_cache: Path):  # noqa: ANN201
    """Run a command on the seeds with the shared cache and return its parsed JSON."""

    def call(command: str, *args: str) -> list[dict]:
        result = CliRunner().invoke(cli, [command, *args, str(SEEDS), "--format", "json",
                                          "--cache", str(shared_cache), "-q"],
                                    catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    return call


def test_people_are_exactly_the_seed_people(rafah_json) -> None:  # noqa: ANN001
    rows = rafah_json("entities", "--type", "PERSON")
    names = [r["name"] for r in rows]
    assert sorted(names) == sorted([
        "Joe Biden", "Benjamin Netanyahu", "Benny Gantz", "Ron Dermer", "Antony Blinken",
        "Kamala Harris", "Bernie Sanders", "Jeremy Konyndyk", "Frank Lowenstein"])
    aliases = {r["name"]: r["aliases"] for r in rows}
    for full, short in [("Joe Biden", "Biden"), ("Benjamin Netanyahu", "Netanyahu"),
                        ("Benny Gantz", "Gantz"), ("Ron Dermer", "Dermer"),
                        ("Kamala Harris", "Harris")]:
        assert short in aliases[full]


def test_places_and_organisations(rafah_json) -> None:  # noqa: ANN001
    rows = rafah_json("entities")
    by_type: dict[str, dict[str, dict]] = {}
    for row in rows:
        by_type.setdefault(row["type"], {})[row["name"]] = row
    for place in ["Rafah", "Gaza", "Israel", "United States", "Egypt", "Washington", "Cairo",
                  "Khan Younis"]:
        assert place in by_type["GPE"], place
    assert {"US", "U.S."} <= set(by_type["GPE"]["United States"]["aliases"])
    for row in rows:
        assert not any(a.lower().startswith(("the ", "a ")) for a in row["aliases"]), row
    places = by_type["GPE"]
    assert (places["Rafah"]["country"], places["Khan Younis"]["country"]) == ("PS", "PS")
    assert places["Egypt"]["country"] == "EG" and places["United States"]["country"] == "US"
    assert abs(places["Rafah"]["lat"] - 31.29) < 0.2 and abs(places["Rafah"]["lon"] - 34.25) < 0.2
    for organisation in ["Hamas", "UNRWA", "White House", "United Nations"]:
        assert organisation in by_type["ORG"], organisation
    assert "UN" in by_type["ORG"]["United Nations"]["aliases"]
    army = [r for r in by_type["ORG"].values() if "IDF" in r["aliases"] or r["name"] == "IDF"]
    assert len(army) == 1 and "Israeli Defense Forces" in army[0]["aliases"] + [army[0]["name"]]
    for row in rows:
        assert not row["name"].lower().startswith("the ")
        assert "International Concerns" not in row["name"]


def test_context_finds_every_sentence_naming_netanyahu(rafah_json) -> None:  # noqa: ANN001
    rows = rafah_json("context", "Netanyahu")
    grep = sum(len(re.findall("Netanyahu", p.read_text())) for p in SEEDS.glob("*.txt"))
    assert len(rows) == grep == 11
    assert all("Netanyahu" in r["sentence"] for r in rows)


def test_casualty_figures_of_the_seeds(rafah_json) -> None:  # noqa: ANN001
    rows = rafah_json("casualties")
    compact = [(r["article"][:3], r["date"], r["kind"], r["value"], r["qualifier"], r["low"],
                r["high"], r["group"]) for r in rows]
    assert compact == [
        ("000", "2024-03-13", "killed", 31000, "over", 31000, None, None),
        ("002", "2024-03-21", "displaced", 1500000, "over", 1500000, None, "Palestinians"),
        ("002", "2024-03-21", "killed", 32000, "nearly", None, 32000, "Palestinians"),
        ("004", None, "killed", 34900, "over", 34900, None, "Palestinians"),
        ("004", None, "killed", 1455, None, 1455, 1455, "Israelis"),
    ]
    assert "Hamas Ministry of Health" in rows[0]["source"] and rows[0]["cumulative"]
    assert "Hamas-run Gaza health ministry" in rows[2]["source"]
    assert rows[3]["cumulative"]
    text = {p.name: load_corpus(p).articles[0].text for p in SEEDS.glob("*.txt")}
    spans = [text[r["article"]][r["start"]:r["end"]] for r in rows]
    assert spans == ["over 31,000", "over 1.5 million", "nearly 32,000", "Over 34,900", "1,455"]
    assert all(r["sentence"] in text[r["article"]] for r in rows)


def test_timeline_orders_articles_and_summaries(rafah_json) -> None:  # noqa: ANN001
    rows = rafah_json("timeline")
    assert [r["date"] for r in rows] == ["2024-03-13", "2024-03-19", "2024-03-21", "2024-03-24",
                                         None]
    assert all(r["kind"] == "article" for r in rows)
    for row in rows:
        assert not row["summary"].lower().startswith("date")
        assert row["title"] and not row["title"].lower().startswith("date")
    assert "Joe Biden" in rows[0]["entities"]


def test_timeline_events(rafah_json) -> None:  # noqa: ANN001
    events = [r for r in rafah_json("timeline", "--events") if r["kind"] == "event"]
    found = {(r["date"], r["granularity"], r["text"], r["article"][:3]) for r in events}
    assert ("2023-10-07", "day", "October 7", "000") in found
    assert ("2024-02-15", "day", "February 15", "000") in found
    assert ("2022", "year", "2022", "003") in found
    texts = {r["text"] for r in events}
    assert not texts & {"seven weeks", "its fifth month"}


def test_mentions_point_at_their_text(shared_cache: Path) -> None:
    from rafah.analyze import analyse_articles
    from rafah.store import Store

    articles = load_corpus(SEEDS).articles
    run = analyse_articles(articles, Store(shared_cache))
    for article in articles:
        analysis = run.analyses[article.text_hash]
        for mention in analysis.mentions:
            assert article.text[mention.start:mention.end] == mention.text
            sentence = analysis.sentences[mention.sent]
            start, end = sentence.start, sentence.end
            assert start <= mention.start < mention.end <= end
        for figure in analysis.casualties:
            assert figure.sentence in article.text
            assert figure.value > 0 and figure.kind


def run_cli(shared_cache: Path, *args: str):  # noqa: ANN201
    return CliRunner().invoke(cli, [*args, "--cache", str(shared_cache), "-q"],
                              catch_exceptions=False)


def test_casualty_chart_in_the_terminal(shared_cache: Path) -> None:
    result = run_cli(shared_cache, "casualties", str(SEEDS), "--plot")
    assert result.exit_code == 0
    assert "killed/Palestinian/Gaza (running total)" in result.stdout
    assert "2024-03-13" in result.stdout and ">31,000" in result.stdout
    assert "Not charted — the article has no date:" in result.stdout
    assert "killed >34,900 Palestinians" in result.stdout


def test_casualty_chart_image_and_reference(shared_cache: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    reference = tmp_path / "moh.csv"
    reference.write_text("date,killed,injured\n2024-03-12,31184,72889\n2024-03-21,31988,\n")
    image = tmp_path / "chart.png"
    result = run_cli(shared_cache, "casualties", str(SEEDS), "--plot-file", str(image),
                     "--reference", str(reference), "--reference-side", "Palestinian",
                     "--reference-area", "Gaza", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert image.read_bytes()[:4] == b"\x89PNG"
    by_value = {r["value"]: r for r in rows}
    assert by_value[31000]["reference"] == 31184
    assert by_value[31000]["deviation"] == round((31000 - 31184) / 31184 * 100, 1)
    assert by_value[32000]["reference"] == 31988
    assert by_value[1500000]["reference"] is None and by_value[34900]["reference"] is None


def test_plot_file_needs_png_or_svg(shared_cache: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["casualties", str(SEEDS), "--plot-file",
                                      str(tmp_path / "x.gif"), "--cache", str(shared_cache)])
    assert result.exit_code == 2 and "must end in .png or .svg" in result.stderr
