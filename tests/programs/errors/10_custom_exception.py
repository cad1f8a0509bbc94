class InventoryError(Exception):
    pass

def take(stock, n):
    if n > stock:
        raise InventoryError(f"only {stock} left, asked for {n}")
    return stock - n

left = take(5, 2)
print(left)
take(left, 10)
