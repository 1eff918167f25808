"""The desktop app (PySide6): ``main_window`` composes the ``panes``; ``dialogs``, Qt ``models``, undoable
``commands`` and workers sit beside it. Everything Qt lives here; the rest of the package runs headless.
Start it with ``run_gui`` in ``app``.
"""
