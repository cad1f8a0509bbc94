# Source: Real Python, "Speed Up Your Python Program With Concurrency" (cpu_bound with multiprocessing.Pool; adapted: smaller numbers, prints the sums instead of the duration)
import multiprocessing

def cpu_bound(number):
    return sum(i * i for i in range(number))

def find_sums(numbers):
    with multiprocessing.Pool() as pool:
        return pool.map(cpu_bound, numbers)

if __name__ == "__main__":
    numbers = [5_000 + x for x in range(20)]
    print(find_sums(numbers))
