"""What the bot does: parse commands, read liaison replies, decide and compose texts."""
