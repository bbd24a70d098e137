// The demo instrument: selected articles of a rolling text, as it might stand midway through
// the second reading. Wording not yet agreed is in square brackets — bracket marks placed by
// delegations (lib/seed/demo-brackets.ts), never typed characters; "Alt" options sit side by
// side until one is chosen; agreed paragraphs of open articles carry the ad referendum tag.
// Article numbers follow the layout of the real negotiation, so some numbers are skipped.
import type { JSONContent } from "@tiptap/core";
import type { ClauseStatus } from "../db/generated/client";
import { adRef, clauseBody, para } from "./clause-body";

export interface DemoClause {
  /** Article number as cited. */
  number: string;
  title: string;
  topics: string[];
  status: ClauseStatus;
  /** ProseMirror JSON in the shared clause schema (lib/editor/extensions.ts). */
  body: JSONContent;
}

export interface DemoChapter {
  number: string;
  title: string;
  clauses: DemoClause[];
}

export interface DemoInstrument {
  slug: string;
  title: string;
  shortTitle: string;
  chapters: DemoChapter[];
}

const STEPS =
  "Each State Party shall take the legislative and other steps needed to make it a criminal offence under its domestic law";

const purpose: DemoClause = {
  number: "1",
  title: "Statement of purpose",
  topics: ["purpose"],
  status: "AGREED",
  body: clauseBody(
    para(
      "This Convention aims:",
      "To help States Parties prevent, detect and respond to crime committed through information and communications technologies, more quickly and with better results;",
      "To make cooperation among States Parties in such matters faster and more reliable, including the exchange of evidence held in electronic form;",
      "To build the capacity of national authorities through technical assistance and training, with particular regard to the needs of developing countries.",
    ),
    para(
      "In pursuing these aims, States Parties shall give due attention to the protection of children and of other persons in vulnerable situations, and to the needs of victims.",
    ),
  ),
};

const useOfTerms: DemoClause = {
  number: "2",
  title: "Use of terms",
  topics: ["definitions", "children", "victims", "witnesses", "gender"],
  status: "OPEN",
  body: clauseBody(
    para(
      "For the purposes of this Convention:",
      adRef(
        "“Information and communications technology system” means any device, or group of connected devices, that processes electronic data automatically by means of a program;",
      ),
      adRef(
        "“Electronic data” means any representation of facts, information or concepts in a form that an information and communications technology system can process, including a program;",
      ),
      "“Child” means any person under the age of 18 years, without prejudice to the age of sexual consent set by the domestic law of a State Party for the purposes of article 14, paragraph 3;",
      "“Victim” means any natural person who has suffered harm, whether physical, psychological, financial or other, as a result of an offence established in accordance with this Convention;",
      "“Witness” means any person who has given or has agreed to give testimony, or who holds information or electronic data relevant to the investigation or prosecution of an offence established in accordance with this Convention;",
      "“Gender” refers to the roles, expectations and attributes that a society attaches to people as women, men, girls, boys or persons of other gender identities, and is not limited to women and girls.",
    ),
    para(
      "Terms that this article does not define shall be understood in accordance with the domestic law of each State Party, read consistently with its obligations under international law.",
    ),
  ),
};

const genderMainstreaming: DemoClause = {
  number: "5",
  title: "Gender mainstreaming",
  topics: ["gender"],
  status: "OPEN",
  body: clauseBody(
    para(
      "States Parties shall endeavour to integrate a gender perspective into the policies, measures and programmes by which they implement this Convention.",
    ),
    para(
      "Each State Party shall designate, within its competent authorities, a gender adviser or focal point to help investigations and proceedings take account of the different ways in which offences committed through information and communications technologies affect persons of different genders.",
    ),
    para(
      "States Parties shall promote research and collect data, broken down by sex gender and age where appropriate, to improve understanding of how the offences established in accordance with this Convention affect women, men, girls and boys, and persons in vulnerable situations.",
    ),
    para(
      "Nothing in this article requires a State Party to establish offences or procedural rules that apply only to persons of one sex or gender.",
    ),
  ),
};

const humanRights: DemoClause = {
  number: "6",
  title: "Respect for human rights",
  topics: ["human rights", "safeguards", "children"],
  status: "AGREED_AD_REF",
  body: clauseBody(
    para(
      adRef(
        "Each State Party shall implement this Convention in full conformity with the obligations it has assumed under international human rights law.",
      ),
    ),
    para(
      adRef(
        "No provision of this Convention shall be read as allowing a State Party to restrict the exercise of human rights and fundamental freedoms beyond what international human rights law permits. This applies in particular to freedom of expression; to freedom of thought, conscience and religion; to the freedoms of peaceful assembly and association; and to the right to privacy.",
      ),
    ),
    para(
      adRef(
        "Each State Party shall ensure that the measures it takes against the offences established in accordance with this Convention are lawful, necessary and proportionate, are subject to independent oversight, and leave any person whose rights are infringed an effective remedy.",
      ),
    ),
    para(
      adRef(
        "In applying this Convention to children, States Parties shall treat the best interests of the child as a primary consideration.",
      ),
    ),
  ),
};

