"""rafah: timelines, canonical entities and casualty figures from folders of dated news articles."""

__version__ = "0.1.0"
