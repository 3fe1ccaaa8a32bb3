"""Scoring graphs against gold files (gold/GUIDELINES.md)."""