const csam: DemoClause = {
  number: "14",
  title: "Offences related to [child sexual abuse material] [child pornography]",
  topics: ["csam", "children", "free expression"],
  status: "OPEN",
  body: clauseBody(
    para(
      `${STEPS}, when the conduct is intentional and without right, to engage in any of the following:`,
      "Creating, offering, selling, sharing or otherwise making available child sexual abuse material child pornography through an information and communications technology system;",
      "Acquiring or possessing such material in an information and communications technology system or on a medium for storing electronic data;",
      "Knowingly obtaining access to such material through an information and communications technology system;",
      "Financing or facilitating the conduct described in subparagraphs (a) to (c), including by running a service that exists to make such material available.",
    ),
    para(
      "For the purposes of this article, child sexual abuse material child pornography means visual material, and may include written or audio material, that depicts, describes or represents a child:",
      "Taking part in sexual activity, whether real or simulated;",
      "Subjected to cruel, inhuman or degrading treatment of a sexual nature;",
      "In a manner that shows the child’s sexual parts for a predominantly sexual purpose.",
    ),
    para(
      "A State Party may decide not to criminalize conduct under paragraph 1 (b) and (c) where the material was made and is held with the consent of a child who has reached the age of sexual consent under its domestic law, solely for the private use of the persons involved.",
    ),
    para(
      adRef(
        "A State Party may limit the scope of paragraph 2 to material that depicts an existing person or that is visually indistinguishable from one.",
      ),
    ),
    para(
      "A State Party may reserve the right not to apply paragraph 1 to drawings, cartoons, comics and other artistic representations that do not depict an existing child, provided that they are not used to groom or exploit a child.",
    ),
    para(
      "A State Party may exempt from criminal liability children who make material depicting themselves and share it among themselves by consent, where there is no coercion or exploitation.",
    ),
  ),
};

const grooming: DemoClause = {
  number: "15",
  title: "Solicitation or grooming of a child",
  topics: ["grooming", "children", "csam"],
  status: "AGREED_AD_REF",
  body: clauseBody(
    para(
      adRef(
        `${STEPS} for an adult to communicate with a child, propose a meeting or otherwise seek contact with a child through an information and communications technology system, with the intention of committing against that child a sexual offence, including an offence established in accordance with article 14.`,
      ),
    ),
    para(
      adRef(
        "A State Party may require that the communication be followed by an act directed towards carrying out that intention, such as arranging a meeting or travelling to it.",
      ),
    ),
    para(
      adRef(
        "A State Party may extend the offence in paragraph 1 to cases in which the person contacted is believed to be a child.",
      ),
    ),
    para(
      adRef(
        "In applying this article, States Parties shall bear in mind that grooming may take place over a long period, across several services, and may involve harassment or threats.",
      ),
    ),
  ),
};

const intimateImages: DemoClause = {
  number: "16",
  title: "Non-consensual dissemination of intimate images",
  topics: ["intimate images", "consent", "gender", "free expression"],
  status: "OPEN",
  body: clauseBody(
    para(
      `${STEPS}, when the conduct is intentional knowing and without right, to sell, distribute, transmit, publish or otherwise make available an intimate image of a person through an information and communications technology system, without the consent of the person shown, and with the intention of causing that person harm.`,
    ),
    para(
      "For the purposes of this article, “intimate image” means a photograph, film or other visual recording, whether genuine or digitally created or altered, that shows a person aged 18 years or over without clothing, in underwear or taking part in sexual activity, in circumstances in which that person could reasonably expect it to remain private.",
    ),
    para("Whether consent was given shall be determined in accordance with the domestic law of the State Party."),
    para(
      "Where an intimate image shows a person under the age of 18 years, a State Party may treat the conduct as an offence under article 14.",
    ),
    para(
      "In establishing the offence in paragraph 1, each State Party shall respect freedom of expression, including the dissemination of images in the public interest for journalistic, artistic or academic purposes.",
    ),
  ),
};

