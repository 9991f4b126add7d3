"""Named methods: titles that name a method, and the abstracts that mention it."""
