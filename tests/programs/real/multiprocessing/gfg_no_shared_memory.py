# Source: GeeksforGeeks, "Multiprocessing in Python | Set 2 (Communication between processes)" (square_list: a child's changes to a global and an argument are not seen by the parent)
import multiprocessing

# empty list with global scope
result = []

def square_list(mylist):
    """
    function to square a given list
    """
    global result
    # append squares of mylist to global list result
    for num in mylist:
        result.append(num * num)
    mylist.append(99)
    # print global list result
    print("Result(in process p1): {}".format(result))
    print("Argument(in process p1): {}".format(mylist))

if __name__ == "__main__":
    # input list
    mylist = [1,2,3,4]

    # creating new process
    p1 = multiprocessing.Process(target=square_list, args=(mylist,))
    # starting process
    p1.start()
    # wait until process is finished
    p1.join()

    # print global result list
    print("Result(in main program): {}".format(result))
    print("Argument(in main program): {}".format(mylist))
