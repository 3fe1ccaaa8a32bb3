"""Language tools: Traditional→Simplified, word segmentation, pinyin."""
