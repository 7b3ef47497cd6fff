"""JSON Resume (jsonresume.org) interchange: import into resumeout's format, export back."""
