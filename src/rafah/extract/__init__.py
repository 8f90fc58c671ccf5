"""Extractors: pure functions from a parsed spaCy Doc to records (no I/O).

Every extractor is ``extract(doc, *, context) -> list[Record]`` and is listed once in
`rafah.extract.registry`.
"""
