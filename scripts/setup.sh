#!/usr/bin/env bash
# Installs the Debian packages Bourse needs to build and test, if they are missing.
#
# Idempotent and non-interactive: it installs nothing when everything is there, runs
# apt-get directly as root and through `sudo -n` otherwise. It does not install Swift:
# it checks that a Swift 6.1+ toolchain is on PATH and says where to get one if not.
set -euo pipefail

# The packages the build and the test suite need, one per line in debian-packages.txt.
mapfile -t REQUIRED_PACKAGES < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$(dirname "$0")/debian-packages.txt")

log() { printf 'setup: %s\n' "$*"; }

is_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

check_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        log "error: no 'swift' on PATH. Install a Swift 6.1 or newer toolchain for Linux"
        log "       (https://www.swift.org/install/linux/) and put its usr/bin on PATH."
        exit 1
    fi
    local version
    version="$(swift --version 2>&1 | sed -n 's/.*Swift version \([0-9][0-9]*\.[0-9][0-9]*\).*/\1/p' | head -n 1)"
    local major="${version%%.*}" minor="${version#*.}"
    if [[ -z "$version" ]] || (( major < 6 || (major == 6 && minor < 1) )); then
        log "error: Swift 6.1 or newer is needed, found '${version:-unknown}' ($(command -v swift))."
        exit 1
    fi
    log "Swift $version at $(command -v swift)"
}

install_packages() {
    local missing=()
    local package
    for package in "${REQUIRED_PACKAGES[@]}"; do
        is_installed "$package" || missing+=("$package")
    done
    if (( ${#missing[@]} == 0 )); then
        log "Debian packages already installed: ${REQUIRED_PACKAGES[*]}"
        return
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        log "error: apt-get not found; install these packages (or your system's equivalents): ${missing[*]}"
        exit 1
    fi
    local run=()
    if (( EUID != 0 )); then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            run=(sudo -n)
        else
            log "error: installing ${missing[*]} needs root; run as root or with password-less sudo,"
            log "       or install them yourself: apt-get install -y ${missing[*]}"
            exit 1
        fi
    fi
    log "installing: ${missing[*]}"
    "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

check_swift
install_packages
log "done"
