"""Benchmarks (not tests): ``python -m benchmarks.run [--quick]``; see benchmarks/README.md."""
