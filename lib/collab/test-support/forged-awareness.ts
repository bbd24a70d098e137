// Awareness messages as a modified client would send them: any client id, any clock, any state
// (null removes), framed as Hocuspocus frames them, sent on a real provider's open socket.
import type { HocuspocusProvider } from "@hocuspocus/provider";

export type ForgedState = { clientId: number; clock: number; state: Record<string, unknown> | null };

const AWARENESS = 1;

function varUint(out: number[], value: number) {
  let rest = value;
  while (rest > 0x7f) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
}

function bytes(out: number[], data: Uint8Array) {
  varUint(out, data.length);
  for (const byte of data) out.push(byte);
}

export function sendForgedAwareness(provider: HocuspocusProvider, states: ForgedState[]): void {
  const update: number[] = [];
  varUint(update, states.length);
  for (const { clientId, clock, state } of states) {
    varUint(update, clientId);
    varUint(update, clock);
    bytes(update, new TextEncoder().encode(JSON.stringify(state)));
  }
  const message: number[] = [];
  bytes(message, new TextEncoder().encode(provider.configuration.name));
  varUint(message, AWARENESS);
  bytes(message, Uint8Array.from(update));
  provider.configuration.websocketProvider.send(Uint8Array.from(message));
}
