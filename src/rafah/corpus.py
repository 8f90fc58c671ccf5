"""The loader: find article files, decode them, read their headers and split their bodies.

No spaCy here. Every problem with one file becomes a warning (or a skip with a reason); the rest
of the corpus is still loaded.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Protocol

from rafah.dates import InvalidDate, parse_header_date
from rafah.errors import CorpusError
from rafah.records import Article
from rafah.resources import word_list

OUTLET_KEY = "source_outlet"
"""The file index keeps each article's outlet (`Article.source_outlet`) under this key."""
SUPPORTED_SUFFIXES = (".txt", ".md", ".json", ".jsonl", ".csv")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

TEXT_FIELDS = ("text", "body", "content", "article", "full_text", "maintext")
DATE_FIELDS = ("date", "published", "published_at", "publishedat", "pubdate", "date_publish",
               "publish_date", "datetime", "timestamp")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "source_url")
HEADER_DATE_KEYS = {"date", "published", "published at", "published_at", "publishedat",
                    "pubdate", "publish date", "publication date", "dateline"}
HEADER_KEYS = HEADER_DATE_KEYS | {"title", "headline", "url", "link", "source", "author",
                                  "byline", "updated", "tags", "category", "section", "id"}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
_KEY_VALUE = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z_ ]{0,24}?)\s*:\s*(?P<value>.*?)\s*$")
_SEED_HEADER = re.compile(r"^\s*date\s+(?P<date>\S+)\s*(?P<rest>.*)$", re.I)
_DATE_LIKE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")
_DATELINE = re.compile(
    r"^\W{0,3}(?P<date>(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2}, \d{4}"
    r"|\d{4}-\d{2}-\d{2})\b"
)
_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor",
                "of", "on", "or", "over", "per", "the", "to", "vs", "via", "with", "amid"}
_FINAL_PUNCTUATION = tuple(".!?:;,\"'\u201d\u2019)]\u2026")


@dataclass
class Skipped:
    """A file (or record) that could not be read, with the reason."""

    path: str
    reason: str


@dataclass
class LoadResult:
    """Articles read from a corpus, plus what was skipped."""

    articles: list[Article]
    skipped: list[Skipped] = field(default_factory=list)
    root: str = ""

    @property
    def has_text(self) -> bool:
        """Whether any article has words to analyse (else there is no point loading a model)."""
        return any(article.words > 0 for article in self.articles)


@dataclass(frozen=True)
class LoadOptions:
    """Loader settings a user can change."""

    dayfirst: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    text_field: str | None = None
    """The record field (JSON key or CSV column) holding the text; None: the usual names."""
    date_field: str | None = None
    title_field: str | None = None

    def field_names(self, kind: str) -> tuple[str, ...]:
        """The field names to look for: the one the user named, else the usual ones."""
        named = {"text": self.text_field, "date": self.date_field,
                 "title": self.title_field}[kind]
        if named:
            return (named.lower(),)
        return {"text": TEXT_FIELDS, "date": DATE_FIELDS, "title": TITLE_FIELDS}[kind]


# ---------------------------------------------------------------- discovery


def discover(root: Path) -> Iterator[tuple[Path, str | None]]:
    """Yield (path, skip reason or None) for every file under root, sorted, recursively.

    Hidden folders (such as .git) are not entered; symbolic links to folders are not followed,
    so link loops cannot trap the walk.
    """
    if root.is_file():
        yield root, _suffix_reason(root)
        return
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=None):
        base = Path(dirpath)
        kept = []
        for name in sorted(dirnames):
            if name.startswith("."):
                continue
            if (base / name).is_symlink():
                yield base / name, "symbolic link to a folder (not followed)"
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            path = base / name
            if name.startswith("."):
                yield path, "hidden file"
                continue
            yield path, _suffix_reason(path)


def _suffix_reason(path: Path) -> str | None:
    if path.suffix.lower() in SUPPORTED_SUFFIXES:
        return None
    readable = ", ".join(SUPPORTED_SUFFIXES)
    return f"unsupported file type {path.suffix or '(none)'!r} (reads {readable})"


