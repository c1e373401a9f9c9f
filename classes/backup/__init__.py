"""Backup and restore: every row of the catalogue, its audit trail and its staff accounts in one file, and back.

`write` makes the file, `check` reads it against this database, `restore` loads it; see README, "Backups".
"""

from .reading import BackupFile
from .restoring import Restored, check, restore
from .tables import BackupError, kept_models, summary
from .writing import write

__all__ = ["BackupError", "BackupFile", "Restored", "check", "kept_models", "restore", "summary", "write"]
