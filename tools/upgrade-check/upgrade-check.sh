#!/usr/bin/env bash
# Upgrade check: a database made by an older engine (its built main.js, from a worktree of an
# older commit), then migrated and used by this checkout's build (npm run build first). Needs a
# PostgreSQL server (PG, default the local one) and psql/pg_dump. Prints what it compared.
set -euo pipefail
OLD_ENGINE=${1:?usage: tools/upgrade-check/upgrade-check.sh <old checkout>/apps/engine/dist/main.js}
PG=${PG:-postgres://postgres@127.0.0.1:5432}
cd "$(dirname "$0")/../.."
DB=upgrade_check_$$

psql -q $PG/postgres -c "CREATE DATABASE $DB"
export DATABASE_URL=$PG/$DB STAGEFLOW_ADMIN_PASSWORD=upgrade-pw-123 STAGEFLOW_LOG_LEVEL=warn
wait_up() { for i in $(seq 1 100); do curl -sf localhost:$1/api/v1/health >/dev/null && return 0; sleep 0.3; done; echo "engine on $1 did not start"; return 1; }
login() { curl -s localhost:$1/api/v1/auth/login -H 'content-type: application/json' -d '{"username":"admin","password":"upgrade-pw-123"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken'; }
PORT=3901 node "$OLD_ENGINE" > /tmp/upgrade-old.log 2>&1 & OLD=$!
wait_up 3901; T=$(login 3901)
curl -s localhost:3901/api/v1/deployments -H "authorization: Bearer $T" -F 'files=@tools/bench/diagrams/lead-qualification.bpmn' > /dev/null
INST=$(curl -s localhost:3901/api/v1/process-definitions/key/bench-lead-qualification/start -H "authorization: Bearer $T" -H 'content-type: application/json' -d '{"variables":{"budget":5000}}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).id')
echo "old engine: started instance $INST"
kill -TERM $OLD; wait $OLD || true
psql -qAt $PG/$DB -c "SELECT id, timestamp, name FROM migrations ORDER BY id" > /tmp/upgrade-migrations-before.txt
pg_dump -s $PG/$DB > /tmp/upgrade-schema-before.sql
psql -qAt $PG/$DB -c "SELECT count(*) FROM history" > /tmp/upgrade-history-before.txt
PORT=3902 node apps/engine/dist/main.js > /tmp/upgrade-new.log 2>&1 & NEW=$!
wait_up 3902; T=$(login 3902)
TASK=$(curl -s "localhost:3902/api/v1/tasks?processInstanceId=$INST&state=created" -H "authorization: Bearer $T" | node -pe 'JSON.parse(require("fs").readFileSync(0)).items[0].id')
STATE=$(curl -s localhost:3902/api/v1/tasks/$TASK/complete -H "authorization: Bearer $T" -H 'content-type: application/json' -d '{}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).processInstance.state')
echo "new engine: completed task $TASK of the old instance -> instance $STATE"
kill -TERM $NEW; wait $NEW || true
psql -qAt $PG/$DB -c "SELECT id, timestamp, name FROM migrations ORDER BY id" > /tmp/upgrade-migrations-after.txt
pg_dump -s $PG/$DB > /tmp/upgrade-schema-after.sql
diff /tmp/upgrade-migrations-before.txt /tmp/upgrade-migrations-after.txt && echo "migrations table unchanged ($(wc -l < /tmp/upgrade-migrations-after.txt) rows): nothing re-run"
diff <(grep -v -e '^--' -e '^.restrict' -e '^.unrestrict' /tmp/upgrade-schema-before.sql) <(grep -v -e '^--' -e '^.restrict' -e '^.unrestrict' /tmp/upgrade-schema-after.sql) && echo "schema unchanged"
# A fresh database migrated by the new code has the same schema as one made by the old code.
psql -q $PG/postgres -c "CREATE DATABASE ${DB}_fresh"
DATABASE_URL=$PG/${DB}_fresh PORT=3903 node apps/engine/dist/main.js > /tmp/upgrade-fresh.log 2>&1 & FRESH=$!
wait_up 3903; kill -TERM $FRESH; wait $FRESH || true
pg_dump -s $PG/${DB}_fresh > /tmp/upgrade-schema-fresh.sql
diff <(grep -v -e '^--' -e '^.restrict' -e '^.unrestrict' /tmp/upgrade-schema-before.sql) <(grep -v -e '^--' -e '^.restrict' -e '^.unrestrict' /tmp/upgrade-schema-fresh.sql) && echo "fresh schema (new code) = schema made by the old code"
psql -qAt $PG/${DB}_fresh -c "SELECT count(*) FROM migrations"
psql -q $PG/postgres -c "DROP DATABASE $DB" -c "DROP DATABASE ${DB}_fresh"
