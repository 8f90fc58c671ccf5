"""Printed output kept in the store: a command repeated on an unchanged corpus writes back
what it printed before, without loading the corpus or reading a record.

The key is everything the output depends on: the command and its options, the corpus files
(path, size and modification time, the loader's own test for an unchanged file, read without
opening a file), the loader options, the analysis fingerprint (model, extraction code, word
lists, gazetteers), the code of the whole package and how the output is shown (format,
terminal or not, width). The output is copied to a file beside the store as it is written and
copied back on replay, so neither holds it in memory; the lines printed on stderr are kept in
the report cache with it (which keeps the most recent) and printed again. An output cut short
(an error, a reader that closed the pipe) is never kept.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from rafah.corpus import LoadOptions, file_listing, options_key
from rafah.errors import CorpusError
from rafah.store import Store

CHUNK = 1 << 20
PREFIX = "output:"
"""Prefix of the report-cache keys (`Store.put_report`) that make a kept output current."""


def corpus_digest(root: str, options: LoadOptions) -> str | None:
    """A hash of the corpus as the loader would find it (every file's id, size and
    modification time, and the skip reasons), without reading a file; None when the corpus
    cannot be listed (the command then reports why)."""
    try:
        listing = file_listing(Path(root))
    except (CorpusError, OSError):
        return None
    hasher = hashlib.sha256(f"{Path(root).resolve()}\0{options_key(options)}\0".encode())
    for row in listing:
        hasher.update("\t".join(map(str, row)).encode("utf-8", "surrogateescape") + b"\n")
    return hasher.hexdigest()


def output_key(parts: Mapping[str, Any], files: Iterable[str] = ()) -> str:
    """The key of an output: ``parts`` (JSON-able: command, options, digests) and the
    contents of ``files`` the command reads besides the corpus (reference series)."""
    hasher = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode())
    for name in files:
        try:
            hasher.update(Path(name).read_bytes())
        except OSError:
            hasher.update(b"\0unreadable\0" + name.encode("utf-8", "surrogateescape"))
    return hasher.hexdigest()


class Recorder(io.TextIOBase):
    """A text stream that writes through to ``target`` and keeps a copy of what it wrote in
    the store's output folder under ``key``; `finish` makes it replayable with the messages
    printed around it. A copy that cannot be written is given up quietly."""

    def __init__(self, target: IO[str], store: Store, key: str) -> None:
        super().__init__()
        self.target = target
        self.store = store
        self.key = key
        self.broken = False
        self.size = 0
        self.copy: IO[bytes] | None = None
        folder = store.output_folder
        self.partial = None if folder is None else folder / f"{key}.{os.getpid()}.partial"
        if self.partial is not None:
            try:
                self.partial.parent.mkdir(parents=True, exist_ok=True)
                self.copy = self.partial.open("wb")
            except OSError:
                self.copy = None

    def write(self, text: str) -> int:  # type: ignore[override]
        """Write ``text`` through and keep it."""
        try:
            written = self.target.write(text)
        except (BrokenPipeError, OSError):
            self.broken = True
            raise
        if self.copy is not None:
            data = text.encode("utf-8", "surrogatepass")
            self.size += len(data)
            try:
                self.copy.write(data)
            except OSError:
                self._give_up()
        return written

    def flush(self) -> None:
        """Flush the target."""
        try:
            self.target.flush()
        except (BrokenPipeError, OSError):
            self.broken = True
            raise

    def isatty(self) -> bool:
        """Whether the target is a terminal (tables are drawn for it)."""
        return self.target.isatty()

    def fileno(self) -> int:
        """The target's file descriptor (for the terminal size)."""
        return self.target.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        """The target's encoding."""
        return getattr(self.target, "encoding", "utf-8")

    def _give_up(self) -> None:
        if self.copy is not None:
            self.copy.close()
            self.copy = None
        if self.partial is not None:
            self.partial.unlink(missing_ok=True)

    def finish(self, messages: list[tuple[str, str]]) -> None:
        """Keep the output for replay (unless it was cut short or could not be copied)."""
        if self.copy is None or self.partial is None or self.broken:
            self._give_up()
            return
        try:
            self.copy.close()
            self.partial.replace(self.partial.with_name(self.key))
        except OSError:
            self._give_up()
            return
        self.copy = None
        payload = json.dumps({"bytes": self.size, "messages": messages}, ensure_ascii=False)
        self.store.put_report(PREFIX + self.key, payload)
        forget_others(self.store)


def forget_others(store: Store) -> None:
    """Remove kept outputs the report cache no longer names (it keeps the most recent)."""
    folder = store.output_folder
    if folder is None or not folder.is_dir():
        return
    kept = {key.removeprefix(PREFIX) for (key,) in store.connection.execute(
        "SELECT key FROM reports WHERE key LIKE ?", (PREFIX + "%",))}
    for path in folder.iterdir():
        if path.name not in kept and not path.name.endswith(".partial"):
            path.unlink(missing_ok=True)


def kept_output(store: Store, key: str) -> tuple[list[tuple[str, str]], IO[bytes]] | None:
    """(messages, open file) of the kept output of ``key``, or None (the caller closes the
    file; it is opened here, so that a file removed meanwhile means computing again)."""
    stored = store.get_report(PREFIX + key)
    folder = store.output_folder
    if stored is None or folder is None:
        return None
    payload = json.loads(stored)
    try:
        kept = (folder / key).open("rb")
    except OSError:
        return None
    if os.fstat(kept.fileno()).st_size != payload["bytes"]:
        kept.close()
        return None
    return [(kind, text) for kind, text in payload["messages"]], kept


def replay(kept: IO[bytes], out: IO[str]) -> None:
    """Write a kept output to ``out`` (as bytes when it is a UTF-8 stream with a buffer)."""
    buffer = getattr(out, "buffer", None)
    encoding = (getattr(out, "encoding", "") or "").lower().replace("-", "")
    with kept:
        if buffer is not None and encoding == "utf8":
            out.flush()
            shutil.copyfileobj(kept, buffer, CHUNK)
            buffer.flush()
            return
        decoder = codecs.getincrementaldecoder("utf-8")("surrogatepass")
        while data := kept.read(CHUNK):
            out.write(decoder.decode(data))
        out.write(decoder.decode(b"", final=True))
        out.flush()
