# multiprocessing: processes as fresh interpreters in one OS process (like PEP 684
# subinterpreters), each with its own GIL, started as CPython's spawn method starts them.
# The parts live in top-level modules _mp_* (imported by their full names from here and from
# each other); multiprocessing.pool and friends re-export them. See docs/processes.md.

from _mp_context import (ProcessError, BufferTooShort, TimeoutError, AuthenticationError,
                         cpu_count, get_all_start_methods, get_start_method, set_start_method,
                         get_context, freeze_support, set_executable, set_forkserver_preload)
from _mp_process import Process, current_process, parent_process, active_children
from _mp_queues import Queue, SimpleQueue, JoinableQueue
from _mp_connection import Pipe
from _mp_synchronize import Lock, RLock, Semaphore, BoundedSemaphore, Event
from _mp_sharedctypes import Value, Array, RawValue, RawArray

SUBDEBUG = 5
SUBWARNING = 25


def Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None):
    from _mp_pool import Pool
    return Pool(processes, initializer, initargs, maxtasksperchild)


def Manager():
    raise NotImplementedError('threadlab has no multiprocessing.Manager: share data with Queue, Pipe, Value or Array')
