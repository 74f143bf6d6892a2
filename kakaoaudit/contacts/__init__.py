"""Phone numbers and email addresses: parse, classify, compare and mask them (phonenumbers,
email-validator)."""
