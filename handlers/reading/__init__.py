"""Reading people: liaison replies, notice references, deadlines, office commands and unit names."""
