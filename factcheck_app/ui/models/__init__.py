"""Qt table models over the library (rows fetched lazily by id) and the claims filter proxy."""
