# Source: David Beazley, "Generator Tricks for Systems Programmers" (PyCon 2008), part 2-3: gen_cat / gen_grep / field pipeline over web server logs (the log files replaced by lists of lines, `re` by `in`)

logs = {
    "access-log.1": [
        '140.180.132.213 - - [24/Feb/2008:00:08:59 -0600] "GET /ply/ply.html HTTP/1.1" 200 97238',
        '140.180.132.213 - - [24/Feb/2008:00:08:59 -0600] "GET /favicon.ico HTTP/1.1" 404 133',
        '75.54.118.139 - - [24/Feb/2008:00:15:40 -0600] "GET / HTTP/1.1" 200 4447',
    ],
    "access-log.2": [
        '75.54.118.139 - - [24/Feb/2008:00:15:41 -0600] "GET /images/Davetubes.jpg HTTP/1.1" 200 60025',
        '75.54.118.139 - - [24/Feb/2008:00:15:42 -0600] "GET /ply/ HTTP/1.1" 200 11875',
        '213.145.165.82 - - [24/Feb/2008:00:16:03 -0600] "GET /ply/ply-2.3.tar.gz HTTP/1.1" 200 155201',
        '68.49.82.220 - - [24/Feb/2008:00:22:57 -0600] "GET /robots.txt HTTP/1.1" 404 -',
    ],
}

def gen_open(names):
    for name in names:
        yield iter(logs[name])

def gen_cat(sources):
    for s in sources:
        for item in s:
            yield item

def gen_grep(pat, lines):
    for line in lines:
        if pat in line:
            yield line

def field_map(dictseq, name, func):
    for d in dictseq:
        d[name] = func(d[name])
        yield d

colnames = ('host', 'referrer', 'user', 'datetime', 'method', 'request', 'proto', 'status', 'bytes')

def split_line(line):
    host, referrer, user, rest = line.split(" ", 3)
    datetime, rest = rest[1:].split("] ", 1)
    method, request, proto, rest = rest[1:].split(" ", 3)
    status, nbytes = rest.split(" ")
    return (host, referrer, user, datetime, method, request, proto[:-1], status, nbytes)

def apache_log(lines):
    groups = (split_line(line) for line in lines)
    tuples = (dict(zip(colnames, t)) for t in groups)
    log = field_map(tuples, "status", int)
    log = field_map(log, "bytes", lambda s: int(s) if s != '-' else 0)
    return log

lognames = ["access-log.1", "access-log.2"]
logfiles = gen_open(lognames)
loglines = gen_cat(logfiles)
log = apache_log(loglines)
stats = list(log)
print("Total bytes", sum(r['bytes'] for r in stats))
print("Largest file", max((r['bytes'], r['request']) for r in stats))
print("404s:", [r['request'] for r in stats if r['status'] == 404])
hosts = set(r['host'] for r in stats)
for host in sorted(hosts):
    print(host)
plylines = gen_grep("ply", gen_cat(gen_open(lognames)))
print(sum(1 for _ in plylines), "lines mention ply")
