s = "abc"
s["a"]
