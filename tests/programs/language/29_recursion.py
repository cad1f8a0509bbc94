# Recursion: fib, memoised fib, mutual recursion, deep-ish recursion, hanoi.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print([fib(i) for i in range(15)])
print(fib(20))

memo = {}
def fast_fib(n):
    if n in memo:
        return memo[n]
    value = n if n < 2 else fast_fib(n - 1) + fast_fib(n - 2)
    memo[n] = value
    return value

print(fast_fib(90))

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print(is_even(10), is_odd(7), is_even(7))

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(500))

moves = []
def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src)

hanoi(4, "A", "C", "B")
print(len(moves), moves[:3])

def flatten(items):
    out = []
    for item in items:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out

print(flatten([1, [2, [3, [4]], 5], [[6]]]))

def permutations(s):
    if len(s) <= 1:
        return [s]
    result = []
    for i, ch in enumerate(s):
        for rest in permutations(s[:i] + s[i + 1:]):
            result.append(ch + rest)
    return result

print(permutations("abc"))
