"""Benchmarks of the monitoring app at national scale (issue 3, item 10); see docs/performance.md."""
