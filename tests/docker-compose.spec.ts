import fs from "fs"
import path from "path"
import { parse } from "yaml"
import { z } from "zod"
import { readShopEnv, SHOP_ENV_VARIABLES } from "../backend/src/config/env"

/**
 * docker-compose.yml cannot run here (no Docker engine), so its shape is
 * checked instead: the services the deployment needs, their health checks and
 * dependencies, and that the backend's environment passes the shop's own
 * configuration check.
 */
const root = path.resolve(__dirname, "..")
const composeText = fs.readFileSync(path.join(root, "docker-compose.yml"), "utf8")
const compose = parse(composeText, { merge: true })

const healthcheck = z.object({
  test: z.union([z.string(), z.array(z.string()).min(2)]),
  interval: z.string().regex(/^\d+s$/),
  timeout: z.string().regex(/^\d+s$/),
  retries: z.number().int().positive(),
})
const service = z
  .object({
    image: z.string().optional(),
    build: z.object({ context: z.string(), target: z.string() }).optional(),
    command: z.array(z.string()).optional(),
    environment: z.record(z.string()).optional(),
    ports: z.array(z.string().regex(/^\d+:\d+$/)).optional(),
    volumes: z.array(z.string()).optional(),
    healthcheck: healthcheck.optional(),
    depends_on: z
      .record(z.object({ condition: z.enum(["service_started", "service_healthy", "service_completed_successfully"]) }))
      .optional(),
    profiles: z.array(z.string()).optional(),
  })
  .passthrough()
  .refine((s) => s.image || s.build, { message: "a service needs an image or a build" })
const composeSchema = z.object({
  services: z.record(service),
  volumes: z.record(z.null()).optional(),
})

