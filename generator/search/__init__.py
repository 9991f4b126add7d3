"""Search: the site's Pagefind index (pagefind_index.py, made stable by pagefind_files.py)
and `papersite search` in the terminal (terminal.py), which ranks as the site does."""
