import nosuchmod
