"use client";
// Present / Stop presenting is shown only to those who may run the meeting: it reads the chair's
// view through the editor's Yjs binding, so it is loaded for them alone and never downloaded by a
// delegation, an observer or a reader.
import dynamic from "next/dynamic";

export const PresentControl = dynamic(() => import("./present-control").then((m) => m.PresentControl), {
  ssr: false,
});
