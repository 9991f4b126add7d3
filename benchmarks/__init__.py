"""Scale benchmarks with a synthetic corpus generator."""
