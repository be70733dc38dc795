#!/usr/bin/env bash
# The test suite's set-up, run by `dotnet test` before any test (the EnsureTestTools target in
# tests/LdnSite.Tests/LdnSite.Tests.csproj), as the theme's `npm ci` runs before a build.
#
# The slow tests need programs that NuGet cannot bring: Chromium (browser tests), Java (the Nu
# Html Checker) and, on Linux x64 only, a C compiler and zlib's headers (the native program).
# Finds them; on Debian or Ubuntu as root installs what is missing; otherwise prints one message
# with the command for this system and exits 1.
#
#   ensure-test-tools.sh require [install|no-install]   the selected tests need the tools
#   ensure-test-tools.sh warn                           they do not (Category!=Slow): one line at most
#
# Only shell built-ins are used before installing, so the check also runs with a PATH that holds
# none of the tools (which is how the tests simulate a bare machine).
set -u

mode=${1:-require}
install=${2:-install}
chromium=${LDNSITE_CHROMIUM:-/usr/lib/chromium/chromium}
# The tests simulate other systems by pointing this elsewhere.
os_release=${LDNSITE_OS_RELEASE:-/etc/os-release}

has() { command -v "$1" >/dev/null 2>&1; }

# What is missing, as a reader names it, and as Debian's package names it.
find_missing() {
  missing=() packages=()
  if [ ! -x "$chromium" ]; then missing+=("Chromium (looked for $chromium)"); packages+=(chromium); fi
  if ! has java; then missing+=("Java (java on PATH)"); packages+=(default-jre-headless); fi
  if ! has git; then missing+=("git"); packages+=(git); fi
  # The native program is published for linux-x64 only; .NET's Native AOT links with clang or gcc.
  if [[ $OSTYPE == linux* && $HOSTTYPE == x86_64 ]]; then
    if ! has clang && ! has gcc && ! has clang-14; then missing+=("a C compiler (clang or gcc)"); packages+=(clang); fi
    if [ ! -e /usr/include/zlib.h ]; then missing+=("zlib's headers (/usr/include/zlib.h)"); packages+=(zlib1g-dev); fi
  fi
}

debian_like() {
  [ -r "$os_release" ] || return 1
  local ID="" ID_LIKE=""
  # shellcheck disable=SC1090
  . "$os_release"
  [[ " $ID $ID_LIKE " == *" debian "* || " $ID $ID_LIKE " == *" ubuntu "* ]]
}

find_missing
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$mode" = warn ]; then
  joined=$(printf '%s; ' "${missing[@]}")
  echo "Note: the slow tests (not selected) would need ${joined%; }."
  exit 0
fi

if [ "$install" = install ] && debian_like && [ "${EUID:-1}" -eq 0 ]; then
  echo "Installing what the tests need: ${packages[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  find_missing
  [ ${#missing[@]} -eq 0 ] && exit 0
fi

# One message: what is missing, the command for this system, the variable for a browser
# installed elsewhere, and the tests that need none of it.
joined=$(printf '%s; ' "${missing[@]}")
echo "The slow tests need ${joined%; }; no test was run."
if debian_like; then
  echo "  Install: sudo apt-get install -y ${packages[*]}"
elif [[ $OSTYPE == darwin* ]]; then
  echo "  Install: brew install --cask chromium && brew install openjdk"
  echo "  (the native-program tests run on Linux x64 only and are skipped here)"
elif [[ $OSTYPE == msys* || $OSTYPE == cygwin* ]]; then
  echo "  Install: winget install Hibbiki.Chromium EclipseAdoptium.Temurin.21.JRE"
else
  echo "  Install Chromium (or Chrome), a Java runtime, and on Linux x64 clang or gcc and zlib's headers with your package manager."
fi
echo "  A browser installed elsewhere: set LDNSITE_CHROMIUM to its program (e.g. /usr/bin/google-chrome, or \"/Applications/Chromium.app/Contents/MacOS/Chromium\")."
echo "  Without them, run the fast tests: dotnet test --filter \"Category!=Slow\""
exit 1
