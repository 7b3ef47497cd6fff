"""The command line: argument parsing, batch export, watching, and what is printed."""
