# Source: Real Python, "Async IO in Python: A Complete Walkthrough" (countasync.py with its 1 s sleeps and the elapsed time in whole seconds, rand.py with its ANSI colours dropped and a seeded random.Random per coroutine, chained.py with the sleeps scaled down)
# compare: unordered
import asyncio
import random
import time

async def count():
    print("One")
    await asyncio.sleep(1)
    print("Two")

async def main():
    await asyncio.gather(count(), count(), count())

s = time.perf_counter()
asyncio.run(main())
elapsed = time.perf_counter() - s
print(f"countasync executed in about {int(elapsed)} s, not 3 s.")

async def makerandom(idx: int, threshold: int = 6) -> int:
    print(f"Initiated makerandom({idx}).")
    rng = random.Random(444 + idx)
    i = rng.randint(0, 10)
    while i <= threshold:
        print(f"makerandom({idx}) == {i} too low; retrying.")
        await asyncio.sleep(idx * 0.01 + 0.01)
        i = rng.randint(0, 10)
    print(f"---> Finished: makerandom({idx}) == {i}")
    return i

async def main_rand():
    res = await asyncio.gather(*(makerandom(i, 10 - i - 1) for i in range(3)))
    return res

r1, r2, r3 = asyncio.run(main_rand())
print()
print(f"r1: {r1}, r2: {r2}, r3: {r3}")

async def part1(n: int) -> str:
    i = n * 0.01
    print(f"part1({n}) sleeping for {i:.2f} seconds.")
    await asyncio.sleep(i)
    result = f"result{n}-1"
    print(f"Returning part1({n}) == {result}.")
    return result

async def part2(n: int, arg: str) -> str:
    i = n * 0.01 + 0.005
    print(f"part2{n, arg} sleeping for {i:.3f} seconds.")
    await asyncio.sleep(i)
    result = f"result{n}-2 derived from {arg}"
    print(f"Returning part2{n, arg} == {result}.")
    return result

async def chain(n: int) -> None:
    start = time.perf_counter()
    p1 = await part1(n)
    p2 = await part2(n, p1)
    end = time.perf_counter() - start
    print(f"-->Chained result{n} => {p2}.")

async def main_chained(*args):
    await asyncio.gather(*(chain(n) for n in args))

asyncio.run(main_chained(9, 6, 3))
