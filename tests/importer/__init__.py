"""The importer: documents of many layouts and formats read into draft versions, and what its report says."""
