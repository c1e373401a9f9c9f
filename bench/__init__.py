"""Benchmarks and the synthetic catalogue they measure: tools for development, never installed with the portal."""
