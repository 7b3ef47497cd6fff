"""Whether a reader meets the facts in the order the résumé gives them.

An applicant tracking system files each bullet under the heading read before it and each
entry under the section title read before it: a fact read out of its place is filed
wrongly even when every word of it is there. Facts read on one line may come in any
order (a date column is read before its heading, the runs of a right-to-left line in
the reader's order); what counts is the line each is read on.

The facts read in order are the largest set of them whose lines never go back; each of
the others is reported beside the fact it is read on the wrong side of.
"""

from __future__ import annotations

from dataclasses import dataclass

from resumeout.verification.facts import Fact


@dataclass(frozen=True, slots=True)
class OutOfOrder:
    fact: Fact
    neighbour: Fact
    """A fact read in order that ``fact`` is read on the wrong side of."""
    read_before: bool
    """True: ``fact`` is read before ``neighbour``, which the résumé puts before it;
    False: after ``neighbour``, which the résumé puts after it."""


def out_of_order(read_on: list[tuple[Fact, int]]) -> tuple[OutOfOrder, ...]:
    """The facts of ``read_on`` (each with the line it is read on, in the résumé's
    order) that are not read in order."""
    lines = [line for _, line in read_on]
    in_order = _longest_in_order(lines)
    kept = sorted(in_order)
    found: list[OutOfOrder] = []
    for index, (fact, line) in enumerate(read_on):
        if index in in_order:
            continue
        # The nearest fact in order on a line the wrong side of this one's.
        before = [i for i in kept if i < index and lines[i] > line]
        if before:
            found.append(OutOfOrder(fact, read_on[before[-1]][0], read_before=True))
            continue
        after = [i for i in kept if i > index and lines[i] < line]
        if after:
            found.append(OutOfOrder(fact, read_on[after[0]][0], read_before=False))
    return tuple(found)


def _longest_in_order(lines: list[int]) -> set[int]:
    """The indices of a longest subsequence of ``lines`` that never decreases; of equally
    long ones, the one that keeps the earliest facts (a fact read far ahead of its place
    is the one out of order, not all of those it jumped over)."""
    count = len(lines)
    length = [1] * count
    previous = [-1] * count
    for index in range(count):
        for earlier in range(index):
            if lines[earlier] <= lines[index] and length[earlier] + 1 > length[index]:
                length[index], previous[index] = length[earlier] + 1, earlier
    if not count:
        return set()
    index = max(range(count), key=lambda i: (length[i], -i))
    kept: set[int] = set()
    while index >= 0:
        kept.add(index)
        index = previous[index]
    return kept