const sexualExtortion: DemoClause = {
  number: "17",
  title: "[Sexual extortion]",
  topics: ["sextortion", "gender", "children", "victims"],
  status: "OPEN",
  body: clauseBody(
    para(
      `${STEPS} to threaten, through an information and communications technology system, to disseminate an intimate image of a person, or child sexual abuse material child pornography depicting a child, in order to obtain from that person or from another person money, further images, sexual acts or any other advantage.`,
    ),
    para(
      "The offence in paragraph 1 shall be established whether or not the image exists, is genuine or has been disseminated.",
    ),
    para(
      "States Parties shall treat it as an aggravating circumstance where the offence is committed against a child or causes the victim serious harm, including self-harm.",
    ),
    para(
      "States Parties shall ensure that a victim who reports the offence is not held criminally liable for having made or shared the image concerned.",
    ),
  ),
};

const witnesses: DemoClause = {
  number: "33",
  title: "Protection of witnesses",
  topics: ["witnesses", "victims"],
  status: "OPEN",
  body: clauseBody(
    para(
      "Each State Party shall, within its means, take appropriate steps to shield from reprisals and intimidation any witness who testifies about an offence established in accordance with this Convention, and, where appropriate, members of the witness’s family and others close to the witness.",
    ),
    para(
      "The steps referred to in paragraph 1 may include, without prejudice to the rights of the defendant:",
      adRef(
        "Arrangements to keep such persons physically safe, including, where needed and feasible, moving them to another place and withholding or restricting disclosure of who they are and where they live;",
      ),
      adRef(
        "Rules of evidence under which a witness may testify in safety, for example from another location by video or other suitable technology;",
      ),
      "Measures to protect the online identity and accounts of witnesses, including the removal of personal data published to expose or threaten them.",
    ),
    para(
      "For the purposes of this article, “witness” includes any person who holds or has provided electronic data relevant to the proceedings, including the staff of service providers.",
    ),
    para(
      adRef(
        "States Parties shall consider concluding agreements with other States so that persons protected under paragraph 1 can be relocated abroad where necessary.",
      ),
    ),
    para(adRef("This article applies equally to victims who also act as witnesses.")),
  ),
};

const victims: DemoClause = {
  number: "34",
  title: "Assistance to and protection of victims",
  topics: ["victims", "children", "gender"],
  status: "AGREED_AD_REF",
  body: clauseBody(
    para(
      adRef(
        "Each State Party shall, within the means available to it, help and protect the victims of offences established in accordance with this Convention, especially those who face threats, reprisals or intimidation.",
      ),
    ),
    para(
      adRef(
        "Each State Party shall make available to victims appropriate procedures by which they may seek compensation and restitution for the harm suffered.",
      ),
    ),
    para(
      adRef(
        "Each State Party shall, in accordance with its domestic law, give victims the opportunity to have their views and concerns heard and taken into account at suitable stages of criminal proceedings, without prejudice to the rights of the accused.",
      ),
    ),
    para(
      adRef(
        "Each State Party shall take steps towards the physical and psychological recovery of victims, including in cooperation with non-governmental and other relevant organizations, having regard to their age, gender and particular circumstances, and to the special needs of children.",
      ),
    ),
    para(
      adRef(
        "Each State Party shall take steps, in accordance with its domestic law, to have material depicting a victim of an offence under article 14 or article 16 removed or made inaccessible, including by cooperating with service providers.",
      ),
    ),
  ),
};

const cooperation: DemoClause = {
  number: "35",
  title: "General principles of international cooperation",
  topics: ["cooperation", "children", "human rights"],
  status: "AGREED",
  body: clauseBody(
    para(
      "States Parties shall cooperate with one another, in accordance with this Convention, other applicable international instruments and their domestic law, in investigating and prosecuting the offences established in accordance with this Convention and in gathering electronic evidence of them.",
    ),
    para("States Parties shall provide cooperation under this chapter in a manner consistent with article 6."),
    para("States Parties shall give priority to requests concerning offences against a child who may remain at risk."),
  ),
};

export const DEMO_INSTRUMENT: DemoInstrument = {
  slug: "ict-crime-convention",
  title: "Draft convention on countering the use of information and communications technologies for criminal purposes",
  shortTitle: "ICT crime convention",
  chapters: [
    {
      number: "I",
      title: "General provisions",
      clauses: [purpose, useOfTerms, genderMainstreaming, humanRights],
    },
    { number: "II", title: "Criminalization", clauses: [csam, grooming, intimateImages, sexualExtortion] },
    { number: "III", title: "Procedural measures and law enforcement", clauses: [witnesses, victims] },
    { number: "IV", title: "International cooperation", clauses: [cooperation] },
  ],
};
