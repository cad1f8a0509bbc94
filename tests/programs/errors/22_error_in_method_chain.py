class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

def total(node):
    s = 0
    while True:
        s += node.value
        node = node.next

print(total(Node(1, Node(2))))
