#!/usr/bin/env python3
"""Independent check of labels.jsonl against the page files."""
import json
import os
import re
from html.parser import HTMLParser
from collections import Counter
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

class Vis(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.nodes=[]; self.skip=0; self.stack=[]
    def handle_starttag(self, tag, a):
        if tag in ('head','script','style','title'): self.skip+=1
    def handle_endtag(self, tag):
        if tag in ('head','script','style','title'): self.skip-=1
    def handle_data(self, d):
        if not self.skip and d.strip(): self.nodes.append(d)

bad = 0; stats = Counter(); kinds = Counter(); forms = Counter()
labs = [json.loads(l) for l in open(os.path.join(OUT,'labels.jsonl'), encoding='utf-8')]
for lab in labs:
    path = os.path.join(OUT, lab['file']); txt = open(path, encoding='utf-8').read()
    nodes = None
    if path.endswith('.html'):
        v = Vis(); v.feed(txt); nodes = v.nodes
    def ok(q):
        if q not in txt: return False
        if nodes is not None:
            return any(q in n for n in nodes)
        return True
    qs = [('judgement', j['quote']) for j in lab['judgements']] + [('set_aside', s['quote']) for s in lab['set_aside']] + [('plot', p) for p in lab['plot']]
    if lab['rating_raw']: qs.append(('rating', lab['rating_raw']))
    for kind, q in qs:
        if not ok(q):
            print('MISSING', lab['file'], kind, repr(q[:80])); bad += 1
    nj = len(lab['judgements'])
    if not 8 <= nj <= 20: print('JUDGEMENT COUNT', lab['file'], nj); bad += 1
    # prose words: visible text minus set-aside quotes
    vis = '\n'.join(nodes) if nodes is not None else txt
    for s in lab['set_aside']: vis = vis.replace(s['quote'], ' ')
    if lab['rating_raw']: vis = vis.replace(lab['rating_raw'], ' ')
    w = len(re.findall(r"[A-Za-z’'-]+", vis))
    if not 350 <= w <= 1200: print('WORDS', lab['file'], w); bad += 1
    stats['pages'] += 1; stats['judgements'] += nj; stats['plot'] += len(lab['plot']); stats['set_aside'] += len(lab['set_aside'])
    stats['pos'] += sum(j['sign']==1 for j in lab['judgements'])
    for s in lab['set_aside']: kinds[s['kind']] += 1
    print(f"{lab['file']:60s} words={w:4d} J={nj:2d} P={len(lab['plot']):2d} S={len(lab['set_aside']):2d} R={lab['rating_raw']!r}->{lab['rating_score']}")
print(dict(stats)); print(dict(kinds)); print('films', len({l['film'] for l in labs}))
print('PROBLEMS', bad)
