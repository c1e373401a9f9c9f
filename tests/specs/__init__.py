"""A spec as stored and printed: models, constraints, adopted text that never changes, the seeds' fidelity, comparison, documents."""
