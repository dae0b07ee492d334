"""Machine edits of the catalogue for maintainers (apply-moves, propose, changed-links, the issue form) and the
workflows' side on GitHub (the bot, its one door to GitHub, annotations on pull requests)."""
