"""One module per tag of the API document."""
