"""Resolution: from the mentions of each article to the entities of the graph."""
