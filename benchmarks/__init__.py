"""Benchmarks and accuracy scorers (run as scripts; importable by the tests)."""
