# Source: Real Python, "An Intro to Threading in Python" (Using a ThreadPoolExecutor with executor.map)
# compare: unordered
import concurrent.futures
import logging
import time


def thread_function(name):
    logging.info("Thread %s: starting", name)
    time.sleep(0.05)
    logging.info("Thread %s: finishing", name)


if __name__ == "__main__":
    format = "%(levelname)s %(message)s"
    logging.basicConfig(format=format, level=logging.INFO)

    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as executor:
        executor.map(thread_function, range(3))
