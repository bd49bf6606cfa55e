# Kiln's image: the server, the worker, and the Chroma server of the chromadb package (see docker-compose.yml).

# The web client is built in its own stage: its build tools are dev dependencies the image does not carry.
FROM node:20-bookworm-slim AS client
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN node scripts/build-client.mjs --force

FROM node:20-bookworm-slim
# The sandbox's default driver (bubblewrap; prlimit is in util-linux) and Python for Python runs. In a container
# bubblewrap needs user namespaces (a seccomp profile that allows them); otherwise set DOCKER_HOST to a Docker or
# Podman API, and /ready says which driver runs code.
RUN apt-get update && apt-get install -y --no-install-recommends bubblewrap util-linux python3 \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
# With its build stamp, so `npm start` finds the client up to date and does not try to rebuild it.
COPY --from=client /app/client/build client/build
RUN mkdir -p /var/lib/kiln /data && chown node:node /var/lib/kiln /data
USER node
ENV NODE_ENV=production KILN_DATA_DIR=/var/lib/kiln
EXPOSE 3000
CMD ["npm", "start"]
