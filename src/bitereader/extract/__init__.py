"""Pure functions that find structure in article text: no I/O, no storage."""
