"""Language data, one package per language (like spaCy's ``spacy/lang/``)."""
