"""The export formats, named apart from their renderers so the command line can list them cheaply."""

FORMATS = ("html", "pdf", "md", "csv", "json", "claimreview", "claimreview-html")
