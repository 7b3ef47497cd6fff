"""``resumeout verify``: what an applicant tracking system reads in the PDF and DOCX.

::

    facts     the résumé's facts, as the exporters draw them (from presentation's views)
    readers   the text of a PDF (pdfminer.six) or a DOCX (python-docx)
    checks    facts found or missing, dates on their heading's line, suspicious characters
    report    problems located in the source, one summary per document
    command   the command itself
"""
