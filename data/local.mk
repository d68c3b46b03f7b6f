# data/: gazetteers, cue lexicons and the demo corpus.
