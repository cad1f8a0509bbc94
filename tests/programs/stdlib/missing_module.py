# Source: threadlab stdlib tests: importing a module threadlab lacks is ModuleNotFoundError
try:
    import xml_surely_missing
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name if hasattr(e, 'name') else '')
try:
    from concurrent.futures import ProcessPoolExecutorNope
except ImportError as e:
    print(type(e).__name__)
import definitely_not_a_module