/** Substitutes ${VAR:?msg} and ${VAR:-default} the way docker compose does, from `vars`. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{([A-Z0-9_]+)(?::([?-])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    if (vars[name]) return vars[name]
    if (kind === "?") throw new Error(`${name} is required: ${rest}`)
    return kind === "-" ? rest ?? "" : ""
  })
}

describe("docker-compose.yml", () => {
  const parsed = composeSchema.safeParse(compose)

  it("is valid YAML in the shape docker compose reads", () => {
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues, null, 2))
    expect(parsed.success).toBe(true)
  })

  it("runs PostgreSQL 16, Redis 7, a backend server and a backend worker, with health checks", () => {
    const services = compose.services
    expect(services.postgres.image).toMatch(/^postgres:16/)
    expect(services.redis.image).toMatch(/^redis:7/)
    expect(services["backend-server"].environment.MEDUSA_WORKER_MODE).toBe("server")
    expect(services["backend-worker"].environment.MEDUSA_WORKER_MODE).toBe("worker")
    expect(services.storefront).toBeDefined()
    for (const name of ["postgres", "redis", "backend-server", "backend-worker", "storefront"]) {
      expect(services[name].healthcheck).toBeDefined()
    }
  })

  it("only depends on services it declares, and only mounts volumes it declares", () => {
    const services = compose.services as Record<string, any>
    const volumeNames = new Set(Object.keys(compose.volumes ?? {}))
    for (const [name, svc] of Object.entries(services)) {
      for (const dependency of Object.keys(svc.depends_on ?? {})) {
        expect({ service: name, dependsOn: dependency, known: dependency in services }).toMatchObject({ known: true })
      }
      for (const volume of svc.volumes ?? []) {
        const source = String(volume).split(":")[0]
        if (!source.startsWith(".") && !source.startsWith("/")) {
          expect({ service: name, volume: source, declared: volumeNames.has(source) }).toMatchObject({ declared: true })
        }
      }
    }
    // A service that waits for another to be healthy needs that one to have a health check.
    for (const svc of Object.values(services)) {
      for (const [dependency, { condition }] of Object.entries<any>(svc.depends_on ?? {})) {
        if (condition === "service_healthy") expect(services[dependency].healthcheck).toBeDefined()
      }
    }
  })

  it("gives the backend an environment the shop's configuration check accepts", () => {
    const vars = {
      POSTGRES_PASSWORD: "pg-password",
      JWT_SECRET: "j".repeat(32),
      COOKIE_SECRET: "c".repeat(32),
      TRACKING_SECRET: "t".repeat(32),
      STOREFRONT_REVALIDATE_SECRET: "r".repeat(32),
      ADMIN_EMAIL: "owner@sweetshop.in",
      ADMIN_PASSWORD: "a-long-password",
      // The defaults are http://localhost URLs: a trial on one machine says so.
      ALLOW_HTTP: "true",
      SHOP_GSTIN: "07AAFCM4321K1Z2",
      SHOP_LEGAL_NAME: "Mithai Ghar Private Limited",
      SHOP_ADDRESS: "4 Dariba Kalan, Chandni Chowk, Delhi 110006",
      SHOP_FSSAI_LICENCE: "13324001000456",
    }
    for (const name of ["migrate", "backend-server", "backend-worker"]) {
      const environment = compose.services[name].environment as Record<string, string>
      const resolved = Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, interpolate(String(v), vars)]))
      const env = readShopEnv(resolved)
      expect(env.NODE_ENV).toBe("production")
      expect(env.REDIS_URL).toBe("redis://redis:6379")
      expect(env.DATABASE_URL).toContain("@postgres:5432/sweetshop")
    }
  })

  it("refuses to start without the secrets it needs", () => {
    const environment = compose.services["backend-server"].environment as Record<string, string>
    expect(() => interpolate(environment.JWT_SECRET, {})).toThrow(/JWT_SECRET is required/)
    expect(() => interpolate(environment.TRACKING_SECRET, {})).toThrow(/TRACKING_SECRET is required/)
    expect(() => interpolate(environment.DATABASE_URL, {})).toThrow(/POSTGRES_PASSWORD is required/)
    expect(() => interpolate(environment.STOREFRONT_REVALIDATE_SECRET, {})).toThrow(/STOREFRONT_REVALIDATE_SECRET is required/)
    expect(() => interpolate(compose.services.storefront.environment.STOREFRONT_REVALIDATE_SECRET, {})).toThrow(/STOREFRONT_REVALIDATE_SECRET is required/)
    // The seller on tax invoices is the shop's own: nothing made up reaches a deployed shop.
    expect(() => interpolate(environment.SHOP_GSTIN, {})).toThrow(/SHOP_GSTIN is required/)
    expect(() => interpolate(environment.SHOP_FSSAI_LICENCE, {})).toThrow(/SHOP_FSSAI_LICENCE is required/)
  })

  describe("the storefront service", () => {
    const services = compose.services as Record<string, any>
    const storefront = services.storefront
    const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8")
    /** The lines of one stage of the Dockerfile, from its FROM to the next. */
    const stage = (name: string) => {
      const lines = dockerfile.split("\n")
      const start = lines.findIndex((l) => new RegExp(`^FROM \\S+ AS ${name}$`).test(l))
      const end = lines.findIndex((l, i) => i > start && l.startsWith("FROM "))
      return start < 0 ? [] : lines.slice(start, end < 0 ? undefined : end)
    }

    it("starts with a plain docker compose up: no profile, built from the Dockerfile's storefront stage", () => {
      expect(storefront.profiles).toBeUndefined()
      expect(storefront.build).toEqual({ context: ".", target: "storefront" })
      expect(stage("storefront").length).toBeGreaterThan(0)
      expect(stage("storefront-build").join("\n")).toMatch(/next build/)
      expect(storefront.ports).toEqual(["8000:8000"])
      expect(storefront.healthcheck.test.join(" ")).toContain("http://localhost:8000/api/health")
    })

    it("runs next start on 8000 as the unprivileged user node", () => {
      const lines = stage("storefront")
      const user = lines.filter((l) => l.startsWith("USER ")).pop()
      expect(user).toBe("USER node")
      const cmd = JSON.parse(lines.find((l) => l.startsWith("CMD "))!.slice(4))
      expect(cmd).toEqual(expect.arrayContaining(["start", "-p", "8000"]))
      expect(lines.join("\n")).toMatch(/--chown=node:node \/app\/storefront storefront/)
    })

    it("reaches the backend over the compose network, and hands the browser the backend's public URL", () => {
      const vars = { MEDUSA_BACKEND_URL: "https://api.sweetshop.in", STOREFRONT_REVALIDATE_SECRET: "r".repeat(32), SHOP_FSSAI_LICENCE: "13324001000456" }
      const env = Object.fromEntries(Object.entries<string>(storefront.environment).map(([k, v]) => [k, interpolate(String(v), vars)]))
      // Through nginx, which spreads the requests over every backend-server replica.
      const server = new URL(env.MEDUSA_BACKEND_URL)
      expect(server.hostname in services).toBe(true)
      expect(server.hostname).toBe("nginx")
      expect(services.nginx.ports).toEqual([`${server.port}:${server.port}`])
      expect(env.MEDUSA_BROWSER_BACKEND_URL).toBe("https://api.sweetshop.in")
      expect(interpolate(storefront.environment.MEDUSA_BROWSER_BACKEND_URL, {})).toBe("http://localhost:9000")
      expect(storefront.depends_on.nginx).toEqual({ condition: "service_healthy" })
      // The footer shows the same FSSAI licence the invoices carry.
      expect(env.SHOP_FSSAI_LICENCE).toBe("13324001000456")
      expect(storefront.environment.SHOP_FSSAI_LICENCE).toBe(services["backend-server"].environment.SHOP_FSSAI_LICENCE)
    })

    it("shares the revalidation secret with the backend, which calls it by its service name", () => {
      const backend = services["backend-worker"].environment
      expect(storefront.environment.STOREFRONT_REVALIDATE_SECRET).toBe(backend.STOREFRONT_REVALIDATE_SECRET)
      const internal = new URL(backend.STOREFRONT_INTERNAL_URL)
      expect(internal.hostname).toBe("storefront")
      expect(storefront.environment.PORT).toBe(internal.port)
    })

    it("gets the seeded publishable key from the migrate service through a shared volume", () => {
      const migrate = services.migrate
      expect(migrate.command.join(" ")).toMatch(/seed\.js && npx medusa exec \.\/src\/scripts\/storefront-key\.js$/)
      expect(fs.existsSync(path.join(root, "backend/src/scripts/storefront-key.ts"))).toBe(true)
      expect(migrate.volumes).toContain("storefront-config:/app/.data")
      expect(storefront.volumes).toContain("storefront-config:/app/.data:ro")
      // The storefront reads ../.data/storefront.env from its working directory, /app/storefront.
      expect(migrate.environment.STOREFRONT_ENV_FILE).toBe("/app/.data/storefront.env")
      expect(stage("storefront").join("\n")).toMatch(/^WORKDIR \/app\/storefront$/m)
      expect(interpolate(storefront.environment.MEDUSA_PUBLISHABLE_KEY, {})).toBe("")
    })
  })

  it("uses only variables that .env.example documents", () => {
    const documented = new Set(
      fs
        .readFileSync(path.join(root, ".env.example"), "utf8")
        .split("\n")
        .map((line) => line.match(/^([A-Z0-9_]+)=/)?.[1])
        .filter(Boolean)
    )
    const used = new Set([...composeText.matchAll(/\$\{([A-Z0-9_]+)/g)].map((m) => m[1]))
    const undocumented = [...used].filter((name) => !documented.has(name))
    expect(undocumented).toEqual([])
    const unexplainedShopVariables = SHOP_ENV_VARIABLES.filter((name) => !documented.has(name))
    expect(unexplainedShopVariables).toEqual([])
  })
})

