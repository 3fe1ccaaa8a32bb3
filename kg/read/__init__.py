"""Reading articles: files and encodings, pages split into articles, bylines."""
