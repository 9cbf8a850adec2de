# Source this file (`. scripts/use-node24.sh`) to get a Node this project runs on into PATH.
#
# The locked dependencies need Node 22.22.3+, 24.16+ or 26.3+ (package.json "engines": the
# strictest are eslint-plugin-astro, Lighthouse 13 and vitest 5, which skip 23 and 25); Debian 12
# ships Node 20.
# When the machine's node is older, the npm package node@24 brings a Node 24 binary from the npm
# registry (about 5 s), kept outside the clone so every clone and CI run share it. README and
# .ci/run both use this file, so there is one bootstrap folder:
#   NODE_BOOTSTRAP_DIR, default ${XDG_CACHE_HOME:-~/.cache}/yishu-node24
# npm itself refuses an older Node within seconds (engine-strict in .npmrc, devEngines in
# package.json); this file is what fixes it.

yishu_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a, b, c] = process.versions.node.split(".").map(Number); process.exit((a === 22 && (b > 22 || (b === 22 && c >= 3))) || (a === 24 && b >= 16) || a > 26 || (a === 26 && b >= 3) ? 0 : 1)' 2>/dev/null
}

if ! yishu_node_ok; then
  yishu_node_dir="${NODE_BOOTSTRAP_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/yishu-node24}"
  if [ ! -x "$yishu_node_dir/node_modules/node/bin/node" ]; then
    printf '本机的 Node 是 %s，本项目需要 Node 24.16 以上（或 22.22.3 以上）：正在把 Node 24 装到 %s\n' \
      "$(node --version 2>/dev/null || echo '（未安装）')" "$yishu_node_dir" >&2
    if ! command -v npm >/dev/null 2>&1; then
      printf '没有 npm，无法下载 Node 24：请先安装任意版本的 Node.js 和 npm（Debian：apt-get install nodejs npm）。\n' >&2
      return 1 2>/dev/null || exit 1
    fi
    # --prefix makes the bootstrap folder its own npm project: this repository's engine rules
    # (which the old node fails) do not apply to installing node itself.
    (cd / && npm install --prefix "$yishu_node_dir" --no-save --no-audit --no-fund --loglevel=error node@24) ||
      { printf '下载 Node 24 失败（需要能访问 npm 仓库）。\n' >&2; return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$yishu_node_dir/node_modules/node/bin:$PATH"
  unset yishu_node_dir
fi
unset -f yishu_node_ok
