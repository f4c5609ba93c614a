import sys

from kgraph.cli import console

sys.exit(console())
