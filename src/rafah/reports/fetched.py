"""Rows the store makes, read a list at a time (one `fetchmany` a list) and given as they are
read; the statement is closed when the reader stops, even half way."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any


def in_chunks(cursor: sqlite3.Cursor, size: int) -> Iterator[list[Any]]:
    """The cursor's rows, ``size`` at a time."""
    try:
        while found := cursor.fetchmany(size):
            yield found
    finally:
        cursor.close()


def texts_in_chunks(cursor: sqlite3.Cursor, size: int) -> Iterator[list[str]]:
    """The texts of a cursor of one column, ``size`` at a time."""
    for chunk in in_chunks(cursor, size):
        yield [text for (text,) in chunk]


def one_by_one(chunks: Iterable[list[str]]) -> Iterator[str]:
    """Each text of the lists ``chunks`` gives."""
    for chunk in chunks:
        yield from chunk
