{}.foo()
