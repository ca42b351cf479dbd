"""``lib.readahead``: items come in order from a second thread; a failure of the producer is
raised at the consumer; a consumer that stops early stops the producer; messages are in the
consumer's language."""

import threading

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from inkoopkracht.lib.readahead import read_ahead


def test_items_come_in_order_and_are_produced_in_another_thread():
    threads = set()

    def produce():
        for number in range(50):
            threads.add(threading.current_thread().name)
            yield number

    assert list(read_ahead(produce)) == list(range(50))
    assert threads == {"read-ahead"}


def test_a_failure_of_the_producer_is_raised_after_the_items_before_it():
    def produce():
        yield 1
        yield 2
        raise ValueError("rij 3 is kapot")

    items = read_ahead(produce)
    assert [next(items), next(items)] == [1, 2]
    with pytest.raises(ValueError, match="rij 3 is kapot"):
        next(items)


def test_a_consumer_that_stops_early_stops_the_producer():
    produced = []

    def produce():
        for number in range(10_000):
            produced.append(number)
            yield number

    for item in read_ahead(produce):
        if item == 3:
            break
    assert len(produced) < 10  # at most the items already handed over or waiting
    assert not any(t.name == "read-ahead" for t in threading.enumerate())


# A message of the import (translated in the monitoring catalogue); not a literal here, so
# that it is not extracted again into this directory's catalogue.
IMPORT_MESSAGE = "Vul een referentie in."


def test_the_producer_speaks_the_consumers_language():
    def produce():
        yield _(IMPORT_MESSAGE)

    with translation.override("en"):
        (english,) = read_ahead(produce)
    with translation.override("nl"):
        (dutch,) = read_ahead(produce)
    assert dutch == IMPORT_MESSAGE
    assert english != dutch
