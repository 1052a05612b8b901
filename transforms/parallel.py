"""Run a pure per-chunk function serially or in worker processes, results in input order.

Parsing is CPU-bound pure Python, so threads do not help; processes do. The
pool uses the "spawn" start method: the caller (Dagster, DuckDB, polars) holds
threads, and a forked child inherits their locks in whatever state they were
(tried: "fork" workers hang in polars after the parent has used it).
Spawned workers import the transforms once (well under a second; "forkserver"
was no faster), which is why small inputs stay in-process.
"""

from __future__ import annotations

import math
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

# Fewer documents than this are parsed in-process: starting workers costs more than it saves.
PARALLEL_MIN_DOCS = 200
# Documents per chunk: large enough to amortise pickling, small enough to bound memory.
CHUNK_DOCS = 500
# See the module docstring: fork is not safe under a threaded caller.
START_METHOD = "spawn"
# Chunks per worker when parallel, so a slow chunk does not leave the other workers idle.
CHUNKS_PER_WORKER = 4


def chunk_size(documents: int, workers: int) -> int:
    """How many documents go in one chunk for this many documents and workers."""
    if not use_pool(documents, workers):
        return CHUNK_DOCS
    return max(1, min(CHUNK_DOCS, math.ceil(documents / (workers * CHUNKS_PER_WORKER))))


def use_pool(documents: int, workers: int) -> bool:
    """Whether a process pool pays off for this many documents."""
    return workers > 1 and documents >= PARALLEL_MIN_DOCS


def map_chunks(
    fn: Callable[[In], Out], chunks: Sequence[In], workers: int, documents: int
) -> list[Out]:
    """``[fn(c) for c in chunks]``, in worker processes when ``use_pool`` says so.

    ``fn`` must be a module-level function and its arguments picklable.
    """
    if not use_pool(documents, workers) or len(chunks) < 2:
        return [fn(chunk) for chunk in chunks]
    context = multiprocessing.get_context(START_METHOD)
    with ProcessPoolExecutor(max_workers=min(workers, len(chunks)), mp_context=context) as pool:
        return list(pool.map(fn, chunks))


def ordered_map(
    fn: Callable[[In], Out],
    inputs: Iterable[In],
    workers: int,
    in_flight: int = 0,
    while_waiting: Callable[[], object] | None = None,
    in_process: bool | None = None,
) -> Iterator[Out]:
    """``fn`` over a stream of chunks, yielded in input order, with bounded memory.

    Unlike ``map_chunks`` this neither materialises the inputs nor the
    results: at most ``in_flight`` chunks (default: two per worker, so a
    worker never waits for the caller) are submitted and not yet consumed.
    One pool serves the whole stream, so start-up is paid once per build,
    not once per batch. With one worker it runs in-process, unless
    ``in_process`` is False: one worker process then frees this process for
    ``while_waiting``.
    ``while_waiting`` is called once, here, when the workers first have all
    the chunks they may hold: this process would only wait on them, so
    slow work of its own (an import the next step needs) costs little there.
    It is not called in-process: nothing would overlap it.
    """
    if in_process if in_process is not None else workers <= 1:
        yield from map(fn, inputs)
        return
    limit = in_flight or 2 * workers
    context = multiprocessing.get_context(START_METHOD)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[Out]] = deque()

        def next_result() -> Out:
            nonlocal while_waiting
            if while_waiting is not None:  # the first wait: the workers have their chunks
                call, while_waiting = while_waiting, None
                call()
            return pending.popleft().result()

        for item in inputs:
            pending.append(pool.submit(fn, item))
            if len(pending) >= limit:
                yield next_result()
        while pending:
            yield next_result()
