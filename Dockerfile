# syntax=docker/dockerfile:1
#
# One image for the five services; the command chooses what runs:
#   docker run passerelle dist/apps/<service>/src/main.js           the service
#   docker run passerelle dist/apps/<service>/src/main.js migrate   its migrations, then exit
#   docker run passerelle dist/tools/dev/create-topics.js           the catalogue's topics, then exit
# The tag is pinned (Node 20 LTS, Debian bookworm): upgrading the runtime is a decision, not an accident.

# 1. Compile TypeScript with SWC, which needs the dev dependencies.
FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
# No install-time analytics pings from dependencies (Scarf) during the build.
ENV SCARF_ANALYTICS=false DO_NOT_TRACK=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY .swcrc ./
COPY apps ./apps
COPY libs ./libs
COPY tools ./tools
RUN npm run build

# 2. The runtime dependencies only, from the same lock file.
FROM node:20.20.2-bookworm-slim AS production-dependencies
WORKDIR /app
ENV SCARF_ANALYTICS=false DO_NOT_TRACK=1
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. What runs: Node, the production node_modules and the compiled code, owned by root and
# read-only for the unprivileged `node` user the process runs as.
FROM node:20.20.2-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json ./
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist/apps ./dist/apps
COPY --from=build /app/dist/libs/contracts ./dist/libs/contracts
COPY --from=build /app/dist/libs/platform ./dist/libs/platform
# The topic step (docker-compose.yml `topics`); catalogue-topics.js reaches only dist/libs.
COPY --from=build /app/dist/tools/dev/create-topics.js /app/dist/tools/dev/catalogue-topics.js ./dist/tools/dev/
USER node
# Exec form, no shell: node is PID 1 and receives SIGTERM itself (Nest's shutdown hooks drain
# and close). Readiness and liveness are Kubernetes probes on /health/*, so no HEALTHCHECK here.
ENTRYPOINT ["node"]
CMD ["dist/apps/identity/src/main.js"]
