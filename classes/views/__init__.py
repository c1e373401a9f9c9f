"""Public views, one module per resource: catalogue, versions, documents, open data."""
