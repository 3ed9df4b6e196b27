"""Database dumps, media archives and their rotation."""
