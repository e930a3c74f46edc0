"""Print the runtime dependencies of pyproject.toml, one per line (for the image's cached layer)."""

import sys
import tomllib

with open(sys.argv[1], "rb") as fh:
    print("\n".join(tomllib.load(fh)["project"]["dependencies"]))
