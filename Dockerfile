# syntax=docker/dockerfile:1
#
# Two images from one file.
#
# The default target: one image for the five services; the command chooses what runs:
#   docker run passerelle dist/apps/<service>/src/main.js           the service
#   docker run passerelle dist/apps/<service>/src/main.js migrate   its migrations, then exit
#   docker run passerelle dist/tools/dev/create-topics.js           the catalogue's topics, then exit
#
# `--target web`: the web application (apps/web), its built files served by nginx
# with deploy/web/nginx.conf:
#   docker build --target web -t passerelle-web .
#
# The tags are pinned (Node 20 LTS on Debian bookworm; nginx's stable line):
# upgrading a runtime is a decision, not an accident.

# 1. Every dependency, dev ones included: SWC and Vite need them.
FROM node:20.20.2-bookworm-slim AS dependencies
WORKDIR /app
# No install-time analytics pings from dependencies (Scarf) during the build.
ENV SCARF_ANALYTICS=false DO_NOT_TRACK=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. Compile the services' TypeScript with SWC.
FROM dependencies AS build
COPY .swcrc ./
COPY apps ./apps
COPY libs ./libs
COPY tools ./tools
RUN npm run build

# 3. The runtime dependencies only, from the same lock file.
FROM node:20.20.2-bookworm-slim AS production-dependencies
WORKDIR /app
ENV SCARF_ANALYTICS=false DO_NOT_TRACK=1
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 4. The web application's static files (apps/web/dist), built by Vite.
FROM dependencies AS web-build
COPY apps/web ./apps/web
RUN npm run build:web

# 5. The web image: nginx's unprivileged image (uid 101, port 8080), this repository's
# configuration as its whole configuration, and the built files, owned by root and
# read-only for the server. nginx is started directly, not through the image's
# entrypoint scripts, which would rewrite its configuration at start (the root
# filesystem is read-only). No HEALTHCHECK: Kubernetes probes /healthz.
FROM nginxinc/nginx-unprivileged:1.30.4-alpine-slim AS web
COPY deploy/web/nginx.conf /etc/nginx/nginx.conf
COPY --from=web-build /app/apps/web/dist /usr/share/passerelle/web
USER 101
EXPOSE 8080
# As in the base image: SIGQUIT lets nginx finish the requests in flight before it exits.
STOPSIGNAL SIGQUIT
ENTRYPOINT ["nginx", "-g", "daemon off;"]

# 6. The default target, what the services run: Node, the production node_modules and the
# compiled code, owned by root and read-only for the unprivileged `node` user the process runs as.
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
