"""Why a file was refused; the message is shown to the user as is."""

from __future__ import annotations


class Refused(ValueError):
    """This file cannot be imported; ``str(exc)`` says why and, where possible, what to do."""
