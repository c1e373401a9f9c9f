"""Search: matching, ranking, spelling, passages, the index."""
