// The parts of React's Flight client (as Next ships it) that e2e/support/server-actions.ts uses:
// Next publishes no types for its compiled copy.
declare module "next/dist/compiled/react-server-dom-webpack/client.edge.js" {
  export function encodeReply(value: unknown): Promise<string | FormData>;
  export function createFromReadableStream(
    stream: ReadableStream<Uint8Array>,
    options: { serverConsumerManifest: { moduleMap: object; serverModuleMap: null; moduleLoading: null } },
  ): Promise<unknown>;
}
