#!/usr/bin/env bash
# Installs the peers that bench/run.sh times beside crosscheck, into throw-away places:
#   - quantulum3 (Python, from PyPI) into a venv at $CROSSCHECK_BENCH_VENV
#     (default /tmp/crosscheck-bench-venv);
#   - ripgrep (Debian's package) for the raw digit scan, the floor.
# Idempotent: what is already there is kept. Not run by CI.
set -euo pipefail

VENV="${CROSSCHECK_BENCH_VENV:-/tmp/crosscheck-bench-venv}"

log() { printf 'peers: %s\n' "$*"; }

# ripgrep, and GNU time for peak memory (both from Debian).
need_apt=()
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ "${#need_apt[@]}" -gt 0 ]; then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    log "installing from Debian: ${need_apt[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
log "ripgrep: $(rg --version | sed -n 1p)"

# quantulum3 in its own venv.
if [ ! -x "$VENV/bin/python" ]; then
    log "creating venv $VENV"
    python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c 'import quantulum3' >/dev/null 2>&1; then
    log "installing quantulum3 into $VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check quantulum3
fi
# The classifier quantulum3 uses to tell units apart needs scikit-learn; without it,
# quantulum3 falls back to its rules (and says so on every call).
if ! "$VENV/bin/python" -c 'import sklearn' >/dev/null 2>&1; then
    log "installing quantulum3's classifier dependencies into $VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check 'quantulum3[classifier]'
fi
# The classifier quantulum3 ships (clf.joblib) is a pickle of the scikit-learn it was
# built with; a newer scikit-learn cannot load it ("No module named '_loss'"), and
# quantulum3 then fails on the first ambiguous unit. quantulum3 ships its training data
# too, so the classifier is retrained here, offline (a few seconds), with the
# scikit-learn installed; quantulum3 never downloads anything at run time.
classifier_ok() {
    "$VENV/bin/python" -W ignore -c '
import logging, sys
logging.disable(logging.CRITICAL)
from importlib.metadata import version
from quantulum3 import classifier
c = classifier.Classifier()
sys.exit(0 if c.loaded else 1)' >/dev/null 2>&1
}
if ! classifier_ok; then
    log "retraining quantulum3's classifier offline from its bundled training data" \
        "(scikit-learn $("$VENV/bin/pip" show scikit-learn 2>/dev/null | sed -n 's/^Version: //p'))"
    "$VENV/bin/python" -W ignore -c 'from quantulum3 import classifier; classifier.train_classifier(store=True)'
    classifier_ok || { log "quantulum3's classifier still does not load"; exit 1; }
fi
log "quantulum3 classifier: loads"
log "quantulum3: $("$VENV/bin/pip" show quantulum3 2>/dev/null | sed -n 's/^Version: //p')" \
    "(python $("$VENV/bin/python" -c 'import sys; print(sys.version.split()[0])'))"
log "venv packages: $("$VENV/bin/pip" freeze --disable-pip-version-check | tr '\n' ' ')"
