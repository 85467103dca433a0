#!/usr/bin/env python3
"""Lists the Rust functions longer than N lines (from the `fn` line to its closing brace).

    python3 scripts/long_functions.py 120 src/report src/stats

Braces are counted outside strings, characters and line comments: good enough for this code base,
not a Rust parser.
"""

import os
import re
import sys

N=int(sys.argv[1]); roots=sys.argv[2:]
for root in roots:
  for dp,_,fs in os.walk(root):
    for f in fs:
      if not f.endswith('.rs'): continue
      p=os.path.join(dp,f); L=open(p).read().split('\n')
      i=0
      while i<len(L):
        m=re.match(r'\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?fn\s+(\w+)',L[i])
        if m:
          depth=0; started=False; j=i
          while j<len(L):
            line=re.sub(r'"(\\.|[^"\\])*"','""',L[j]); line=re.sub(r"'(\\.|[^'\\])'","''",line); line=line.split('//')[0]
            for c in line:
              if c=='{': depth+=1; started=True
              elif c=='}': depth-=1
            if (started and depth==0) or (not started and line.rstrip().endswith(';')): break
            j+=1
          n=j-i+1
          if n>N: print(f"{n:5d} {p}:{i+1} {m.group(5)}")
        i+=1
