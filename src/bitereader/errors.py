"""The exceptions bitereader raises; each carries a one-line message fit for a user."""


class BitereaderError(Exception):
    """Base of every error bitereader reports to a person."""


class LoadError(BitereaderError):
    """A file or feed could not be turned into articles."""


class ExtractError(LoadError):
    """A page was read but holds no article (a login page, an index of links)."""


class StoreError(BitereaderError):
    """The library file could not be opened, read or written."""


class FetchError(BitereaderError):
    """A feed could not be fetched over the network."""


class ConfigError(BitereaderError):
    """The configuration file is invalid."""


class NotFoundError(BitereaderError):
    """No article or feed has the id or url that was asked for."""
