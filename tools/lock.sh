#!/usr/bin/env bash
# `make lock`: refresh requirements.lock deliberately. Resolves pyproject's ranges afresh in a
# throw-away venv (runtime + test extras + the build backend) and pins every package exactly.
# `make run`, `make test` and .ci/run install through this file, so a new release upstream
# can only reach the test run when someone runs this and commits the result.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PY" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --upgrade pip
# the build backend too: PIP_CONSTRAINT pins it inside pip's isolated build environment
"$tmp/venv/bin/python" -m pip install -q ".[test]" hatchling editables
{
  echo "# requirements.lock — exact versions for make run / make test / CI; refresh with 'make lock'."
  echo "# Python $("$tmp/venv/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])'), written $(date -u +%Y-%m-%d)."
  "$tmp/venv/bin/python" -m pip --version | awk '{print "pip==" $2}'
  "$tmp/venv/bin/python" -m pip freeze --all --exclude huikuan-dojo | grep -v '^pip==' | grep -v '^-e ' | LC_ALL=C sort -f
} > requirements.lock.new
mv requirements.lock.new requirements.lock
echo "requirements.lock: $(grep -c '==' requirements.lock) pins"
