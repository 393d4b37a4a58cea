"""Words: the language files, filling texts in, and reading numbers and answers in what was said."""
