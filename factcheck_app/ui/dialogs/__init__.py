"""The dialogs the window opens, and ``prompts``: every message box and file chooser in one place."""
