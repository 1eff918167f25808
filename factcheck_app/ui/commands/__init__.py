"""Changing the library from the window: the undo command that runs an operation, imports."""
