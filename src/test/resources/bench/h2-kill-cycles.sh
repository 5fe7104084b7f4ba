#!/bin/bash
# IntakeReliabilityTest's kill, repeated (CHANGELOG, session of 2026-12-07 third): CareLoop on one H2 data directory
# takes an 8-client intake burst (curl) with a webhook receiver that answers 503, is killed with SIGKILL after 40-80
# acknowledgements, and restarts; after each restart the unanswered intakes are retried with their Idempotency-Key
# (201 or 303 expected) and one new intake must get 201. Stops at the first other answer and prints it.
#   JAR=target/careloop-*.jar CYCLES=30 src/test/resources/bench/h2-kill-cycles.sh
JAR=${JAR:-$(ls target/careloop-*.jar | head -1)}
DIR=${DIR:-/tmp/h2kill}; rm -rf $DIR; mkdir -p $DIR
PORT=${PORT:-18777}; RPORT=18778
PW=kill-admin-pw; UPW=Reliability-user-2026
# a receiver that is always down (503)
python3 -c "
import http.server
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length',0))); self.send_response(503); self.end_headers()
    def log_message(self,*a): pass
http.server.ThreadingHTTPServer(('127.0.0.1',$RPORT),H).serve_forever()" &
RECV=$!
start() {
  java -Xmx512m -XX:TieredStopAtLevel=1 -jar $JAR --server.port=$PORT --CARELOOP_DATA_DIR=$DIR/data --careloop.demo-data=false \
    --careloop.admin-password=$PW --spring.datasource.hikari.maximum-pool-size=8 --careloop.security.password-hash-cost=4 \
    --careloop.webhooks.allow-private-targets=true --careloop.webhooks.initial-backoff=PT0.2S --careloop.webhooks.max-backoff=PT1S \
    --careloop.webhooks.lease=PT3S --careloop.webhooks.disable-after=1000000 --careloop.idempotency.abandoned-after=PT1S > $DIR/app-$1.log 2>&1 &
  APP=$!
  for i in $(seq 1 300); do curl -s -o /dev/null -w "%{http_code}" localhost:$PORT/actuator/health 2>/dev/null | grep -q 200 && return 0; sleep 0.5; done
  echo "did not start"; exit 1
}
tok() { curl -s -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$2\"}" localhost:$PORT/api/v1/auth/tokens | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])'; }
post() { curl -s -o $DIR/out.$$.$RANDOM -w "%{http_code}" -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -H 'Accept: application/json' ${3:+-H "Idempotency-Key: $3"} -d "$2" localhost:$PORT$4; }
intake() { echo "{\"contactName\":\"可靠性\",\"contactPhone\":\"13800000000\",\"type\":\"REPAIR\",\"title\":\"$1\",\"channel\":\"API\"}"; }
start 0
A=$(tok admin $PW)
D=$(curl -s -H "Authorization: Bearer $A" -H 'Content-Type: application/json' -d '{"code":"REL-A","name":"可靠性A"}' localhost:$PORT/api/v1/departments | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
curl -s -o /dev/null -H "Authorization: Bearer $A" -H 'Content-Type: application/json' -d "{\"username\":\"frontdesk\",\"displayName\":\"前台\",\"password\":\"$UPW\",\"position\":\"FRONT_DESK\",\"roles\":[\"FRONT_DESK\"],\"departmentId\":$D}" localhost:$PORT/api/v1/users
curl -s -o /dev/null -H "Authorization: Bearer $A" -H 'Content-Type: application/json' -d "{\"name\":\"ERP\",\"url\":\"http://127.0.0.1:$RPORT/erp\",\"secret\":\"reliability-webhook-secret\",\"eventTypes\":[\"service-request.registered\"]}" localhost:$PORT/api/v1/webhooks
for cycle in $(seq 1 ${CYCLES:-30}); do
  T=$(tok frontdesk $UPW)
  if [ -f $DIR/unanswered ]; then
    for m in $(cat $DIR/unanswered); do
      r=$(curl -s -o $DIR/retry.json -w "%{http_code}" -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -H "Idempotency-Key: $m" -d "$(intake $m)" localhost:$PORT/api/v1/service-requests)
      echo "  retry $m: $r"
      case $r in 201|303) ;; *) echo "REFUSED: $(cat $DIR/retry.json)";; esac
    done
    rm -f $DIR/unanswered
  fi
  # a fresh intake right after the (re)start
  m=after-$cycle-$RANDOM$RANDOM
  s=$(curl -s -o $DIR/after.json -w "%{http_code}" -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -H "Idempotency-Key: $m" -d "$(intake $m)" localhost:$PORT/api/v1/service-requests)
  echo "cycle $cycle: fresh intake $s"
  if [ "$s" != 201 ]; then cat $DIR/after.json; echo; grep -E "WARN|ERROR|Integrity" $DIR/app-$((cycle-1)).log | tail -5; kill $APP $RECV; exit 2; fi
  rm -f $DIR/acks; 
  PIDS=(); for t in 1 2 3 4 5 6 7 8; do ( for i in $(seq 1 100000); do m=rel-$cycle-$t-$i-$RANDOM; c=$(curl -s -o /dev/null -w "%{http_code}" -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -H "Idempotency-Key: $m" -d "$(intake $m)" localhost:$PORT/api/v1/service-requests); [ "$c" = 201 ] && echo >> $DIR/acks; [ "$c" = 000 ] && { echo $m >> $DIR/unanswered; break; }; done ) & PIDS+=($!); done
  for i in $(seq 1 600); do [ -f $DIR/acks ] && [ $(wc -l < $DIR/acks) -ge $((40 + RANDOM % 40)) ] && break; sleep 0.05; done
  kill -9 $APP; wait $APP 2>/dev/null; sleep 0.5
  wait ${PIDS[@]} 2>/dev/null
  start $cycle
done
kill $APP $RECV
