# Issue 21: writes /tmp/cmp.sql, the service desk search conditions before (nine indexes) and after V178 (two),
# as explain (analyze, buffers) statements; run: python3 src/test/resources/bench/search-fold-compare.py &&
# psql -h localhost -U careloop -d careloop_tm_bench -f /tmp/cmp.sql > /tmp/cmp.log (docs/BENCHMARKS.md "Folded search indexes")
import sys
DOC="r.title || chr(1) || coalesce(r.description, '') || chr(1) || coalesce(r.customer_name, '') || chr(1) || r.code"
TEXT="lower("+DOC+")"
ROOM="r.unit_room in (select v.unit_room from service_request_room_value v where v.unit_room like {kw})"
def lit(s): return "'"+s.replace("'","''")+"'"
def union(branches, rare):
    w = "" if rare else " and r.id >= (select max(id) - 20000 from service_request)"
    o = " order by r.id + 0 desc" if rare else " order by r.id desc"
    return "select id from service_request where id in (" + " union all ".join(
        "(select r.id from service_request r where "+b+w+o+" limit 51)" for b in branches) + ") order by id desc limit 51"
def bigram(ix, low, q): return f"careloop_bigrams({ix}) @> careloop_bigrams({lit(q)}) and strpos({low}, {lit(q)}) > 0"
def old(q):
    kw=lit('%'+q+'%'); code=all(c=='-' or c.isdigit() or ('a'<=c<='z') for c in q)
    if len(q)==2 or not all(c.isalnum() for c in q):
        b=[bigram("r.title","lower(r.title)",q),bigram("r.description","lower(r.description)",q),bigram("coalesce(r.customer_name, '')","lower(r.customer_name)",q)]
        b.append(bigram("coalesce(r.unit_room, '')","r.unit_room",q) if len(q)==2 else ROOM.format(kw=kw))
        if code: b.append(bigram("r.code","lower(r.code)",q))
        return b
    b=[f"lower(r.title) like {kw}",f"lower(r.description) like {kw}",f"lower(r.customer_name) like {kw}",ROOM.format(kw=kw)]
    if code:
        tail=q[-5:]
        b.append(f"lower(r.code) like {lit('%'+tail+'%')} and strpos(lower(r.code), {lit(q)}) > 0" if len(q)>5 and '00' not in tail else f"lower(r.code) like {kw}")
    return b
def new(q):
    kw=lit('%'+q+'%'); code=all(c=='-' or c.isdigit() or ('a'<=c<='z') for c in q)
    contains=f"strpos({TEXT}, {lit(q)}) > 0"
    if len(q)==2 or not all(c.isalnum() for c in q):
        return [f"careloop_bigrams({DOC}) @> careloop_bigrams({lit(q)}) and {contains}", ROOM.format(kw=kw)]
    tail=q[-5:]
    by= code and len(q)>5 and '00' not in tail
    return [f"{TEXT} like {lit('%'+tail+'%')} and {contains}" if by else f"{TEXT} like {kw}", ROOM.format(kw=kw)]
words=["漏水","电梯","门禁","空调不制冷","噪音","停车","物业费","垃圾","绿化","停电","tm001234567","tm005000000","12-05","21号楼","无此词语"]
out=["\\timing on","set max_parallel_workers_per_gather=0;"]
for rep in range(2):
  for w in words:
   for rare in ((False, True) if w in ('tm001234567','tm005000000','无此词语','12-05') else (False,)):
    for name,f in (("old",old),("new",new)):
        out.append(f"\\echo {name} {w} {'rare' if rare else 'window'}")
        out.append("explain (analyze, buffers, costs off, timing off, summary on) "+union(f(w), rare)+";")
open('/tmp/cmp.sql','w').write("\n".join(out)+"\n")
