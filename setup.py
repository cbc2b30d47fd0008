"""The optional native part of the YAML reader; everything else is in pyproject.toml.

``optional=True``: where no C compiler is found, or the compile fails,
setuptools warns and installs the package without it, and newsitem reads YAML
with its pure-Python build of the same reader.
"""

from setuptools import Extension, setup

setup(ext_modules=[Extension("newsitem._native", ["src/newsitem/_native.c"], optional=True)])
