# sys.exit with a status code: finally blocks run, nothing is printed on stderr.
import sys

def main():
    try:
        print("working")
        sys.exit(3)
    finally:
        print("cleanup runs")

try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit", e.code)
main()
print("not reached")