describe("docker-compose.yml: nginx in front of a backend-server that scales (docker compose up --scale backend-server=N)", () => {
  const services = compose.services as Record<string, any>
  const nginxConf = fs.readFileSync(path.join(root, "deploy/nginx/nginx.conf"), "utf8")
  const proxyConf = fs.readFileSync(path.join(root, "deploy/nginx/proxy.conf"), "utf8")

  it("gives backend-server no container name and no host port, so several replicas can run", () => {
    const server = services["backend-server"]
    expect(server.container_name).toBeUndefined()
    expect(server.ports).toBeUndefined()
    expect(server.expose).toEqual([server.environment.PORT])
    for (const [name, svc] of Object.entries<any>(services)) {
      // Only nginx and the storefront publish ports; no service is pinned to a container name.
      expect({ name, container_name: svc.container_name }).toEqual({ name, container_name: undefined })
      if (svc.ports) expect(["nginx", "storefront"]).toContain(name)
    }
  })

  it("runs nginx on port 9000 with the repository's configuration, after a healthy backend-server, with a health check", () => {
    const nginx = services.nginx
    expect(nginx.image).toMatch(/^nginx:1\.(2[7-9]|[3-9]\d)/) // `resolve` in an upstream needs 1.27.3+
    expect(nginx.ports).toEqual(["9000:9000"])
    expect(nginx.volumes).toContain("./deploy/nginx:/etc/nginx/sweetshop:ro")
    expect(nginx.command).toEqual(["nginx", "-c", "/etc/nginx/sweetshop/nginx.conf", "-g", "daemon off;"])
    expect(nginx.depends_on["backend-server"]).toEqual({ condition: "service_healthy" })
    expect(nginx.healthcheck.test.join(" ")).toContain("http://127.0.0.1:9000/health")
  })

  it("proxies to every replica by its service name, re-resolved through Docker's DNS, with passive health", () => {
    expect(nginxConf).toMatch(/resolver 127\.0\.0\.11/)
    expect(nginxConf).toMatch(/server backend-server:9000 resolve max_fails=\d+ fail_timeout=\d+s;/)
    expect(nginxConf).toMatch(/listen 9000;/)
    expect(nginxConf).toContain("include /etc/nginx/sweetshop/proxy.conf;")
  })

  it("replays a POST to another server only for the checkout carrying an Idempotency-Key", () => {
    expect(proxyConf).toMatch(/^proxy_next_upstream error timeout http_502 http_503;$/m)
    const nonIdempotent = proxyConf.split("\n").filter((l) => /proxy_next_upstream .*non_idempotent/.test(l))
    expect(nonIdempotent).toHaveLength(1)
    const keyed = proxyConf.slice(proxyConf.indexOf("location @checkout_with_key"))
    expect(keyed.slice(0, keyed.indexOf("}"))).toContain(nonIdempotent[0].trim())
    expect(proxyConf).toMatch(/location ~ \^\/store\/carts\/\[\^\/\]\+\/checkout\/\?\$ \{[^}]*if \(\$http_idempotency_key\)/)
  })
})

describe("docker-compose.yml and the shop's health and metrics routes", () => {
  const services = compose.services as Record<string, any>

  it("checks the backend server's readiness (database and Redis) at GET /health/ready, a route the backend has", () => {
    expect(services["backend-server"].healthcheck.test.join(" ")).toContain("http://localhost:9000/health/ready")
    expect(fs.existsSync(path.join(root, "backend/src/api/health/ready/route.ts"))).toBe(true)
  })

  it("keeps the worker on Medusa's liveness probe, and gives it a port of its own for /metrics", () => {
    const worker = services["backend-worker"]
    expect(worker.healthcheck.test.join(" ")).toContain(`http://localhost:${worker.environment.PORT}/health'`)
    expect(worker.environment.METRICS_PORT).toMatch(/^\d+$/)
    expect(worker.environment.METRICS_PORT).not.toBe(worker.environment.PORT)
  })

  it("passes METRICS_TOKEN and JSON logs to every backend process", () => {
    for (const name of ["backend-server", "backend-worker"]) {
      expect(services[name].environment.METRICS_TOKEN).toBe("${METRICS_TOKEN:-}")
      expect(services[name].environment.LOG_FORMAT).toBe("${LOG_FORMAT:-json}")
    }
  })
})
