// Reads the few parts the import needs out of a .docx (a zip), never more than the limits
// allow. The zip's central directory is read by hand (a few fixed-size records) so that each
// entry's flags and sizes are known before a byte is inflated; inflating goes through fflate in
// small steps, counting what comes out, so a zip bomb stops at the limit instead of filling
// memory. An encrypted Word file is not a zip at all but an OLE2 compound file: told apart by
// its first bytes.
import { Inflate } from "fflate";
import { describeBytes } from "@/lib/server/body-limits";
import { DOCX_LIMITS } from "./docx-limits";
import { refuseDocx, refuseDocxSize } from "./docx-refusal";

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** Compressed bytes handed to the inflater at a time: bounds what one step can produce. */
const STEP = 4 * 1024;

const NOT_A_DOCX =
  "This file is not a Word document (.docx). Save it from Word as “Word Document (.docx)” and try again.";

type Entry = { name: string; flags: number; method: number; compressedSize: number; localOffset: number };

export type ZipParts = Map<string, Uint8Array>;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function findEndOfDirectory(view: DataView): number {
  // The record is 22 bytes, followed by a comment of at most 65,535 bytes.
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  throw refuseDocx(NOT_A_DOCX);
}

function readDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff)
    throw refuseDocx("This .docx is stored in a form (ZIP64) the import does not read.");
  if (count > DOCX_LIMITS.zipEntries) throw refuseDocx(`This .docx holds more than ${DOCX_LIMITS.zipEntries} parts.`);
  const entries: Entry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw refuseDocx(corrupt());
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + 46 + nameLength > view.byteLength) throw refuseDocx(corrupt());
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + skip;
  }
  return entries;
}

function corrupt(): string {
  return "This Word file is damaged: its parts cannot be read. Open it in Word, save it again, and try again.";
}

/** The entry's compressed bytes, found through its local header. */
function compressedData(bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > view.byteLength || view.getUint32(at, true) !== LOCAL_HEADER) throw refuseDocx(corrupt());
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw refuseDocx(corrupt());
  return bytes.subarray(start, end);
}

class Budget {
  used = 0;
  take(bytes: number) {
    this.used += bytes;
    if (this.used > DOCX_LIMITS.uncompressedBytes) {
      throw refuseDocxSize(
        `This .docx unpacks to more than ${describeBytes(DOCX_LIMITS.uncompressedBytes)} of text, more than a draft holds: it was not imported.`,
      );
    }
  }
}

function inflate(data: Uint8Array, budget: Budget): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: unknown = null;
  const inflater = new Inflate((chunk) => {
    if (failure) return;
    try {
      budget.take(chunk.length);
      chunks.push(chunk);
    } catch (error) {
      failure = error;
    }
  });
  try {
    for (let at = 0; at < data.length && !failure; at += STEP) {
      inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch {
    throw refuseDocx(corrupt());
  }
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * The wanted parts that the zip holds (by name), uncompressed. Refuses what is not a zip, an
 * encrypted Word file, encrypted or unknown compression, and more than the limits allow.
 */
export function readZipParts(bytes: Uint8Array, wanted: readonly string[]): ZipParts {
  if (bytes.byteLength > DOCX_LIMITS.fileBytes) {
    throw refuseDocxSize(`The file is larger than ${describeBytes(DOCX_LIMITS.fileBytes)}, the most the import reads.`);
  }
  if (startsWith(bytes, OLE2)) {
    throw refuseDocx(
      "This Word file is encrypted (protected with a password) or in the old .doc format. Remove the password, or save it as .docx, and try again.",
    );
  }
  if (bytes.byteLength < 22 || !startsWith(bytes, [0x50, 0x4b])) throw refuseDocx(NOT_A_DOCX);
  const budget = new Budget();
  const parts: ZipParts = new Map();
  for (const entry of readDirectory(bytes)) {
    if (!wanted.includes(entry.name) || parts.has(entry.name)) continue;
    if (entry.flags & 1) throw refuseDocx("This Word file is encrypted. Remove the password and try again.");
    const data = compressedData(bytes, entry);
    if (entry.method === 0) {
      budget.take(data.length);
      parts.set(entry.name, data);
    } else if (entry.method === 8) {
      parts.set(entry.name, inflate(data, budget));
    } else {
      throw refuseDocx(corrupt());
    }
  }
  return parts;
}
