import sys
print(len(sys.argv), sys.argv[1:], sys.argv[0].endswith('show_argv.py'))
