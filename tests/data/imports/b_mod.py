import a_mod
try:
    from a_mod import A
except ImportError as e:
    print('ImportError:', str(e).split(' (')[0])
B = 2
