"""The importer: formats, layouts, the seeds, batches."""
