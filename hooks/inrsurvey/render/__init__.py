"""Pure rendering functions: domain objects in, Markdown or HTML strings out.

Nothing here reads files or knows about MkDocs; every function returns the same
text for the same input.
"""
