"""The documentation covers every command and every output field, and is current."""

from __future__ import annotations

import re

from rafah.cli import cli
from rafah.records import Article
from rafah.reports.casualties import FIGURE_COLUMNS, MENTION_COLUMNS, REFERENCE_COLUMNS
from rafah.reports.coverage import COVERAGE_COLUMNS
from rafah.reports.entities import Entity

from .cli_reference import REFERENCE, render_reference
from .conftest import ROOT

DOCS = ROOT / "docs"


def test_cli_reference_is_current() -> None:
    assert REFERENCE.read_text(encoding="utf-8") == render_reference(), \
        "docs/cli.md is stale: run python -m tests.cli_reference"


def test_usage_names_every_command() -> None:
    usage = (DOCS / "usage.md").read_text(encoding="utf-8")
    for command in cli.commands:
        assert f"rafah {command}" in usage, command


def test_output_doc_lists_every_field() -> None:
    output = (DOCS / "output.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z_]+)`", output))
    article = Article("a", "a", None, None, None, []).to_record()
    entity = Entity("n", "GPE", 1, 1, None, None, []).to_record()
    timeline = {"kind", "date", "article", "title", "summary", "entities", "casualties",
                "granularity", "text", "sentence", "period", "articles"}
    context = {"article", "date", "left", "match", "right", "sentence", "start", "end"}
    fields = (set(article) | set(entity) | set(FIGURE_COLUMNS) | set(REFERENCE_COLUMNS) |
              set(MENTION_COLUMNS) | set(COVERAGE_COLUMNS) | {"flags"} | timeline | context)
    assert fields <= documented, fields - documented


def test_docs_exist_and_readme_is_short() -> None:
    for name in ("usage.md", "output.md", "accuracy.md", "performance.md", "reliability.md",
                 "cli.md"):
        assert (DOCS / name).stat().st_size > 500, name
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    commands = [line.strip() for line in readme if line.startswith("    ")]
    assert commands[:2] == ["pip install . && rafah timeline seeds/",
                            "pip install '.[test]' && pytest"]
    assert len(readme) < 40


def test_every_test_the_docs_cite_exists() -> None:
    cited = 0
    for page in DOCS.glob("*.md"):
        text = page.read_text(encoding="utf-8")
        for cell in re.findall(r"`[^`]*::[^`]*`(?:, `::[^`]*`)*", text):
            module = None
            for name in re.findall(r"(test_\w+\.py)?::(test_\w+)", cell):
                module = name[0] or module
                assert module, (page.name, cell)
                source = (ROOT / "tests" / module).read_text(encoding="utf-8")
                assert re.search(rf"^def {name[1]}\(", source, re.M), (page.name, module, name[1])
                cited += 1
    assert cited > 40
