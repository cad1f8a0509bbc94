# Functions sharing module-level state: registries, caches and configuration.
registry = {}
calls = []
config = {"verbose": False, "scale": 2}

def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco

@register("double")
def double(x):
    calls.append(("double", x))
    return x * config["scale"]

@register("negate")
def negate(x):
    calls.append(("negate", x))
    return -x

for name in sorted(registry):
    print(name, registry[name](21))
config["scale"] = 10
print(double(3), len(calls), calls[-1])

cache_hits = 0
cache = {}
def cached_square(n):
    global cache_hits
    if n in cache:
        cache_hits += 1
        return cache[n]
    cache[n] = n * n
    return cache[n]

print([cached_square(n % 4) for n in range(10)], cache_hits, cache)
