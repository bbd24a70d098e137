import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Clausework", template: "%s · Clausework" },
  description: "A drafting room for treaty negotiations.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered for its request, never ahead of time: its scripts carry the nonce of
  // that request's Content-Security-Policy (lib/server/security-headers.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
