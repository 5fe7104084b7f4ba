#!/usr/bin/env bash
# Issue 21 §4: RSS and PSS of the whole stack (the CareLoop JVM + every PostgreSQL process) under the intake and
# queue load of ServiceDeskBench, driven by wrk. Usage (docs/BENCHMARKS.md, "Issue 21 §4"):
#   memory-stack.sh <label> <postmaster-pid> <port> <seed-requests> <intake-seconds> <read-seconds> -- <java args...>
# Starts the jar with the given JVM options against CARELOOP_DB_URL (prod profile), seeds <seed-requests> requests
# with one INSERT ... SELECT when fewer are there, warms up, then runs 4-connection wrk phases: registrations,
# the open-queue list, the request page. Samples memory once a second; prints one "MEM" line per phase.
set -euo pipefail
label=$1 postmaster=$2 port=$3 seed=$4 intake=$5 reads=$6; shift 7
dir=${BENCH_DIR:-target/bench/memory}; mkdir -p "$dir"
psql_() { PGPASSWORD=$CARELOOP_DB_PASSWORD psql -qtA -h "${PGHOST:-localhost}" -p "${PGPORT:-5432}" -U "$CARELOOP_DB_USER" -d "$PGDATABASE" -c "$1"; }

# kB of one field (Rss or Pss) of smaps_rollup, summed over the given pids
sum_kb() { local f=$1; shift; local t=0 v; for p in "$@"; do v=$(awk -v f="$f:" '$1==f{print $2}' /proc/$p/smaps_rollup 2>/dev/null || true); t=$((t + ${v:-0})); done; echo $t; }
pg_pids() { echo "$postmaster" $(pgrep -P "$postmaster" || true); }
sample() { # jvm-rss jvm-pss pg-rss pg-pss (MiB) and the number of PostgreSQL processes
  local pg; pg=$(pg_pids)
  echo "$(( $(sum_kb Rss "$jvm") / 1024 )) $(( $(sum_kb Pss "$jvm") / 1024 )) $(( $(sum_kb Rss $pg) / 1024 )) $(( $(sum_kb Pss $pg) / 1024 )) $(echo $pg | wc -w)"
}
# runs "$@" while sampling; prints the peak of each figure and the sum of the stack's peaks
# CPU ticks (user + system, 1/100 s) of the given pids
cpu_ticks() { local t=0 v; for p in "$@"; do v=$(awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null || echo 0); t=$((t + v)); done; echo $t; }
sampled() {
  local name=$1; shift
  local cpu0; cpu0=$(( $(cpu_ticks "$jvm") + $(cpu_ticks $(pg_pids)) ))
  : > "$dir/$label-$name.samples"
  ( while true; do sample >> "$dir/$label-$name.samples"; sleep 1; done ) & local sampler=$!
  "$@" > "$dir/$label-$name.out" 2>&1 || { kill $sampler; cat "$dir/$label-$name.out"; exit 1; }
  kill $sampler; wait $sampler 2>/dev/null || true
  local cpu=$(( $(cpu_ticks "$jvm") + $(cpu_ticks $(pg_pids)) - cpu0 ))
  local ops; ops=$(awk '/requests in/{print $1}' "$dir/$label-$name.out")
  local rate; rate=$(awk '/Requests\/sec/{print $2}' "$dir/$label-$name.out")
  grep -q "Non-2xx" "$dir/$label-$name.out" && { echo "non-2xx answers in $name"; cat "$dir/$label-$name.out"; exit 1; }
  awk -v l="$label" -v n="$name" -v r="${rate:-0}" -v cpu="$cpu" -v o="${ops:-0}" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" '
    {if($1>a)a=$1; if($2>b)b=$2; if($3>c)c=$3; if($4>d)d=$4; if($1+$3>s)s=$1+$3; if($2+$4>q)q=$2+$4; if($5>k)k=$5}
    END{printf "MEM %s %s rate=%s/s cpu=%.2fms/op (app+db) peak: jvm rss=%d pss=%d, postgres rss=%d pss=%d (%d processes), stack rss=%d pss=%d MiB; load %s\n",l,n,r,(o>0?cpu*10/o:0),a,b,c,d,k,s,q,load}' \
    "$dir/$label-$name.samples" | tee -a "$dir/results.txt"
}

