import csv,collections,sys
rows=set()
for r in csv.DictReader(open('/work/shared/data/olympics-120y/athlete_events.csv')):
    rows.add((r['ID'],r['Name'],r['Sex'],r['Age'],r['Team'],r['NOC'],r['Games'],r['Year'],r['Season'],r['Sport'],r['Event'],r['Medal']))
G=sys.argv[1]
grp=collections.defaultdict(list)
for x in rows:
    if x[6]==G and x[11]!='NA': grp[(x[10],x[11],x[5])].append(x)
teamev=set()
evcnt=collections.Counter()
for (ev,m,noc),l in grp.items():
    if len(l)>1: evcnt[ev]+=1
for ev,c in evcnt.items():
    if c>=2: teamev.add(ev)
kw=['Team','Doubles','Pairs','Two-Man','Relay','Fours','Eights']
tab=collections.defaultdict(lambda: collections.Counter())
for (ev,m,noc),l in grp.items():
    if ev in teamev or any(k in ev for k in kw) or l[0][9] in ('Sailing','Motorboating','Alpinism'):
        tab[noc][m]+=len(set(x[4] for x in l))
    else: tab[noc][m]+=len(l)
tot=collections.Counter()
for n,c in tab.items(): tot.update(c)
print(G,dict(tot))
for n in sys.argv[2:]: print(n,tab[n]['Gold'],tab[n]['Silver'],tab[n]['Bronze'])
