# A KeyError escaping a nested call: the message is the key's repr.
prices = {"apple": 1.25, "pear": 0.75}

def price_of(item):
    return prices[item]

def bill(items):
    return sum(price_of(i) for i in items)

print(bill(["apple", "pear"]))
print(bill(["apple", "banana"]))
