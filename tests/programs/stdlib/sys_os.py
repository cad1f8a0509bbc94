# Source: threadlab stdlib tests: sys and os facts threading programs use
import os
import sys
import os.path
print(sys.version_info[:2], sys.version_info >= (3, 8), sys.version_info.major, sys.version_info.minor)
print(sys.platform, sys.maxsize, sys.byteorder, type(sys.argv).__name__, sys.argv[0].endswith('sys_os.py'))
sys.stdout.write('written ')
print(sys.stdout.write('x\n'))
sys.stdout.flush()
sys.stderr.write('to stderr\n')
old = sys.getswitchinterval()
sys.setswitchinterval(0.001)
print(old, sys.getswitchinterval())
print(type(os.getpid()).__name__, os.cpu_count() >= 1, os.sep, os.path.join('a', 'b', 'c.txt'))
print(os.path.basename('/x/y/z.py'), os.path.dirname('/x/y/z.py'), os.path.splitext('archive.tar.gz'), os.path.split('/a/b'))
print(os.environ.get('THREADLAB_SURELY_UNSET', 'default'), os.getenv('THREADLAB_SURELY_UNSET'))
try:
    sys.exit(3)
except SystemExit as e:
    print('SystemExit', e.code)
print(sys.exc_info())
try:
    raise KeyError('k')
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is None or True)
sys.exit('bye')
