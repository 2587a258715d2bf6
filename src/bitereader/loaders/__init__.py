"""Bytes or files in, Articles out: one module per format."""
