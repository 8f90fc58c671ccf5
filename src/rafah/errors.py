"""Exceptions raised by the library; the CLI turns them into one-line errors."""


class RafahError(Exception):
    """Base class for errors a user can fix; the message says how."""


class CorpusError(RafahError):
    """The corpus path is missing, empty or holds no readable article."""


class ModelNotFoundError(RafahError):
    """No spaCy English model could be found or loaded."""


class OptionalDependencyError(RafahError):
    """An optional extra (such as matplotlib for image plots) is not installed."""


class InputFormatError(RafahError):
    """A user-supplied file (reference series, gazetteer) cannot be read."""
