"""`python -m briefing` runs the command line."""
from .cli import main

main()
