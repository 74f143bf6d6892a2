"""Commands defined in modules of their own, each exposing `command: click.Command`.

cli.py lists them in `EXTENSION_COMMANDS` and imports a module only when its command is listed
(``--help``) or run, so each module keeps its top-level imports light (click and the translator)
and imports the rest inside the command function.
"""
