"""Extraction: from a parsed document to rows of every extracted table."""
