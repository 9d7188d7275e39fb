"""The optional C accelerator (briefing/analyze/_speedups.c); everything else is declared in pyproject.toml.

optional=True: without a C compiler the install still succeeds and the pure-Python code runs.
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("briefing.analyze._speedups", ["briefing/analyze/_speedups.c"], optional=True)])
