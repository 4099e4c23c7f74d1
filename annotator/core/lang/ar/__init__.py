"""Arabic language data: the lexicon (:mod:`.lexicon`) and the proclitic rules built from it
(:mod:`.clitics`), shared by span snapping, the tokenizer, COUNT parsing and the rules."""
