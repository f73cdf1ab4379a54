"""The admin for pages and their articles, briefs and photos."""
