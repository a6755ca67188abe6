// nginx in front of the local cluster (scripts/cluster.mjs): Debian's nginx, run as a foreground child
// with a configuration, pid file, logs and temporary folders of its own under the cluster's folder,
// so it never touches /etc/nginx or a system nginx. The proxy rules are deploy/nginx/proxy.conf,
// the same file docker compose's nginx includes.
import { spawn, spawnSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { ROOT } from "./shop.mjs"

export const PROXY_CONF = path.join(ROOT, "deploy", "nginx", "proxy.conf")

/** The nginx binary, or null when it is not installed. */
export function findNginx() {
  for (const candidate of [process.env.NGINX_BIN, "/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"]) {
    if (candidate && fs.existsSync(candidate)) return candidate
  }
  const which = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" })
  return which.status === 0 ? which.stdout.trim() : null
}

/**
 * nginx.conf for `listen` (host:port) in front of the servers' ports. `dir` holds its pid, logs
 * and temporary files. Passive health: a server that fails (refused, reset, timed out, 502/503)
 * is left out for FAIL_TIMEOUT and then tried again; a killed server is skipped at once.
 */
export function renderNginxConfig({ dir, listen, serverPorts, workerProcesses = 1 }) {
  const tmp = (name) => path.join(dir, "tmp", name)
  return `# Written by scripts/cluster.mjs on each start; do not edit (deploy/nginx/proxy.conf holds the rules).
worker_processes ${workerProcesses};
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "nginx-error.log")} warn;
events {
    worker_connections 4096;
}
http {
    log_format upstreams '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                         'upstream=$upstream_addr upstream_status=$upstream_status time=$request_time';
    access_log ${path.join(dir, "nginx-access.log")} upstreams buffer=32k flush=1s;
    client_body_temp_path ${tmp("client_body")};
    proxy_temp_path ${tmp("proxy")};
    fastcgi_temp_path ${tmp("fastcgi")};
    uwsgi_temp_path ${tmp("uwsgi")};
    scgi_temp_path ${tmp("scgi")};
    server_tokens off;

    upstream sweetshop_backend {
${serverPorts.map((port) => `        server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join("\n")}
        keepalive 64;
    }

    server {
        listen ${listen};
        include ${PROXY_CONF};
    }
}
`
}

/** Writes the configuration, checks it with `nginx -t`, and starts nginx in the foreground. */
export function startNginx({ bin, dir, listen, serverPorts, workerProcesses }) {
  fs.mkdirSync(path.join(dir, "tmp"), { recursive: true })
  const conf = path.join(dir, "nginx.conf")
  fs.writeFileSync(conf, renderNginxConfig({ dir, listen, serverPorts, workerProcesses }))
  // -p: nginx's prefix (relative paths and its default log before the configuration is read).
  const args = ["-p", dir, "-c", conf, "-e", path.join(dir, "nginx-error.log")]
  const check = spawnSync(bin, [...args, "-t", "-q"], { encoding: "utf8" })
  if (check.status !== 0) throw new Error(`nginx refused its configuration (${conf}): ${(check.stderr || check.stdout).trim()}`)
  const child = spawn(bin, [...args, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "pipe"] })
  let stderr = ""
  child.stderr.on("data", (d) => (stderr += d))
  child.output = () => stderr
  return child
}
