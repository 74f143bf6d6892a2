"""The password checks' inputs: zxcvbn called safely, the person's own details as they turn up in a
password, and where the breach lookup and the demo's sample password come from."""
