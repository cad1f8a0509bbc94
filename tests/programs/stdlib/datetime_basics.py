# datetime: date, time, datetime, timedelta, timezone: arithmetic, repr/str, isoformat,
# strftime/strptime, comparisons; now()/today() checked for shape only (their value varies)
import datetime
from datetime import date, time, datetime as dt, timedelta, timezone

d = date(2024, 2, 29)
print(d, repr(d), d + timedelta(days=1), d - timedelta(weeks=9), d.weekday(), d.isoweekday(), d.isocalendar())
print(d.isoformat(), d.strftime('%Y/%m/%d %A %B %j %a %b %U %w'), d.replace(year=2023, day=28), d.toordinal(), d.ctime())
print(date.fromordinal(738000), date.fromisoformat('2024-05-01'), date(2024, 12, 31) - date(2024, 1, 1), date.min, date.max)
x = dt(2024, 5, 1, 13, 45, 30, 123456)
print(x, repr(x), x.isoformat(), x.isoformat(sep=' ', timespec='seconds'), x - dt(2024, 1, 1), x.date(), x.time())
print(x.strftime('%H:%M:%S.%f %p %I %a %b %d %y %%'), x.replace(microsecond=0), x + timedelta(hours=12), x.timetuple()[:6])
print(dt.combine(d, time(8, 30)), dt.fromisoformat('2024-05-01T13:45:30'), dt.fromisoformat('2024-05-01 13:45:30.5+02:00'))
t = timedelta(days=2, hours=5, minutes=3, seconds=7, microseconds=5)
print(t, repr(t), t.total_seconds(), t * 2, t / 3, -t, abs(-t), t // timedelta(hours=1), t % timedelta(hours=1))
print(timedelta(0), timedelta(microseconds=-1), timedelta(weeks=1, days=-8), timedelta(seconds=86399.5), t.days, t.seconds, t.microseconds)
print(timedelta(hours=1) < timedelta(minutes=61), timedelta(1) == timedelta(hours=24), bool(timedelta(0)), timedelta.max, timedelta.resolution)
u = dt(2024, 1, 1, 12, tzinfo=timezone.utc)
k = u.astimezone(timezone(timedelta(hours=5, minutes=30), 'IST'))
print(u, k, k.tzname(), k.utcoffset(), u == k, timezone(timedelta(hours=-5)), repr(timezone.utc), u.timestamp())
print(dt.fromtimestamp(0, timezone.utc), dt.utcfromtimestamp(86400 * 365), dt(1970, 1, 1, tzinfo=timezone.utc).timestamp())
tm = time(23, 59, 59, 999)
print(tm, repr(tm), tm.isoformat(), tm.replace(hour=1), time(), time(12, 0).strftime('%I:%M %p'), time.fromisoformat('10:20:30'))
print(dt.strptime('2024-05-01 10:20', '%Y-%m-%d %H:%M'), dt.strptime('01/Feb/2023:07:08:09', '%d/%b/%Y:%H:%M:%S'))
print(dt.strptime('Tuesday March 5 2024 3:04PM', '%A %B %d %Y %I:%M%p'), dt.strptime('2024-05-01T10:20:30.25+0100', '%Y-%m-%dT%H:%M:%S.%f%z'))
for s, f in [('2024-13-01', '%Y-%m-%d'), ('2024-05-01 x', '%Y-%m-%d'), ('abc', '%Y')]:
    try:
        dt.strptime(s, f)
    except ValueError as e:
        print('ValueError', e)
events = [dt(2024, 3, 1), dt(2023, 12, 25), dt(2024, 1, 15)]
print(sorted(events), max(events) - min(events), {date(2024, 1, 1): 'new year'}[date(2024, 1, 1)])
for bad in [lambda: date(2023, 2, 29), lambda: dt(2024, 1, 1, 25), lambda: timedelta(days=10 ** 9), lambda: dt(2024, 1, 1, 1, 60), lambda: date(2024, 0, 1),
            lambda: dt(2024, 1, 1) < date(2024, 1, 1), lambda: dt(2024, 1, 1) - dt(2024, 1, 1, tzinfo=timezone.utc)]:
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
now = dt.now()
print(type(now).__name__, type(date.today()).__name__, now.year >= 2024, (dt.now() - now) < timedelta(seconds=5))
print(type(dt.now(timezone.utc).tzinfo).__name__, type(dt.utcnow()).__name__)
