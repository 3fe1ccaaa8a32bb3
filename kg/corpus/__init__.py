"""The corpus on disk: the Oxigraph store and opening what a build wrote."""
