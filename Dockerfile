# Kiln's image: the server, the worker, and the Chroma server of the chromadb package (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
RUN mkdir -p /var/lib/kiln /data && chown node:node /var/lib/kiln /data
USER node
ENV NODE_ENV=production KILN_DATA_DIR=/var/lib/kiln
EXPOSE 3000
CMD ["npm", "start"]
