# Source: Real Python, "An Intro to Threading in Python" (Producer-Consumer Using Queue, with Event)
# compare: unordered
import concurrent.futures
import logging
import queue
import random
import threading
import time


def producer(queue, event):
    """Pretend we're getting a number from the network."""
    while not event.is_set():
        message = random.randint(1, 101)
        logging.info("Producer got message: %s", message)
        queue.put(message)
        if message_count[0] == 20:
            event.set()
        message_count[0] += 1

    logging.info("Producer received event. Exiting")


def consumer(queue, event):
    """Pretend we're saving a number in the database."""
    while not event.is_set() or not queue.empty():
        message = queue.get()
        logging.info("Consumer storing message: %s", message)

    logging.info("Consumer received event. Exiting")


message_count = [0]

if __name__ == "__main__":
    format = "%(message)s"
    logging.basicConfig(format=format, level=logging.INFO)
    random.seed(2024)  # added: the producer's numbers are the same in every run

    pipeline = queue.Queue(maxsize=10)
    event = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as executor:
        executor.submit(producer, pipeline, event)
        executor.submit(consumer, pipeline, event)
