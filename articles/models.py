"""Pages and what was parsed from them: articles, briefs and photos."""
