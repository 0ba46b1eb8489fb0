"""Errors that reach the user as one clear line (CLI) or one message box (GUI)."""


class UserError(Exception):
    """Bad input or a refused operation; the message is the whole explanation."""


class SchemaTooNew(UserError):
    """The database was written by a newer Pizhu; it is refused, never modified."""
