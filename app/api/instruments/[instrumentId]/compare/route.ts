// GET ?from=<versionId>&to=<versionId|current>: which clauses changed, each compared.
import { routeDoor } from "@/lib/doors/route-door";
import { compareInstrumentVersions, ZCompareInstrumentVersions } from "@/lib/readings/instrument-versions";

export const dynamic = "force-dynamic";

export const GET = routeDoor("instrument.view", ZCompareInstrumentVersions, compareInstrumentVersions);
