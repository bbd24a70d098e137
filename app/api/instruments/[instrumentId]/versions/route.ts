// GET: the instrument's versions (whole or of a chapter). POST {"name", "note"?, "chapterId"?}:
// the chair saves one — a version of every clause in it.
import { routeDoor } from "@/lib/doors/route-door";
import {
  listInstrumentVersions,
  saveInstrumentVersion,
  ZListInstrumentVersions,
  ZSaveInstrumentVersion,
} from "@/lib/readings/instrument-versions";

export const dynamic = "force-dynamic";

export const GET = routeDoor("instrument.view", ZListInstrumentVersions, listInstrumentVersions);
export const POST = routeDoor("reading.save", ZSaveInstrumentVersion, saveInstrumentVersion);
