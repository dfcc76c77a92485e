#!/usr/bin/env bash
# Installs the servers that tests/deploy.rs starts for itself (on loopback ports, with its own
# configuration files, killed after each test): OpenSSH's sshd, vsftpd, and the openssl and
# ssh-keygen commands that make their keys and certificate. Debian's packages; needs root.
# Does not start the system services: packages are installed with starting services refused.
# Usage: bash tests/deploy/servers.sh
set -euo pipefail

need=()
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
[ -x /usr/sbin/vsftpd ] || need+=(vsftpd)
[ -x /usr/bin/ssh-keygen ] || need+=(openssh-client)
[ -x /usr/bin/openssl ] || need+=(openssl)
command -v git >/dev/null || need+=(git)
if [ ${#need[@]} -eq 0 ]; then
    echo "deploy test servers: already installed"
    exit 0
fi
echo "deploy test servers: installing ${need[*]}"
# Debian starts a service its package installs unless policy-rc.d says no (exit 101).
policy=/usr/sbin/policy-rc.d
made_policy=no
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod +x "$policy"
    made_policy=yes
fi
trap '[ "$made_policy" = yes ] && rm -f "$policy"' EXIT
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
