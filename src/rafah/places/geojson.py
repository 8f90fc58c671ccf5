"""GeoJSON (RFC 7946) for place rows."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from typing import Any

COORDINATE_DIGITS = 6  # about 0.1 m: RFC 7946 §11.2 advises no more


def _coordinate(value: Any, limit: float) -> float | None:
    """A finite number within ±limit, or None."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number) or abs(number) > limit:
        return None
    return round(number, COORDINATE_DIGITS)


def _jsonable(value: Any) -> Any:
    """A JSON-ready copy: tuples and sets as lists, non-finite floats as null, others as text."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _jsonable(dataclasses.asdict(value))
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return [_jsonable(v) for v in items]
    return str(value)


def feature(row: Mapping[str, Any]) -> dict[str, Any] | None:
    """One row as a Point Feature ([lon, lat]); None without valid coordinates."""
    lat = _coordinate(row.get("lat"), 90.0)
    lon = _coordinate(row.get("lon"), 180.0)
    if lat is None or lon is None:
        return None
    properties = {str(k): _jsonable(v) for k, v in row.items() if k not in ("lat", "lon")}
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": properties}


def feature_collection(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Place rows (name, type, country, lat, lon, geonameid, mentions...) as a FeatureCollection.

    Rows without usable coordinates are left out; every other field becomes a property.
    """
    features = [f for f in map(feature, rows) if f is not None]
    return {"type": "FeatureCollection", "features": features}
