def subfunc():
    return 'sub!'
