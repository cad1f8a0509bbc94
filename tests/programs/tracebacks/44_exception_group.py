def fail(n):
    raise ValueError(f"bad {n}")

errors = []
for i in range(2):
    try:
        fail(i)
    except ValueError as e:
        errors.append(e)
inner = ExceptionGroup("inner", [TypeError("t"), KeyError("k")])
raise ExceptionGroup("several failures", errors + [inner])
