# Nested containers and their reprs.
inventory = {
    "fruit": [{"name": "apple", "qty": 3, "price": 0.5}, {"name": "kiwi", "qty": 0, "price": 0.25}],
    "veg": [{"name": "leek", "qty": 2, "price": 1.75}],
}
print(inventory)
for section, items in inventory.items():
    in_stock = [i["name"] for i in items if i["qty"] > 0]
    value = sum(i["qty"] * i["price"] for i in items)
    print(section, in_stock, value)
inventory["veg"].append({"name": "kale", "qty": 5, "price": 2.0})
print(len(inventory["veg"]), inventory["veg"][-1]["name"])
matrix = [[1, 2], [3, 4]]
copy = [row[:] for row in matrix]
copy[0][0] = 99
print(matrix, copy)
shared = [[0] * 2] * 2
shared[0][0] = 1
print(shared)
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": []}
def reachable(start):
    seen = []
    todo = [start]
    while todo:
        node = todo.pop(0)
        if node not in seen:
            seen.append(node)
            todo.extend(graph[node])
    return seen
print(reachable("a"), reachable("c"))
print([(k, len(v)) for k, v in graph.items()])
print({"t": (1, [2, {"x": None}])}, [[], [[]], ([],)])
