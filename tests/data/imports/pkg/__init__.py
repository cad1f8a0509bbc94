print('pkg init', __name__)
from pkg.sub import subfunc
