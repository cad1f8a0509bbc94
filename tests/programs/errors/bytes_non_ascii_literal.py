# a bytes literal holds only ASCII characters
x = 1
y = b'café'