SPRING_PROFILES_ACTIVE=prod CARELOOP_ADMIN_PASSWORD=bench-admin-pw PORT=$port \
  java "$@" -jar "${JAR:-$(ls target/careloop-*.jar | head -1)}" > "$dir/$label-app.log" 2>&1 & jvm=$!
trap 'kill $jvm 2>/dev/null || true' EXIT
for i in $(seq 1 900); do curl -sf "localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "localhost:$port/actuator/health" >/dev/null || { tail -50 "$dir/$label-app.log"; exit 1; }
sampled idle sleep 5

have=$(psql_ "select count(*) from service_request where code like 'BB%'")
if [ "$have" -lt "$seed" ]; then
  psql_ "$(sed "s/:n/$seed/" src/test/resources/bench/service-requests-seed.sql)"
  psql_ "analyze service_request"
fi
token=$(curl -s -X POST "localhost:$port/api/v1/auth/tokens" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"bench-admin-pw"}' | sed 's/.*"token":"\([^"]*\)".*/\1/')
cat > "$dir/post.lua" <<LUA
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, '{"contactName":"压测","contactPhone":"13800000000","type":"REPAIR",'
    .. '"title":"压测报修 mem-' .. n .. '","channel":"API","description":"卫生间漏水，请派人查看"}')
end
LUA
cat > "$dir/get.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $token"
LUA
id=$(psql_ "select max(id) from service_request")
wrk_() { wrk -t 2 -c 4 -d "$1s" --timeout 30s -s "$2" "http://localhost:$port$3"; }
# warm-up (the JIT compiler), not sampled
wrk_ 30 "$dir/post.lua" /api/v1/service-requests > /dev/null
wrk_ 15 "$dir/get.lua" "/api/v1/service-requests?limit=50&status=REGISTERED" > /dev/null
sampled intake wrk_ "$intake" "$dir/post.lua" /api/v1/service-requests
sampled queue wrk_ "$reads" "$dir/get.lua" "/api/v1/service-requests?limit=50&status=REGISTERED"
sampled detail wrk_ "$reads" "$dir/get.lua" "/api/v1/service-requests/$id"
echo "requests now: $(psql_ "select count(*) from service_request")" | tee -a "$dir/results.txt"
if jcmd "$jvm" VM.native_memory summary > "$dir/$label-nmt.txt" 2>&1 && grep -q Total "$dir/$label-nmt.txt"; then
  grep -E "^(Total|-  *(Java Heap|Class|Thread|Code|GC|Compiler|Internal|Other|Symbol|Native Memory Tracking|Arena Chunk|Metaspace))" \
    "$dir/$label-nmt.txt" | sed "s/^/NMT $label /" | tee -a "$dir/results.txt"
fi
jcmd "$jvm" GC.heap_info > "$dir/$label-heap.txt" 2>&1 || true
# where PostgreSQL's memory is: each process's RSS / PSS (kB) and its title; and the JVM's largest heap classes
for p in $(pg_pids); do echo "$(sum_kb Rss $p) $(sum_kb Pss $p) $(tr '\0' ' ' < /proc/$p/cmdline 2>/dev/null)"; done \
  > "$dir/$label-postgres.txt" || true
jcmd "$jvm" GC.class_histogram 2>/dev/null | head -60 > "$dir/$label-histogram.txt" || true
jcmd "$jvm" Thread.print 2>/dev/null | grep -c '^"' | sed "s/^/THREADS $label /" | tee -a "$dir/results.txt" || true
