"""``python -m annotator.cli …`` (the tests run the CLI this way when no script is installed)."""
from annotator.cli import main

if __name__ == "__main__":  # pragma: no cover
    main()
