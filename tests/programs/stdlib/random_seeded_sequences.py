# Source: threadlab stdlib tests: random after several seeds (int, big int, negative, str, float), all distributions
import random
for s in [0, 1, 42, 12345, 2**40 + 7, -5, 10**50, "hello", "", 3.5, "ünï"]:
    random.seed(s)
    print(s, [random.random() for _ in range(3)], random.getrandbits(70), random.randint(1, 100), random.randrange(0, 1000, 7))
    print(random.choice("abcdef"), random.choices(range(10), k=5), random.choices("abc", weights=[1, 5, 2], k=4), random.choices("ab", cum_weights=[1, 3], k=3))
    l = list(range(20)); random.shuffle(l); print(l, random.sample(range(100), 5), random.sample(["x", "y", "z"], k=2))
    print(random.uniform(1, 5), random.gauss(0, 1), random.normalvariate(5, 2), random.expovariate(1.5), random.triangular(0, 10, 3), random.betavariate(2, 3), random.gammavariate(0.5, 1), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2))
random.seed(7)
st = random.getstate(); a = [random.random() for _ in range(5)]; random.setstate(st); print(a == [random.random() for _ in range(5)])
r = random.Random(99); print(r.random(), r.randint(0, 10**30))
print(sum(random.random() for _ in range(10000)))
random.seed(3); print([random.randint(1, 6) for _ in range(50)])
try: random.choice([])
except IndexError as e: print(e)
try: random.randrange(5, 2)
except ValueError as e: print(e)
try: random.sample([1,2], 3)
except ValueError as e: print(e)
for seed in (0, 1, 2**32 - 1, 2**32, 123456789123456789):
    random.seed(seed)
    print(seed, [random.random() for _ in range(200)][-3:], sum(random.getrandbits(32) for _ in range(1000)))
    print([random.randrange(10**20) for _ in range(3)], [random.randint(-5, 5) for _ in range(30)])