# ---------------------------------------------------------------- decoding


class Unreadable(Exception):
    """A file whose bytes are not text."""


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode article bytes: UTF-8 (BOM or not), UTF-16 with BOM, else cp1252/latin-1 with a
    warning. Raises Unreadable for binary data."""
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise Unreadable("invalid UTF-16 text") from exc
    elif b"\x00" in data:
        raise Unreadable("binary file (contains NUL bytes)")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
                warnings.append("not valid UTF-8; decoded as cp1252")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
                warnings.append("not valid UTF-8; decoded as latin-1")
    if text and len(_CONTROL.findall(_ANSI.sub("", text))) > max(2, len(text) // 100):
        raise Unreadable("binary file (too many control characters)")
    return clean_text(text), warnings


def clean_text(text: str) -> str:
    """Normalise line endings and remove terminal escapes and control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ANSI.sub("", text)
    return _CONTROL.sub("", text)


# ---------------------------------------------------------------- headers and bodies


@dataclass
class _Header:
    title: str | None = None
    date_value: str | None = None
    date_source: str | None = None
    url: str | None = None


def _strip_value(value: str) -> str:
    return value.strip().strip("`'\"").strip()


def _read_front_matter(lines: list[str], header: _Header) -> int:
    """Read YAML front matter (simple key: value lines); return the index after it."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, min(len(lines), 200)):
        if lines[index].strip() in ("---", "..."):
            for line in lines[1:index]:
                match = _KEY_VALUE.match(line)
                if match:
                    _apply_key(header, match["key"], match["value"], "front-matter")
            return index + 1
    return 0


def _apply_key(header: _Header, key: str, value: str, source: str) -> bool:
    key = key.strip().lower()
    if key not in HEADER_KEYS:
        return False
    value = _strip_value(value)
    if key in HEADER_DATE_KEYS:
        if header.date_value is None and value:
            header.date_value, header.date_source = value, source
    elif key in ("title", "headline"):
        header.title = header.title or value or None
    elif key in ("url", "link"):
        header.url = header.url or value or None
    return True


def split_header(text: str) -> tuple[_Header, list[str]]:
    """Separate header lines (front matter, `# Title`, `Key: value`, the seeds' `date ...` line)
    from the body lines."""
    header = _Header()
    lines = text.split("\n")
    index = _read_front_matter(lines, header)
    seen_header = index > 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if not stripped:
            index += 1
            continue
        if stripped.startswith("# ") and header.title is None:
            header.title = stripped[2:].strip() or None
            seen_header = True
            index += 1
            continue
        if seen_header and set(stripped) <= {"-", "=", "*", "_"} and len(stripped) >= 3:
            index += 1
            continue
        match = _KEY_VALUE.match(line)
        if match and _apply_key(header, match["key"], match["value"], "header"):
            seen_header = True
            index += 1
            continue
        seed = _SEED_HEADER.match(line)
        if seed and header.date_value is None and _DATE_LIKE.match(seed["date"]):
            header.date_value, header.date_source = seed["date"], "header"
            lines[index] = seed["rest"]
            if not seed["rest"].strip():
                index += 1
        break
    return header, lines[index:]


def _is_heading(paragraph: str) -> bool:
    """A short title-case line without final punctuation, e.g. "Diverging Paths to Peace"."""
    if "\n" in paragraph or len(paragraph) > 90 or paragraph.endswith(_FINAL_PUNCTUATION):
        return False
    words = paragraph.split()
    if not words or len(words) > 12 or not paragraph[0].isupper():
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return bool(content) and capitalised / len(content) >= 0.75


def split_paragraphs(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split body lines into paragraphs and section headings; drop boilerplate lines.

    Blank lines separate paragraphs; a single line break also does, unless the line is wrapped
    (it does not end a sentence and the next line starts in lower case).
    """
    boilerplate = word_list("boilerplate.txt")
    paragraphs: list[str] = []
    headings: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if not current:
            return
        text = " ".join(current)
        current.clear()
        if text.lower().strip(" .:") in boilerplate or text.lower() in boilerplate:
            return
        if _is_heading(text):
            headings.append(text)
        else:
            paragraphs.append(text)

    for raw in lines:
        line = " ".join(raw.split())
        if line.startswith("#"):
            flush()
            heading = line.lstrip("#").strip()
            if heading:
                headings.append(heading)
            continue
        if not line:
            flush()
            continue
        if current and not (current[-1].endswith(_FINAL_PUNCTUATION) or not line[:1].islower()):
            current.append(line)
            continue
        flush()
        current.append(line)
    flush()
    return paragraphs, headings


def _resolve_date(value: str | None, source: str | None, options: LoadOptions,
                  warnings: list[str], saved: str | None) -> tuple[str | None, str | None]:
    """The article's date and its source; a date more than a day after ``saved`` (the day
    the file was last changed, UTC; None: no file, or a placeholder or future time, then
    today) is kept with a warning. Judged against the file, not the day of the run, the
    warning is the same on every run over an unchanged file."""
    if value is None:
        return None, None
    try:
        day = parse_header_date(value, dayfirst=options.dayfirst)
    except InvalidDate as exc:
        warnings.append(f"{exc}; date set to null")
        return None, None
    reference = date.fromisoformat(saved) if saved else date.today()
    if day > (reference + timedelta(days=1)).isoformat():
        warnings.append(f"date {day} is later than the file itself, last changed {saved} (kept)"
                        if saved else f"date {day} is in the future (kept)")
    return day, source


def _fallback_date(path: Path, paragraphs: list[str], options: LoadOptions
                   ) -> tuple[str | None, str | None]:
    found = _FILENAME_DATE.search(path.name)
    if found:
        try:
            return parse_header_date("-".join(found.groups())), "filename"
        except InvalidDate:
            pass
    if paragraphs:
        dateline = _DATELINE.match(paragraphs[0])
        if dateline:
            try:
                return parse_header_date(dateline["date"], dayfirst=options.dayfirst), "text"
            except InvalidDate:
                pass
    return None, None


def text_hash(text: str) -> str:
    """sha256 of the analysed body text (the analysis cache key)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_from_text(text: str, *, article_id: str, path: Path,
                      options: LoadOptions | None = None,
                      warnings: list[str] | None = None, saved: str | None = None) -> Article:
    """Build an Article from the decoded text of a .txt or .md file (``saved``: the day the
    file was last changed, `_resolve_date`)."""
    options = options or LoadOptions()
    warnings = list(warnings or [])
    header, body_lines = split_header(text)
    paragraphs, headings = split_paragraphs(body_lines)
    date, source = _resolve_date(header.date_value, header.date_source, options, warnings,
                                 saved)
    if date is None and header.date_value is None:
        date, source = _fallback_date(path, paragraphs, options)
    if not paragraphs:
        warnings.append("no body text")
    return _finish(Article(id=article_id, path=str(path), date=date, date_source=source,
                           title=header.title, paragraphs=paragraphs, headings=headings,
                           warnings=warnings, url=header.url))


def _finish(article: Article) -> Article:
    article.text_hash = text_hash(article.text)
    article.word_count = sum(len(p.split()) for p in article.body())
    return article


def _field(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name)
        if value not in (None, ""):
            return value
    return None


def article_from_record(record: dict[str, Any], *, article_id: str, path: Path,
                        options: LoadOptions | None = None,
                        warnings: list[str] | None = None, saved: str | None = None) -> Article:
    """Build an Article from a JSON/JSONL/CSV record with the common field names (``saved``:
    the day the file was last changed, `_resolve_date`)."""
    options = options or LoadOptions()
    warnings = list(warnings or [])
    body = _field(record, options.field_names("text"))
    body_text = clean_text(str(body)) if body is not None else ""
    if body is None:
        warnings.append(f"no text field (one of {', '.join(options.field_names('text'))})")
    paragraphs, headings = split_paragraphs(body_text.split("\n"))
    raw_date = _field(record, options.field_names("date"))
    date, source = _resolve_date(None if raw_date is None else str(raw_date), "header",
                                 options, warnings, saved)
    title = _field(record, options.field_names("title"))
    url = _field(record, URL_FIELDS)
    if body is not None and not paragraphs:
        warnings.append("no body text")
    return _finish(Article(id=article_id, path=str(path), date=date, date_source=source,
                           title=clean_text(str(title)).strip() if title else None,
                           paragraphs=paragraphs, headings=headings, warnings=warnings,
                           url=str(url) if url else None))


# ---------------------------------------------------------------- files


def _records_from_jsonl(text: str) -> Iterator[tuple[str, dict | None, str | None]]:
    """Yield (line number, record or None, problem or None) from JSONL text."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield str(number), None, f"line {number}: invalid JSON ({exc.msg})"
            continue
        if isinstance(value, dict):
            yield str(number), value, None
        else:
            yield str(number), None, f"line {number}: not a JSON object"


def _records_from_json(text: str, suffix: str) -> Iterator[tuple[str, dict | None, str | None]]:
    """Yield (record key, record or None, problem or None) from JSON, JSONL or CSV text."""
    if suffix == ".jsonl":
        yield from _records_from_jsonl(text)
        return
    if suffix == ".csv":
        csv.field_size_limit(2**31 - 1)
        reader = csv.DictReader(io.StringIO(text))
        for number, row in enumerate(reader, start=1):
            yield str(number), dict(row), None
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield "", None, f"invalid JSON ({exc.msg} at line {exc.lineno})"
        return
    if isinstance(value, dict):
        for key in ("articles", "data", "items", "records", "results"):
            if isinstance(value.get(key), list):
                value = value[key]
                break
    if isinstance(value, dict):
        yield "", value, None
    elif isinstance(value, list):
        for number, item in enumerate(value, start=1):
            if isinstance(item, dict):
                yield str(number), item, None
            else:
                yield str(number), None, f"item {number}: not a JSON object"
    else:
        yield "", None, "JSON holds no article object"


_FIRST_REAL_FILE_DAY = date(1990, 1, 1)
"""Files last changed before this day carry a placeholder time (archives and build tools
write 1970 or 1980), not the day they were written."""


def _saved_day(mtime: float) -> str | None:
    """The day (UTC) a file was last changed; None when its time is a placeholder or after
    today (a wrong clock)."""
    try:
        day = datetime.fromtimestamp(mtime, UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
    if not _FIRST_REAL_FILE_DAY <= day <= datetime.now(UTC).date():
        return None
    return day.isoformat()


def read_file(path: Path, article_id: str, options: LoadOptions
              ) -> tuple[list[Article], list[Skipped]]:
    """Read one file into articles; problems become Skipped entries."""
    try:
        found = path.stat()
        size = found.st_size
        if size > options.max_bytes:
            limit = f"{options.max_bytes / 1_000_000:g} MB"
            return [], [Skipped(article_id, f"larger than --max-bytes ({limit})")]
        if size == 0:
            return [], [Skipped(article_id, "empty file")]
        data = path.read_bytes()
    except OSError as exc:
        return [], [Skipped(article_id, f"cannot read: {exc.strerror or exc}")]
    try:
        text, warnings = decode(data)
    except Unreadable as exc:
        return [], [Skipped(article_id, str(exc))]
    if not text.strip():
        return [], [Skipped(article_id, "no text (whitespace only)")]
    suffix = path.suffix.lower()
    saved = _saved_day(found.st_mtime)
    if suffix in (".txt", ".md"):
        return [article_from_text(text, article_id=article_id, path=path, options=options,
                                  warnings=warnings, saved=saved)], []
    return _read_records(text, suffix, path, article_id, options, warnings, saved=saved)


def _read_records(text: str, suffix: str, path: Path, article_id: str, options: LoadOptions,
                  warnings: list[str], *, saved: str | None
                  ) -> tuple[list[Article], list[Skipped]]:
    """The articles of a JSON, JSONL or CSV file; records without text are counted into one
    skip for the file (``saved``: the day it was last changed, `_resolve_date`)."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    without_text: list[dict[str, Any]] = []
    text_names = options.field_names("text")
    for key, record, problem in _records_from_json(text, suffix):
        record_id = f"{article_id}#{key}" if key else article_id
        if record is None:
            skipped.append(Skipped(record_id if key else article_id, problem or "no record"))
        elif _field(record, text_names) is None:
            without_text.append(record)
        else:
            articles.append(article_from_record(record, article_id=record_id, path=path,
                                                options=options, warnings=warnings,
                                                saved=saved))
    if without_text:
        skipped.append(Skipped(article_id, _missing_text_reason(without_text, options)))
    if not articles and not skipped:
        skipped.append(Skipped(article_id, "no records"))
    return articles, skipped


def _missing_text_reason(records: list[dict[str, Any]], options: LoadOptions) -> str:
    """One reason for all the records of a file that lack the text field, naming the
    columns they do have."""
    found = list(dict.fromkeys(str(k) for record in records[:100] for k in record))
    shown = ", ".join(found[:12]) + (", ..." if len(found) > 12 else "") or "none"
    count = f"{len(records):,} record{'s' if len(records) != 1 else ''}"
    if options.text_field:
        wanted = f"no field {options.text_field!r} (--text-field)"
    else:
        wanted = f"no text field ({', '.join(TEXT_FIELDS)})"
    return f"{count} with {wanted}; fields found: {shown}; name the text with --text-field"


class FileIndex(Protocol):
    """Where the loader remembers what it read from each file (the analysis store)."""

    def lookup_files(self, keys: list[str]) -> dict[str, tuple[int, int, str, str]]: ...

    def save_files(self, rows: list[tuple[str, int, int, str, str]]) -> None: ...


@cache
def _loader_digest() -> str:
    package = Path(__file__).resolve().parent
    hasher = hashlib.sha256()
    for path in (package / "corpus.py", package / "dates.py",
                 package / "data" / "boilerplate.txt"):
        hasher.update(path.read_bytes())
    return hasher.hexdigest()[:12]


def options_key(options: LoadOptions) -> str:
    """What a cached file reading depends on besides the file: loader code and options."""
    fields = f"{options.text_field or ''}|{options.date_field or ''}|{options.title_field or ''}"
    return f"{_loader_digest()}|{int(options.dayfirst)}|{options.max_bytes}|{fields}"


@lru_cache(maxsize=4)
def _bodies(path: str, mtime_ns: int, options: LoadOptions) -> dict[str, list[str]]:
    articles, _ = read_file(Path(path), "", options)
    return {article.id: article.body() for article in articles}


def _reloader(path: Path, article_id: str, file_id: str, options: LoadOptions
              ) -> Callable[[], list[str]]:
    """A function that reads an article's body from its file again."""
    suffix = article_id[len(file_id):]

    def reload() -> list[str]:
        try:
            mtime = path.stat().st_mtime_ns
        except OSError:
            return []
        return _bodies(str(path), mtime, options).get(suffix, [])

    return reload


def _from_metadata(meta: dict[str, Any], path: Path, file_id: str,
                   options: LoadOptions) -> Article:
    article = Article(paragraphs=None, **{k: v for k, v in meta.items() if k != OUTLET_KEY})
    article.reload = _reloader(path, article.id, file_id, options)
    return article


def _readable_files(base: Path, found: list[tuple[Path, str | None]], skipped: list[Skipped]
                    ) -> list[tuple[Path, str, int, int, str]]:
    """(path, file id, size, mtime, index key) of the files to read; the others are added
    to ``skipped`` with their reason."""
    readable: list[tuple[Path, str, int, int, str]] = []
    single = base.is_file()
    root = base.resolve()
    for path, reason in found:
        file_id = path.name if single else path.relative_to(base).as_posix()
        if reason:
            skipped.append(Skipped(file_id, reason))
            continue
        try:
            stat = path.stat()
        except OSError as exc:
            skipped.append(Skipped(file_id, f"cannot read: {exc.strerror or exc}"))
            continue
        where = root if single else root / file_id
        readable.append((path, file_id, stat.st_size, stat.st_mtime_ns, f"{where}|{file_id}"))
    return readable


def _found_files(base: Path) -> list[tuple[Path, str | None]]:
    """Every file under ``base``; CorpusError when there is none."""
    if not base.exists():
        raise CorpusError(f"corpus path {str(base)!r} does not exist; pass a folder or a file "
                          "of articles, or set RAFAH_CORPUS")
    found = list(discover(base))
    if not found:
        raise CorpusError(f"corpus folder {str(base)!r} is empty; put .txt, .md, .json, .jsonl "
                          "or .csv articles in it")
    return found


def file_listing(base: Path) -> list[tuple[str, str, int, int, str]]:
    """(file id, skip reason or "", size, modification time in ns, file index key) of every
    file the loader would consider under ``base``, in the loader's order (the files it skips
    without opening them last), without opening one; CorpusError when there is none."""
    skipped: list[Skipped] = []
    readable = _readable_files(base, _found_files(base), skipped)
    rows = [(file_id, "", size, mtime, key) for _, file_id, size, mtime, key in readable]
    return rows + [(s.path, s.reason, -1, -1, "") for s in skipped]


def _recall(payload: dict[str, Any], path: Path, file_id: str, options: LoadOptions,
            result: LoadResult) -> None:
    """Add what the file index remembers of an unchanged file to ``result``."""
    result.articles.extend(_from_metadata(m, path, file_id, options)
                           for m in payload["articles"])
    result.skipped.extend(Skipped(*s) for s in payload["skipped"])


def load_corpus(root: str | os.PathLike[str], *, options: LoadOptions | None = None,
                index: FileIndex | None = None, keep_text: bool = True) -> LoadResult:
    """Load every article under root (a folder, searched recursively, or one file).

    With an ``index``, files whose size and modification time are unchanged are not read
    again: their articles come from the index, with the body read back only when needed.
    ``keep_text=False`` drops bodies from memory after reading (large corpora).
    Raises CorpusError when the path does not exist, holds no files, or no readable article.
    """
    options = options or LoadOptions()
    base = Path(root)
    result = LoadResult(articles=[], root=str(base))
    found = _found_files(base)
    readable = _readable_files(base, found, result.skipped)
    settings = options_key(options)
    known = index.lookup_files([r[4] for r in readable]) if index is not None else {}
    to_save: list[tuple[str, int, int, str, str]] = []
    for path, file_id, size, mtime, key in readable:
        hit = known.get(key)
        if hit is not None and hit[:3] == (size, mtime, settings):
            _recall(json.loads(hit[3]), path, file_id, options, result)
            continue
        articles, skipped = read_file(path, file_id, options)
        if index is not None:
            payload = {"articles": [{**a.metadata(), OUTLET_KEY: a.source_outlet}
                                    for a in articles],
                       "skipped": [[s.path, s.reason] for s in skipped]}
            to_save.append((key, size, mtime, settings, json.dumps(payload, ensure_ascii=False)))
        if not keep_text:
            for article in articles:
                article.paragraphs = None
                article.reload = _reloader(path, article.id, file_id, options)
        result.articles.extend(articles)
        result.skipped.extend(skipped)
    if index is not None:
        index.save_files(to_save)
    if not result.articles:
        raise CorpusError(no_article_message(base, result.skipped))
    mark_duplicates(result.articles)
    return result


def no_article_message(base: Path, skipped: list[Skipped]) -> str:
    """Why nothing could be read: the count of skips, and the reason when there is one."""
    message = f"no readable article in {str(base)!r} ({len(skipped)} file(s) skipped"
    if len(skipped) == 1:
        message += f": {skipped[0].path}: {skipped[0].reason}"
    return f"{message}); supported: {', '.join(SUPPORTED_SUFFIXES)}"


def mark_duplicates(articles: list[Article]) -> None:
    """Flag articles whose body text equals an earlier one's (both are kept)."""
    first: dict[str, str] = {}
    for article in articles:
        if article.words == 0:
            continue
        earlier = first.setdefault(article.text_hash, article.id)
        if earlier != article.id:
            article.duplicate_of = earlier
