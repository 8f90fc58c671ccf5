"""Printed output kept in the store: a command repeated on an unchanged corpus writes back
what it printed before, without loading the corpus or reading a record.

The key is everything the output depends on: the command and its options, the corpus files
(path, size and modification time, the loader's own test for an unchanged file, read without
opening a file), the loader options, the analysis fingerprint (model, extraction code, word
lists, gazetteers), the code of the whole package and how the output is shown (format,
terminal or not, width). The output is kept in parts of about a megabyte, so neither writing
nor replaying holds it whole; the lines printed on stderr are kept with it and printed again.
An output cut short (an error, a reader that closed the pipe) is never kept.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from rafah.corpus import LoadOptions, file_listing, options_key
from rafah.errors import CorpusError
from rafah.store import Store

PART_BYTES = 1 << 20
"""Bytes per stored part of an output."""


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
    """A text stream that writes through to ``target`` and keeps what it wrote in the store
    under ``key`` (in parts); `finish` makes it replayable, with ``messages``."""

    def __init__(self, target: IO[str], store: Store, key: str) -> None:
        super().__init__()
        self.target = target
        self.store = store
        self.key = key
        self.pending: list[bytes] = []
        self.size = 0
        self.parts = 0
        self.broken = False

    def write(self, text: str) -> int:  # type: ignore[override]
        """Write ``text`` through and keep it."""
        try:
            written = self.target.write(text)
        except (BrokenPipeError, OSError):
            self.broken = True
            raise
        data = text.encode("utf-8", "surrogatepass")
        self.pending.append(data)
        self.size += len(data)
        if self.size >= PART_BYTES:
            self._flush_part()
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

    def _flush_part(self) -> None:
        if self.pending:
            self.store.put_output_part(self.key, self.parts, b"".join(self.pending))
            self.parts += 1
            self.pending.clear()
            self.size = 0

    def finish(self, messages: list[tuple[str, str]]) -> None:
        """Keep the output for replay (unless it was cut short)."""
        if self.broken:
            self.store.drop_output(self.key)
            return
        self._flush_part()
        self.store.finish_output(self.key, self.parts, messages)


def replay(parts: Iterator[bytes], out: IO[str]) -> None:
    """Write stored parts to ``out`` (as bytes when it is a UTF-8 stream with a buffer)."""
    buffer = getattr(out, "buffer", None)
    encoding = (getattr(out, "encoding", "") or "").lower().replace("-", "")
    if buffer is not None and encoding == "utf8":
        out.flush()
        for data in parts:
            buffer.write(data)
        buffer.flush()
        return
    decoder = codecs.getincrementaldecoder("utf-8")("surrogatepass")
    for data in parts:
        out.write(decoder.decode(data))
    out.write(decoder.decode(b"", final=True))
    out.flush()
