"""Collectors: one module per source kind, each yielding `Release` records."""
