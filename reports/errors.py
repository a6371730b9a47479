"""The one exception type for input the user got wrong."""

from __future__ import annotations


class BriefError(Exception):
    """Bad usage or bad input: the CLI prints the message on one line and exits 2.

    The message names the file, line, option or field at fault, e.g.
    ``BriefError("releases.txt:14: bad date '2026-02-30'")``.
    """


class Busy(Exception):
    """Another brief run holds the output folder's lock (or the store's): this one must not start.

    The CLI prints the message on one line and exits 1: the command was right, the time was not.
    """


class Terminated(BaseException):
    """The process was sent SIGTERM (systemd stopping the job, a timeout, `kill`) while a run was going.

    A BaseException, like KeyboardInterrupt: only the places that record a run's end catch it.
    """
