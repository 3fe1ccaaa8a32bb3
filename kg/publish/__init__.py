"""Publishing: the network page, its view model, exports for other tools."""
