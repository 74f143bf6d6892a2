"""Asking the questions: the terminal prompter and the quick check, saving the answers (comments kept),
the answers-file template and the demo profile."""
