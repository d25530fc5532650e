#!/usr/bin/env python3
"""Splits a callgrind profile of the kernel driver into the cost of BourseExecution's order
manager and simulated venue (inclusive cost of every call into them from outside) and the rest.

Usage: split.py callgrind.out
"""
import re
import sys

names = {}
def name(token):
    # "(id) name" defines a compressed name, "(id)" reuses it.
    m = re.match(r'\((\d+)\)(?: (.*))?', token)
    if not m:
        return token
    if m.group(2) is not None:
        names[m.group(1)] = m.group(2)
    return names[m.group(1)]

def is_execution(fn):
    return fn.startswith('$s15BourseExecution12OrderManager') or fn.startswith('$s15BourseExecution14SimulatedVenue')

total = 0
boundary = {}
current = None
callee = None
pending_call = False
for line in open(sys.argv[1]):
    line = line.rstrip('\n')
    if line.startswith('fn='):
        current = name(line[3:])
    elif line.startswith('cfn='):
        callee = name(line[4:])
    elif line.startswith('calls='):
        pending_call = True
    elif line and (line[0].isdigit() or line[0] in '+-*'):
        cost = int(line.split()[1]) if len(line.split()) > 1 else 0
        if pending_call:
            if is_execution(callee) and not is_execution(current):
                boundary[callee] = boundary.get(callee, 0) + cost
            pending_call = False
        else:
            total += cost
    elif line.startswith(('fl=', 'fi=', 'fe=', 'ob=', 'cob=', 'cfi=', 'cfl=')):
        value = line.split('=', 1)[1]
        if value.startswith('('):
            name(value)
oms = sum(boundary.values())
print(f"total {total:,}")
print(f"order manager + venue (inclusive, called from outside) {oms:,}")
print(f"rest {total - oms:,}")
for fn, cost in sorted(boundary.items(), key=lambda kv: -kv[1])[:8]:
    print(f"  {cost:>13,}  {fn[:120]}")
