"""One module per tag of the API document (and per namespace)."""
