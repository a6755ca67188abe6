# The Sweet Shop for docker-compose.yml: two images from one install.
#   target backend     the Medusa server / worker (medusa start in backend/.medusa/server)
#   target storefront  the Next.js storefront (next start on 8000, as the unprivileged user node)
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV MEDUSA_DISABLE_TELEMETRY=true NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY backend/package.json backend/
COPY storefront/package.json storefront/
COPY sandbox/package.json sandbox/
COPY plugins plugins
# The shared contracts: npm ci's postinstall builds them; everything else imports the build.
COPY packages packages
# The lock keeps Next.js and React 19 in storefront/node_modules and the admin's React 18 at the top.
RUN npm ci --no-audit --no-fund
COPY . .
# Plugins first (the backend loads their build output), then the backend and its admin.
RUN for dir in plugins/*/; do (cd "$dir" && npx medusa plugin:build) || exit 1; done \
 && cd backend && npx medusa build

# `next build` needs no backend: the storefront reads the backend URL and the
# publishable key at request time (storefront/src/lib/server/config.ts).
FROM build AS storefront-build
RUN cd storefront && npx next build

FROM node:20-bookworm-slim AS backend
WORKDIR /app
ENV NODE_ENV=production MEDUSA_DISABLE_TELEMETRY=true
COPY --from=build /app /app
WORKDIR /app/backend/.medusa/server
EXPOSE 9000
CMD ["npx", "medusa", "start"]

FROM node:20-bookworm-slim AS storefront
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=8000
WORKDIR /app
# The workspace's hoisted packages (next resolves some from the top), then the
# storefront with its own node_modules and its build. Next.js writes its cache
# under .next at run time, so the storefront belongs to node; /app/.data is
# where the migrate service leaves the publishable key (a volume).
COPY --from=storefront-build /app/package.json ./
COPY --from=storefront-build /app/node_modules node_modules
COPY --from=storefront-build /app/packages packages
COPY --from=storefront-build --chown=node:node /app/storefront storefront
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
WORKDIR /app/storefront
EXPOSE 8000
CMD ["node", "node_modules/next/dist/bin/next", "start", "-H", "0.0.0.0", "-p", "8000"]
