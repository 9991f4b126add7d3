"""Related papers: exact top-k for small corpora, candidate pools from an inverted-file
index for large ones, and the terms each pair shares."""
