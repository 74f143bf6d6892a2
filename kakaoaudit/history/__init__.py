"""The SQLite store of past reports, the people's labels and aliases, and the audit's side of it
(reminder, record)."""
