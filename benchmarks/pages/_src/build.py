#!/usr/bin/env python3
"""Build review pages + labels from marked-up sources.

Markup (in _src/*.src):
  %%key: value         header lines (file, film, outlet, author, shape, form)
  ⟦J aspect +|text⟧    judgement (sign + or -)
  ⟦P|text⟧             retold-plot sentence
  ⟦S kind|text⟧        set-aside furniture (one quote)
  ⟦SL kind|text⟧       set-aside furniture, one quote per non-empty line
  ⟦R score|text⟧       printed rating (rating_raw = text)
Spans may nest. Markup is stripped to produce the page.
"""
import glob
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
ASPECTS = set("acting story characters action visuals music pacing direction world overall".split())
KINDS = set("newsletter related read_more share credits release rating_key date tags byline heading advert comments caption about_critic synopsis".split())

def parse(body):
    out = []; n = 0; stack = []; spans = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == '⟦':
            j = body.index('|', i)
            stack.append((body[i+1:j], n))
            i = j + 1
        elif c == '⟧':
            hdr, start = stack.pop()
            spans.append((start, hdr, None))
            spans[-1] = (start, hdr, (start, n))
            i += 1
        else:
            out.append(c); n += 1; i += 1
    if stack:
        raise SystemExit('unclosed span: %r' % (stack,))
    text = ''.join(out)
    spans.sort(key=lambda t: t[0])
    return text, [(h, text[a:b]) for _, h, (a, b) in spans]

def build(path):
    raw = open(path, encoding='utf-8').read()
    meta = {}; lines = raw.split('\n')
    k = 0
    while k < len(lines) and lines[k].startswith('%%'):
        key, _, val = lines[k][2:].partition(':')
        meta[key.strip()] = val.strip(); k += 1
    body = '\n'.join(lines[k:]).lstrip('\n')
    text, spans = parse(body)
    lab = {"file": meta['file'], "film": meta['film'],
           "outlet": meta.get('outlet') or None, "author": meta.get('author') or None,
           "rating_raw": None, "rating_score": None,
           "judgements": [], "set_aside": [], "plot": []}
    for hdr, q in spans:
        parts = hdr.split()
        t = parts[0]
        if t == 'J':
            asp, sg = parts[1], parts[2]
            assert asp in ASPECTS, (path, asp)
            lab['judgements'].append({"quote": q.strip(), "aspect": asp, "sign": 1 if sg == '+' else -1})
        elif t == 'P':
            lab['plot'].append(q.strip())
        elif t == 'S':
            assert parts[1] in KINDS, (path, parts[1])
            lab['set_aside'].append({"quote": q.strip(), "kind": parts[1]})
        elif t == 'SL':
            assert parts[1] in KINDS, (path, parts[1])
            for ln in q.split('\n'):
                if ln.strip():
                    lab['set_aside'].append({"quote": ln.strip(), "kind": parts[1]})
        elif t == 'R':
            assert lab['rating_raw'] is None, path
            lab['rating_raw'] = q.strip(); lab['rating_score'] = float(parts[1]) if '.' in parts[1] else int(parts[1])
        else:
            raise SystemExit('bad span %r in %s' % (hdr, path))
    with open(os.path.join(OUT, meta['file']), 'w', encoding='utf-8') as f:
        f.write(text if text.endswith('\n') else text + '\n')
    return lab, meta, text

def main():
    labs = []; metas = []
    for p in sorted(glob.glob(os.path.join(HERE, '*.src'))):
        lab, meta, text = build(p)
        labs.append(lab); metas.append(meta)
    with open(os.path.join(OUT, 'labels.jsonl'), 'w', encoding='utf-8') as f:
        for l in labs:
            f.write(json.dumps(l, ensure_ascii=False) + '\n')
    json.dump(metas, open(os.path.join(HERE, 'meta.json'), 'w'), ensure_ascii=False, indent=1)
    print('built', len(labs), 'pages')

if __name__ == '__main__':
    main()
