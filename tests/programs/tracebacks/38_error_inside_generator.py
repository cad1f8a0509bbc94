def parse(lines):
    for line in lines:
        yield int(line)

def total(lines):
    return sum(parse(lines))

print(total(["1", "2", "x"]))
