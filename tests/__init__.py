"""The test suite (a package, so `tests.…` imports resolve here and not to a `tests` package
some third-party wheel installs into site-packages, e.g. label-studio-converter)."""
