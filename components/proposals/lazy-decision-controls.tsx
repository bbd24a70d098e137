"use client";
// The chair's Accept / Reject with a reason is shown only to those who may decide: it is loaded
// for them alone, fetched ahead as soon as their proposals panel is up (proposals-panel.tsx),
// and never downloaded by a delegation, an observer or a reader.
import dynamic from "next/dynamic";

const load = () => import("./decision-controls");

export function preloadDecisionControls() {
  void load();
}

export const DecisionControls = dynamic(() => load().then((m) => m.DecisionControls), { ssr: false });
