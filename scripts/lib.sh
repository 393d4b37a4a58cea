# Shared by the scripts in this folder: finding or building Python and
# keeping the virtual environments in step with the requirements files.
# shellcheck shell=bash

# Both targets, Home Assistant 2026.3 (the oldest in hacs.json) and the newest, need
# Python 3.14.2 or newer; when none is here, this version is built.
PYTHON_MIN="3.14.2"
PYTHON_BUILD="3.14.7 3b48dac8fb59f62eaa67ac83c1eb12bda1b7a08406dd286e252c11a66be27f81"
DEBIAN_POOL="http://deb.debian.org/debian/pool/main/p"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/back-relief"

log() { echo "==> $*" >&2; }

ensure_uv() {
  if command -v uv >/dev/null 2>&1; then return; fi
  mkdir -p "$CACHE_DIR"
  if [ ! -x "$CACHE_DIR/uv-tool/bin/uv" ]; then
    log "installing uv"
    python3 -m venv "$CACHE_DIR/uv-tool"
    "$CACHE_DIR/uv-tool/bin/pip" install --quiet uv
  fi
  export PATH="$CACHE_DIR/uv-tool/bin:$PATH"
}

# Prints the path of the first interpreter found that is at least version $1.
find_python() {
  local minimum="$1" candidate
  local major_minor="${minimum%.*}"
  for candidate in \
    "$CACHE_DIR/python-$major_minor"/*/bin/"python$major_minor" \
    "$(command -v "python$major_minor" || true)" \
    "$(uv python find "$major_minor" 2>/dev/null || true)" \
    "$HOME"/.pyenv/versions/"$major_minor".*/bin/python3 \
    /usr/bin/"python$major_minor"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    if "$candidate" -c "import sys, ssl, sqlite3; v=tuple(map(int,'$minimum'.split('.'))); sys.exit(sys.version_info[:3] < v or sys.version_info[:2] != v[:2])" 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# Builds CPython from Debian's source package into the cache, checking the
# tarball's sha256 first.
build_python() {
  local version="$1" sha256="$2"
  local major_minor="${version%.*}"
  local prefix="$CACHE_DIR/python-$major_minor/$version"
  local work
  work="$(mktemp -d)"
  log "building Python $version from source (about 2 minutes on 2 cores)"
  if [ "$(id -u)" = 0 ] && ! dpkg -s libzstd-dev >/dev/null 2>&1; then
    apt-get install -y -qq libzstd-dev >/dev/null 2>&1 \
      || { apt-get update -qq && apt-get install -y -qq libzstd-dev >/dev/null; } || true
  fi
  curl -fsSL --retry 3 -o "$work/python.tar.xz" \
    "$DEBIAN_POOL/python$major_minor/python${major_minor}_${version}.orig.tar.xz"
  echo "$sha256  $work/python.tar.xz" | sha256sum -c --quiet -
  tar -xf "$work/python.tar.xz" -C "$work"
  (
    cd "$work/Python-$version"
    ./configure --prefix="$prefix" --without-ensurepip >"$work/configure.log" 2>&1
    make -j"$(nproc)" >"$work/make.log" 2>&1
    make altinstall >"$work/install.log" 2>&1
  ) || { log "Python build failed; logs in $work"; return 1; }
  rm -rf "$work"
}

# Prints an interpreter of at least version $1: one already here, one uv can
# download, or one built from source ($2 is "version sha256" for the build).
ensure_python() {
  local minimum="$1" build="$2" found
  if found="$(find_python "$minimum")"; then echo "$found"; return; fi
  log "no Python >= $minimum here; asking uv for one"
  if timeout 60 uv python install "${minimum%.*}" >/dev/null 2>&1 \
    && found="$(find_python "$minimum")"; then
    echo "$found"
    return
  fi
  # shellcheck disable=SC2086
  build_python $build
  find_python "$minimum"
}

# Creates the virtual environment $1 with interpreter $2 and installs the
# requirements file $3 (with the overrides file $4, if given), only when something
# changed since the last run.
ensure_venv() {
  local venv="$1" python="$2" requirements="$3" overrides="${4:-}"
  local stamp="$venv/.requirements.sha256"
  local wanted
  wanted="$(cat "$requirements" requirements_dev.txt ${overrides:+"$overrides"} 2>/dev/null | sha256sum | cut -d' ' -f1) $python"
  if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
    return
  fi
  log "installing $requirements into $venv"
  rm -rf "$venv"
  uv venv --quiet -p "$python" "$venv"
  VIRTUAL_ENV="$PWD/$venv" uv pip install --quiet -r "$requirements" \
    ${overrides:+--override "$overrides"}
  echo "$wanted" >"$stamp"
}

# Sets up uv and the interpreter that both targets run on, kept in $PYTHON.
ensure_toolchain() {
  ensure_uv
  PYTHON="$(ensure_python "$PYTHON_MIN" "$PYTHON_BUILD")"
}

# Sets up .venv: the newest Home Assistant with the test and lint tools, which is
# all that scripts/develop needs. Call ensure_toolchain first.
ensure_newest_venv() {
  ensure_venv .venv "$PYTHON" requirements_test.txt
}

# Sets up .venv-oldest: the oldest Home Assistant that hacs.json declares, for the
# tests only. Call ensure_toolchain first.
ensure_oldest_venv() {
  ensure_venv .venv-oldest "$PYTHON" requirements_test_oldest.txt overrides_oldest.txt
}

# Installs the dashboard card's npm packages into $1/node_modules, only when its
# package-lock.json changed since the last run.
ensure_node_modules() {
  local dir="$1"
  local stamp="$dir/node_modules/.package-lock.sha256"
  local wanted
  command -v npm >/dev/null 2>&1 || { log "npm is missing: install Node.js 20 or newer"; return 1; }
  wanted="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
    return
  fi
  log "installing the card's npm packages into $dir/node_modules"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$wanted" >"$stamp"
}
