"""What the bot does: reading/ reads people, rules/ holds the rules, actions/ acts; texts, policy, messages are shared."""
