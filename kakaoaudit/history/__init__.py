"""The SQLite store of past reports, and the audit's side of it (reminder, record)."""
