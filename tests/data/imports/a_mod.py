import b_mod
A = 1
