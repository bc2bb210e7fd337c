"""What the bot does with a message or at a time: inbound seam, office commands, liaison replies, duties."""
