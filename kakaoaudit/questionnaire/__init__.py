"""Asking the questions: the terminal prompter, the answers-file template and the demo profile."""
