"""The window's panes (library, article, claims table, claim panel) and the widgets they are built from."""
