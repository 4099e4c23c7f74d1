"""Arabic news annotator: mark actors, locations, counts and sources in Arabic conflict news."""

__version__ = "0.1.0"
