"""Pure-Python core of the annotator. Nothing under this package may import Qt."""
