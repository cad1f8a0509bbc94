# Source: Python docs, datetime module ("Examples of usage: timedelta", "Examples of usage: date", "Examples of usage: datetime") and textwrap module examples
from datetime import date, datetime, time, timedelta, timezone
import textwrap

delta = timedelta(days=50, seconds=27, microseconds=10, milliseconds=29000, minutes=5, hours=8, weeks=2)
print(delta)
year = timedelta(days=365)
another_year = timedelta(weeks=40, days=84, hours=23, minutes=50, seconds=600)
print(year == another_year, year.total_seconds())
ten_years = 10 * year
print(ten_years, ten_years.days // 365)
nine_years = ten_years - year
print(nine_years)
three_years = nine_years // 3
print(three_years, three_years.days // 365)

d = date.fromordinal(730920)
print(d)
t = d.timetuple()
for i in t:
    print(i)
ic = d.isocalendar()
for i in ic:
    print(i)
print(d.isoformat(), d.strftime("%d/%m/%y"), d.strftime("%A %d. %B %Y"), d.ctime())
print('The {1} is {0:%d}, the {2} is {0:%B}.'.format(d, "day", "month"))

print(datetime.fromisoformat('2011-11-04'), datetime.fromisoformat('2011-11-04T00:05:23'), datetime.fromisoformat('2011-11-04 00:05:23.283'))
d = date(2005, 7, 14)
t = time(12, 30)
print(datetime.combine(d, t))
dt = datetime.strptime("21/11/06 16:30", "%d/%m/%y %H:%M")
print(dt)
tt = dt.timetuple()
for it in tt:
    print(it)
print(dt.strftime("%A, %d. %B %Y %I:%M%p"))
print('The {1} is {0:%d}, the {2} is {0:%B}, the {3} is {0:%I:%M%p}.'.format(dt, "day", "month", "time"))
print(datetime(2006, 11, 21, 16, 30, tzinfo=timezone.utc).astimezone(timezone(timedelta(hours=-5))))

sample_text = '''
    The wrap() method is just like fill() except that it returns
    a list of strings instead of one big string with newlines to separate
    the wrapped lines.
'''
print(textwrap.dedent(sample_text))
dedented_text = textwrap.dedent(sample_text).strip()
for width in [45, 60]:
    print('{} Columns:\n'.format(width))
    print(textwrap.fill(dedented_text, width=width))
    print()
print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten("Hello world", width=10, placeholder="..."))
s = 'hello\n\n \nworld'
print(textwrap.indent(s, '  '))
print(textwrap.indent(s, '+ ', lambda line: True))
