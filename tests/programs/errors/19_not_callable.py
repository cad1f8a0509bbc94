handler = 5
handler()
