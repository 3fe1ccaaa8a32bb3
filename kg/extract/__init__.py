"""Extractors: one module per kind of thing read from text.

Each extractor is a function ``(ctx: Context) -> Found`` (see
:class:`kg.extract.base.Extractor`).  They run in the order of
:data:`EXTRACTORS`; each sees, in ``ctx.mentions``, what the earlier ones
found.  Adding an extractor is one module and one line here.
"""
