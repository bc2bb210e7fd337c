"""The office's web desk: an aiohttp application served by `duban run` over the bot's own database."""
