"""Topics: candidate phrases, seeds, members, fillers, areas, descriptions and the
user's topics file."""
