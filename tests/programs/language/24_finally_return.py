# finally with return, break and continue, and nested try statements.
def returns_in_finally():
    try:
        return "try"
    finally:
        print("finally before the return completes")

print(returns_in_finally())

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"

print(finally_overrides())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally return swallows the exception"

print(swallow())

def nested(n):
    log = []
    try:
        log.append("outer try")
        try:
            log.append("inner try")
            if n == 1:
                raise KeyError(n)
            if n == 2:
                raise ValueError(n)
        except KeyError:
            log.append("inner except")
        finally:
            log.append("inner finally")
        log.append("after inner")
    except ValueError:
        log.append("outer except")
    finally:
        log.append("outer finally")
    return log

for n in range(3):
    print(n, nested(n))

def loop_with_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out

print(loop_with_finally())

def counter():
    count = 0
    try:
        count += 1
        return count
    finally:
        count += 100
        print("count in finally", count)

print(counter())
