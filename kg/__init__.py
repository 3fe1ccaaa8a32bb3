"""kg: an offline knowledge-graph builder for Chinese news."""

__version__ = "0.1.0"
