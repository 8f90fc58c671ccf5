"""Corpus-level reports computed from stored records (no spaCy)."""
