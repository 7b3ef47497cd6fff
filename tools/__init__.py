"""Scripts run from the repository (not part of the installed package)."""
