"""papersite: research-paper listings to a searchable, cross-linked MkDocs Material site."""

__version__ = "0.1.0"
