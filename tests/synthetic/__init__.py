"""The synthetic catalogue the benchmarks generate."""
