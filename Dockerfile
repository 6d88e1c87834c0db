# syntax=docker/dockerfile:1
# The cancellation assistant as a container: built once here, started with node, no dev dependencies.
#   docker build -t cancellation-assistant .
#   docker run -p 3978:3978 -v assistant-data:/data --env-file .env cancellation-assistant
# test/productionImage.test.ts reads this file: the runtime stage's COPY lines are the files it
# assembles, installs and starts read-only, so keep every COPY on one line with plain paths.

# Node.js 26 is the current LTS line.
ARG NODE_IMAGE=node:26-trixie-slim

# 1. Build: dev dependencies, TypeScript, the recognizer model, the bundle.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY dialogs ./dialogs
COPY locales ./locales
RUN npm run build

# 2. Production dependencies only: the Web Chat and Chart.js files the server serves, and the
#    packages the bundle leaves to run time. No install scripts: the only one that matters here
#    (botbuilder-dialogs' clean-up of nested recognizer copies) runs `npx rimraf`, a dev dependency,
#    and the bundle already holds botbuilder-dialogs as the build stage installed it.
FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# 3. Runtime: the bundle, the texts, the pages' own files. Owned by root, so the `node` user that
#    runs the service cannot change them; state goes to the /data volume.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/dist/cancellation-assistant.mjs /app/dist/nlu-model.json ./dist/
COPY locales ./locales
COPY src/service/webchat/public ./src/service/webchat/public
COPY src/service/report/public ./src/service/report/public
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 3978
# Liveness (the process answers); orchestrators that route traffic should probe /readyz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself as PID 1 (not npm, which would not pass SIGTERM on): the service drains and exits on it.
STOPSIGNAL SIGTERM
CMD ["node", "dist/cancellation-assistant.mjs"]
