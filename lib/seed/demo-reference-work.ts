// The secretariat's reference work for the demo instrument: its glossary (the contested terms of
// the negotiation and the wording the secretariat recommends) and its library of agreed
// language. The library's passages are the project's own paraphrases of provisions of existing
// instruments, marked as paraphrases: real texts are added by the secretariat.
import type { Prisma } from "../db/generated/client";

export const DEMO_GLOSSARY = [
  {
    term: "child pornography",
    preferred: "child sexual abuse or child sexual exploitation material",
    rationale:
      "“Pornography” suggests consenting adults and lawful material; a child cannot consent, and what is depicted is the record of a crime. The narrow term may also leave out material that shows exploitation without explicit abuse.",
    source:
      "Favoured in the negotiations by Australia, New Zealand and others; the wording of the adopted convention (art. 14).",
  },
  {
    term: "child prostitution",
    preferred: "sexual exploitation of children",
    rationale:
      "“Prostitution” implies a choice or a transaction the child takes part in; the child is the victim of exploitation by others.",
    source: "Terminology guidelines on the sexual exploitation and sexual abuse of children (2016).",
  },
  {
    term: "revenge porn",
    preferred: "non-consensual dissemination of intimate images",
    rationale:
      "“Revenge” takes the perpetrator's view and hints that the victim provoked it; “porn” suggests consent. What is criminalized is sharing the image without consent, whatever the motive.",
    source: "The wording of the adopted convention (art. 16).",
  },
  {
    term: "sextortion",
    preferred: "sexual extortion",
    rationale: "An informal word: treaty text names the offence in full, as the article on it does.",
    source: "Secretariat drafting note.",
  },
  {
    term: "minor",
    preferred: "child",
    rationale:
      "The convention defines a child as a person under 18; “minor” follows each country's age of majority, which differs from one State to another.",
    source: "Use of terms (art. 2).",
  },
];

export const DEMO_AGREED_LANGUAGE = [
  {
    source: "UNTOC",
    article: "art. 24(1)",
    topic: "witnesses",
    text: "Every State Party is to take suitable steps, as far as its resources allow, to shield people who testify in criminal cases from reprisals and intimidation — and, where fitting, their families and others close to them.",
  },
  {
    source: "UNTOC",
    article: "art. 24(2)",
    topic: "witnesses",
    text: "Those steps can include, without affecting the rights of the defendant, keeping witnesses physically safe (moving them elsewhere, and restricting what is disclosed about who they are and where they are) and rules of evidence under which they can testify in safety, for instance by video.",
  },
  {
    source: "UNTOC",
    article: "art. 25(1)",
    topic: "victims",
    text: "Every State Party is to help and protect, as far as its resources allow, the victims of the offences the Convention covers, above all where they are threatened with reprisals or intimidation.",
  },
  {
    source: "UNTOC",
    article: "art. 25(2)",
    topic: "victims",
    text: "Every State Party is to set up suitable procedures through which those victims can obtain compensation and restitution.",
  },
  {
    source: "UNTOC",
    article: "art. 25(3)",
    topic: "victims",
    text: "Subject to its domestic law, every State Party is to let victims put forward their views and concerns, and have them considered, at suitable stages of criminal proceedings against offenders, without prejudice to the rights of the defence.",
  },
];

export async function seedReferenceWork(tx: Prisma.TransactionClient, instrumentId: string): Promise<void> {
  await tx.glossaryTerm.createMany({ data: DEMO_GLOSSARY.map((term) => ({ instrumentId, ...term })) });
  await tx.agreedLanguageEntry.createMany({
    data: DEMO_AGREED_LANGUAGE.map((entry) => ({ instrumentId, ...entry, paraphrase: true })),
  });
}
