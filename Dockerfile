# The Sweet Shop backend (and, from its own issue on, the storefront) for docker-compose.yml.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV MEDUSA_DISABLE_TELEMETRY=true
COPY package.json package-lock.json ./
COPY backend/package.json backend/
COPY storefront/package.json storefront/
COPY sandbox/package.json sandbox/
COPY plugins plugins
RUN npm ci --no-audit --no-fund
COPY . .
# Plugins first (the backend loads their build output), then the backend and its admin.
RUN for dir in plugins/*/; do (cd "$dir" && npx medusa plugin:build) || exit 1; done \
 && cd backend && npx medusa build

FROM node:20-bookworm-slim AS backend
WORKDIR /app
ENV NODE_ENV=production MEDUSA_DISABLE_TELEMETRY=true
COPY --from=build /app /app
WORKDIR /app/backend/.medusa/server
EXPOSE 9000
CMD ["npx", "medusa", "start"]
