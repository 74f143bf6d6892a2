"""When messages stop sending: the triage, the restriction questions, the notice phrases and the support
kit (the inquiry draft)."""
