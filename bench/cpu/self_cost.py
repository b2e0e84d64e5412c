# Reads a callgrind output file: the total and the functions by their own instructions (Ir), per
# item; with patterns, the inclusive cost of the functions whose names match them.
# Usage: self_cost.py CALLGRIND_FILE ITEMS [TOP] [PATTERN...]
import collections
import re
import sys

path, items = sys.argv[1], int(sys.argv[2])
top = int(sys.argv[3]) if len(sys.argv) > 3 else 15
patterns = sys.argv[4:]
names, objects = {}, {}
own, inclusive = collections.Counter(), collections.Counter()
fn = obj = callee = None
after_call = False


def named(spec, table):  # "(12) name" defines id 12; "(12)" refers to it
    m = re.match(r'\((\d+)\)(?: (.*))?', spec)
    if not m:
        return spec
    if m.group(2):
        table[m.group(1)] = m.group(2)
    return table.get(m.group(1), spec)


for line in open(path, errors='replace'):
    if line.startswith('ob='):
        obj = named(line[3:].strip(), objects)
    elif line.startswith('cob='):
        named(line[4:].strip(), objects)
    elif line.startswith('fn='):
        fn = named(line[3:].strip(), names)
        if fn.startswith('0x'):  # a library without symbols: say which
            fn += ' [' + (obj or '').split('/')[-1] + ']'
    elif line.startswith('cfn='):
        callee = named(line[4:].strip(), names)
    elif line.startswith('calls='):
        after_call = True
    elif line[:1].isdigit() or line[:1] in '+-*':
        parts = line.split()
        if len(parts) < 2:
            continue
        cost = int(parts[1])
        if after_call:  # the cost of a call, inclusive: the caller's, not its own
            after_call = False
            if callee != fn:
                inclusive[fn] += cost
        else:
            own[fn] += cost
            inclusive[fn] += cost

total = sum(own.values())
print(f"{total:,} Ir in all, {total // items:,} per item")
for f, c in own.most_common(top):
    print(f"{100 * c / total:5.1f}% {c // items:9,}  {f[:110]}")
for p in patterns:
    for f, c in sorted(inclusive.items(), key=lambda x: -x[1]):
        if re.search(p, f):
            print(f"{100 * c / total:5.1f}% {c // items:9,}  {f[:110]} (inclusive)")
