#!/usr/bin/env bash
# A throwaway Virtuoso (Debian: apt-get install virtuoso-opensource) on
# loopback, for trying `govkg push` and `govkg query --endpoint`, and for the
# tests that do (tests/virtuoso/mod.rs runs this script).
#
#   scripts/virtuoso.sh start DIR [HTTP_PORT [SQL_PORT]]   # default 8890 1111
#   scripts/virtuoso.sh stop DIR
#
# `start` writes DIR/virtuoso.ini (database files in DIR, both ports on
# 127.0.0.1), starts virtuoso-t, waits for its HTTP port, and lets anonymous
# clients update (SPARQL UPDATE and Graph Store Protocol), which is what a
# private test store on loopback needs and nothing else should have. Then:
#   query endpoint:        http://127.0.0.1:HTTP_PORT/sparql
#   graph store endpoint:  http://127.0.0.1:HTTP_PORT/sparql-graph-crud
set -euo pipefail

command=${1:-}
dir=${2:-}
if [ -z "$command" ] || [ -z "$dir" ]; then
  echo "usage: $0 start DIR [HTTP_PORT [SQL_PORT]] | $0 stop DIR" >&2
  exit 64
fi

case "$command" in
start)
  http_port=${3:-8890}
  sql_port=${4:-1111}
  command -v virtuoso-t >/dev/null || { echo "virtuoso-t not found: apt-get install virtuoso-opensource" >&2; exit 69; }
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  cat >"$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx

[Parameters]
ServerPort           = 127.0.0.1:$sql_port
DisableUnixSocket    = 1
CheckpointInterval   = 60
CaseMode             = 2
DirsAllowed          = ., $dir
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000

[HTTPServer]
ServerPort           = 127.0.0.1:$http_port
ServerRoot           = /var/lib/virtuoso-opensource-7/vsp
ServerThreads        = 10
MaxClientConnections = 10
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryExecutionTime      = 60
EOF
  # Started directly (not in a subshell), so $! is virtuoso-t itself and no
  # shell lingers holding the caller's output open.
  cd "$dir"
  nohup virtuoso-t +foreground +configfile "$dir/virtuoso.ini" </dev/null >"$dir/stdout.log" 2>&1 &
  echo $! >"$dir/virtuoso.pid"
  # A new database takes a few seconds to initialise.
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$http_port/sparql?query=ASK%7B%7D" 2>/dev/null; then
      break
    fi
    if ! kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null; then
      echo "virtuoso-t exited; see $dir/virtuoso.log" >&2
      tail -n 20 "$dir/virtuoso.log" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
  # Anonymous requests run as SPARQL (SQL user) and "nobody" (graph
  # permissions); 15 = read, write, sponge, list on every graph.
  isql-vt "127.0.0.1:$sql_port" dba dba >"$dir/grant.log" 2>&1 <<'EOF'
GRANT SPARQL_UPDATE TO "SPARQL";
GRANT EXECUTE ON DB.DBA.SPARQL_INSERT_DICT_CONTENT TO "SPARQL";
GRANT EXECUTE ON DB.DBA.SPARQL_DELETE_DICT_CONTENT TO "SPARQL";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 15);
EOF
  if grep -q "Error" "$dir/grant.log"; then
    echo "granting anonymous updates failed; see $dir/grant.log" >&2
    exit 1
  fi
  echo "virtuoso on http://127.0.0.1:$http_port/sparql (graph store: /sparql-graph-crud)"
  ;;
stop)
  if [ -f "$dir/virtuoso.pid" ]; then
    pid=$(cat "$dir/virtuoso.pid")
    kill "$pid" 2>/dev/null || true
    # Wait for it to go, so the caller may delete DIR.
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    rm -f "$dir/virtuoso.pid"
  fi
  ;;
*)
  echo "usage: $0 start DIR [HTTP_PORT [SQL_PORT]] | $0 stop DIR" >&2
  exit 64
  ;;
esac
