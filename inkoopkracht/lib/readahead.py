"""Produce the items of an iterator in a second thread, one step ahead of their consumer.

For work that alternates between Python (reading and checking a file) and waiting for the
database (writing what was read): while the consumer waits for the database, which releases
the GIL, the next items are produced. The producer must not use the database (Django gives
each thread its own connection, outside the consumer's transaction); it runs with the
consumer's language active, so its messages are translated alike.
"""

import queue
import threading
from collections.abc import Callable, Iterable, Iterator

from django.utils import translation

_DONE = object()


class _Failed:
    def __init__(self, error: BaseException):
        self.error = error


class _Producer(threading.Thread):
    """Runs ``produce()`` and puts its items, then ``_DONE`` or ``_Failed``, on ``handover``."""

    def __init__(self, produce: Callable[[], Iterable], ahead: int):
        super().__init__(name="read-ahead", daemon=True)
        self.produce = produce
        self.handover: queue.Queue = queue.Queue(maxsize=ahead)
        self.stopped = threading.Event()
        self.language = translation.get_language()

    def put(self, item) -> bool:
        """Hand ``item`` over, waiting for room; False once the consumer has stopped."""
        while not self.stopped.is_set():
            try:
                self.handover.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def run(self) -> None:
        with translation.override(self.language):
            try:
                for item in self.produce():
                    if not self.put(item):
                        return
            except BaseException as error:  # handed to the consumer, raised there
                self.put(_Failed(error))
                return
        self.put(_DONE)


def read_ahead(produce: Callable[[], Iterable], ahead: int = 1) -> Iterator:
    """The items of ``produce()``, produced in a thread at most ``ahead`` items in advance.
    An exception in the producer is raised here, at the item where it happened; when the
    consumer stops early, the producer stops at its next item."""
    producer = _Producer(produce, ahead)
    producer.start()
    try:
        while (item := producer.handover.get()) is not _DONE:
            if isinstance(item, _Failed):
                raise item.error
            yield item
    finally:
        producer.stopped.set()
        producer.join()
