"""What the writers read: the résumé laid out as format-neutral views, the document's
date, and fitting on N pages."""
