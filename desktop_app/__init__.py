"""党建台账 (Party Ledger): the yearly ledger of a university's party organizations."""

__version__ = "0.1.0"
