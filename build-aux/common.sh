# Shared by build-aux/run and build-aux/test: install what is missing,
# configure and build. Sourced, not run; the caller has `set -euo pipefail`.
#
# Every step checks before it acts, so a second run costs a few seconds.

LECTERN_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$LECTERN_ROOT"

# Each step says when it starts (seconds since the script began), so a
# slow CI run shows which step took the time.
lectern_say ()
{
  if [ -t 2 ]; then
    printf '\033[1m==> [%4ds] %s\033[0m\n' "$SECONDS" "$*" >&2
  else
    printf '==> [%4ds] %s\n' "$SECONDS" "$*" >&2
  fi
}

lectern_die ()
{
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Runs a command as root: directly when we are root, else through sudo.
lectern_as_root ()
{
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    lectern_die "installing packages needs root: run this as root or install sudo"
  fi
}

# Installs the packages of build-aux/debian-packages.txt that are not
# installed yet. apt is not touched at all when nothing is missing.
lectern_install_packages ()
{
  local list="$LECTERN_ROOT/build-aux/debian-packages.txt"
  local wanted missing=() pkg status

  mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$list" | grep -v '^$')
  for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$pkg")
  done

  if [ ${#missing[@]} -eq 0 ]; then
    lectern_say "All ${#wanted[@]} Debian packages are installed"
    return 0
  fi
  command -v apt-get >/dev/null 2>&1 ||
    lectern_die "these packages are missing and there is no apt-get to install them: ${missing[*]}"

  lectern_say "Installing ${#missing[@]} missing Debian packages: ${missing[*]}"
  lectern_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  lectern_as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# lectern_configure BUILDDIR [MESON OPTIONS...]
# Sets a build directory up once. Later runs leave it alone: ninja
# re-runs meson by itself when a meson.build changes.
lectern_configure ()
{
  local builddir="$1"
  shift

  if [ -f "$builddir/build.ninja" ]; then
    return 0
  elif [ -f "$builddir/meson-private/coredata.dat" ]; then
    # An earlier setup stopped half-way (a dependency was missing, say).
    lectern_say "Configuring $builddir again"
    meson setup --reconfigure "$builddir" "$@"
  else
    lectern_say "Configuring $builddir"
    meson setup "$builddir" "$@"
  fi
}

# lectern_build BUILDDIR [TARGETS...]
lectern_build ()
{
  local builddir="$1"
  shift

  lectern_say "Building $builddir"
  ninja -C "$builddir" "$@"
}
