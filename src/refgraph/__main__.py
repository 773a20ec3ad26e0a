"""`python -m refgraph`: the same command line as `refgraph`."""

from refgraph.cli import main

main()
