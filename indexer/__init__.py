"""Morelike's write side: articles to a versioned FAISS snapshot."""
