print(undefined_fn(1))
