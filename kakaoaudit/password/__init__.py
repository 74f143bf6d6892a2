"""What the password checks know of a password: zxcvbn called safely (strength), and the person's own
details (name, ID, phone digits, birth date) as they turn up in a password (personal)."""
