"""Turn the text of one newspaper page into its structure. No Django here."""

from .parser import parse_page
from .structure import Article, Block, Brief, PageInfo, PageStructure, Photo

__all__ = ["parse_page", "Article", "Block", "Brief", "PageInfo", "PageStructure", "Photo"]
