# Source: Python docs, struct module ("Examples": packing and unpacking, named tuples, alignment and the order of fields)
from struct import *
from collections import namedtuple

print(pack(">bhl", 1, 2, 3))
print(unpack('>bhl', b'\x01\x00\x02\x00\x00\x00\x03'))
print(calcsize('>bhl'))

print(pack(">h", 1023))
print(pack("<h", 1023))
try:
    pack(">h", 99999)
except error as e:
    print('struct.error:', e)

print(pack('@ccc', b'1', b'2', b'3'))
print(pack('@3s', b'123'))

record = b'raymond   \x32\x12\x08\x01\x08'
name, serialnum, school, gradelevel = unpack('<10sHHb', record)
Student = namedtuple('Student', 'name serialnum school gradelevel')
print(Student._make(unpack('<10sHHb', record)))

print(pack('@ci', b'#', 0x12131415))
print(pack('@ic', 0x12131415, b'#'))
print(calcsize('@ci'), calcsize('@ic'))
print(pack('@llh0l', 1, 2, 3))
print(pack('<qh6xq', 1, 2, 3) == pack('@lhl', 1, 2, 3))
