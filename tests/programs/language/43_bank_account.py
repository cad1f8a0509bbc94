# A small bank-account model: classes, exceptions and formatting together.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed:.2f}, have {available:.2f}")
        self.needed = needed
        self.available = available

class Account:
    interest = 0.02

    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def add_interest(self):
        gained = round(self.balance * self.interest, 2)
        self.deposit(gained)
        return gained

    def __str__(self):
        return f"{self.owner}: {self.balance:,.2f}"

class Savings(Account):
    interest = 0.05

accounts = [Account("ann", 100), Savings("bob", 2500.5)]
for acct in accounts:
    acct.deposit(50)
    print(acct, "interest", acct.add_interest())
for acct, amount in zip(accounts, [500, 20.25]):
    try:
        acct.withdraw(amount)
        print("withdrew", amount, "->", acct)
    except InsufficientFunds as e:
        print("refused:", e, "| short by", round(e.needed - e.available, 2))
try:
    accounts[0].deposit(-5)
except ValueError as e:
    print("ValueError:", e)
for acct in accounts:
    print(acct.owner, acct.history)
print(sum(a.balance for a in accounts))
