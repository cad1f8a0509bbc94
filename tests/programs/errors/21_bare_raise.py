print("about to re-raise nothing")
raise
