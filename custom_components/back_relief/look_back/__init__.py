"""The look back: long-term statistics, the report, the summary and insights."""
