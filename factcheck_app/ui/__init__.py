"""The desktop app (PySide6): the main window, its panes, table models, dialogs and workers.

Everything Qt lives here; the rest of the package runs headless. Start it with ``run_gui`` in ``app``.
"""
