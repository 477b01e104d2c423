"""The handlers named in ``data/times/rules.yml``: a matched expression -> its TIMEX3 value.

:class:`Normalizer` has one method per handler, ``(context, groups, start, end) -> Hit | None``,
gathered from the handler families:

- ``dates``: calendar dates, holidays, years, decades, centuries, seasons, quarters, halves;
- ``anaphora``: "the quarter", "the year", "the next day" (against the last time named);
- ``relative``: "yesterday", "Tuesday", "last week", "three years ago" (against the published date);
- ``measures``: clock times, durations, sets, references and named events.

``base.HANDLER_GROUPS`` lists each handler and the named groups it reads; rules are
checked against it when they are loaded.
"""
from __future__ import annotations

from .anaphora import AnaphoraHandlers
from .base import HANDLER_GROUPS
from .dates import DateHandlers
from .measures import MeasureHandlers
from .relative import RelativeHandlers


class Normalizer(DateHandlers, AnaphoraHandlers, RelativeHandlers, MeasureHandlers):
    """Every handler named in rules.yml, one method each."""


__all__ = ["HANDLER_GROUPS", "Normalizer"]
