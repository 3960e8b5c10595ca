# Shared by scripts/dev and scripts/test: make .venv and install the project into it.
# Versions are pinned by constraints.txt so every machine (and CI) gets the same set.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Fosterflyt needs Python 3.11 or newer ($PYTHON is $("$PYTHON" --version 2>&1))." >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
# The dev tools include the generated API client (clients/), used by its tests.
EXTRA=()
[ "$1" = "[dev]" ] && EXTRA=(-e clients/python/fosterflyt-client)
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".$1" \
  "${EXTRA[@]}" \
  2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
