"""bitereader: a terminal news reader. Importing this package loads no Textual."""

__version__ = "0.1.0"
